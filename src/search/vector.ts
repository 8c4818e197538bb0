import { existsSync } from 'node:fs';
import path from 'node:path';
import hnsw from 'hnswlib-node';

/**
 * The vector index: the units' embeddings in hnswlib-node HNSW graphs, cosine space, label = unit
 * number. Units are split in order into shards of SHARD_UNITS, each its own graph, built one after
 * another and all searched for a question (their best hits merged). Smaller graphs build faster and,
 * merged, find more of the true nearest units than one large graph: at 1,000 synthetic documents
 * (52k units, 2 shards) 0.61 of the exact top 100 against 0.42 for one graph as before (docs/sok-og-kvalitet.md «Søk»).
 * Saved with hnswlib's own file format, one file a shard (vectors-0.hnsw, vectors-1.hnsw, …).
 */

export const HNSW_PARAMS = { m: 12, efConstruction: 32, efSearch: 128, seed: 42 } as const;
/** Units per graph. */
export const SHARD_UNITS = 32_768;

export interface VectorHit {
  unit: number;
  /** cosine similarity, -1..1 */
  similarity: number;
}

/** The file of shard `i` in an index folder. */
export const shardFileName = (i: number) => `vectors-${i}.hnsw`;
const shardFile = (dir: string, i: number) => path.join(dir, shardFileName(i));

export class VectorIndex {
  private constructor(
    private readonly shards: hnsw.HierarchicalNSW[],
    readonly dimensions: number,
    private readonly capacity: number,
    private readonly shardUnits: number = SHARD_UNITS,
  ) {
    for (const s of shards) s.setEf(HNSW_PARAMS.efSearch);
  }

  /** An empty index for `capacity` units; `shardUnits` is for tests. */
  static create(dimensions: number, capacity: number, shardUnits: number = SHARD_UNITS): VectorIndex {
    return new VectorIndex([], dimensions, Math.max(1, capacity), shardUnits);
  }

  /** Loads the shards saved in `dir`. */
  static load(dir: string, dimensions: number, shards: number): VectorIndex {
    const graphs = Array.from({ length: shards }, (_, i) => {
      const file = shardFile(dir, i);
      if (!existsSync(file)) throw new Error(`${path.basename(file)} mangler`);
      const index = new hnsw.HierarchicalNSW('cosine', dimensions);
      index.readIndexSync(file);
      return index;
    });
    return new VectorIndex(graphs, dimensions, graphs.reduce((n, g) => n + g.getMaxElements(), 0));
  }

  /** What is wrong with the loaded graphs' labels for an index of `units` units, or undefined:
   *  every label a unit number below `units`, each unit in exactly one graph. */
  labelProblem(units: number): string | undefined {
    const seen = new Uint8Array(units);
    let count = 0;
    for (const [i, shard] of this.shards.entries()) {
      for (const label of shard.getIdsList()) {
        if (!Number.isInteger(label) || label < 0 || label >= units) return `${shardFileName(i)} har en ugyldig enhet (${label})`;
        if (seen[label]) return `${shardFileName(i)} har enheten ${label} to ganger`;
        seen[label] = 1;
        count++;
      }
    }
    return count === units ? undefined : `vektorindeksen har ${count} enheter, manifestet ${units}`;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.getCurrentCount(), 0);
  }

  get shardCount(): number {
    return this.shards.length;
  }

  /** Adds unit `unit`'s vector; units come in order, each shard's graph is made when its first unit comes. */
  add(vector: number[], unit: number): void {
    const s = Math.floor(unit / this.shardUnits);
    while (this.shards.length <= s) {
      const index = new hnsw.HierarchicalNSW('cosine', this.dimensions);
      const first = this.shards.length * this.shardUnits;
      index.initIndex(Math.max(1, Math.min(this.shardUnits, this.capacity - first)), HNSW_PARAMS.m, HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed);
      index.setEf(HNSW_PARAMS.efSearch);
      this.shards.push(index);
    }
    this.shards[s]!.addPoint(vector, unit);
  }

  /** Writes one file a shard into `dir`. */
  save(dir: string): void {
    this.shards.forEach((s, i) => s.writeIndexSync(shardFile(dir, i)));
  }

  /** The `k` nearest units over all shards; `allowed` (by unit) restricts the result. */
  search(vector: number[], k: number, allowed?: Uint8Array): VectorHit[] {
    const filter = allowed ? (label: number) => allowed[label] === 1 : undefined;
    const hits: VectorHit[] = [];
    for (const shard of this.shards) {
      const n = Math.min(k, shard.getCurrentCount());
      if (n === 0) continue;
      const { neighbors, distances } = shard.searchKnn(vector, n, filter);
      neighbors.forEach((unit, i) => hits.push({ unit, similarity: 1 - distances[i]! }));
    }
    return hits.sort((a, b) => b.similarity - a.similarity || a.unit - b.unit).slice(0, k);
  }
}
