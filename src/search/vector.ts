import hnsw from 'hnswlib-node';

/**
 * The vector index: hnswlib-node HNSW graph over the units' embeddings, cosine space, label = unit
 * number. Saved and loaded with hnswlib's own file format.
 */

export const HNSW_PARAMS = { m: 12, efConstruction: 48, efSearch: 200, seed: 42 } as const;

export interface VectorHit {
  unit: number;
  /** cosine similarity, -1..1 */
  similarity: number;
}

export class VectorIndex {
  private constructor(
    private readonly index: hnsw.HierarchicalNSW,
    readonly dimensions: number,
  ) {
    index.setEf(HNSW_PARAMS.efSearch);
  }

  static create(dimensions: number, capacity: number): VectorIndex {
    const index = new hnsw.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, capacity), HNSW_PARAMS.m, HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed);
    return new VectorIndex(index, dimensions);
  }

  static load(file: string, dimensions: number): VectorIndex {
    const index = new hnsw.HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(file);
    return new VectorIndex(index, dimensions);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  add(vector: number[], unit: number): void {
    this.index.addPoint(vector, unit);
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  /** The `k` nearest units; `allowed` (by unit) restricts the result. */
  search(vector: number[], k: number, allowed?: Uint8Array): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const filter = allowed ? (label: number) => allowed[label] === 1 : undefined;
    const { neighbors, distances } = this.index.searchKnn(vector, n, filter);
    return neighbors.map((unit, i) => ({ unit, similarity: 1 - distances[i]! }));
  }
}
