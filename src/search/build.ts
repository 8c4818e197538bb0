import type { Config } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import { buildBm25, type Bm25 } from './bm25.js';
import { createProvider, providerKind, type EmbeddingsProvider } from './embeddings/index.js';
import { fitIdf, type IdfTable } from './embeddings/hashing.js';
import { buildUnits, toRetrievalUnit, type RetrievalUnit } from './units.js';
import { VectorIndex } from './vector.js';

/** corpus ─► units ─► BM25 + embeddings ─► HNSW: everything a Searcher needs, in memory. */

export interface IndexParts {
  corpus: Corpus;
  units: RetrievalUnit[];
  bm25: Bm25;
  vectors: VectorIndex;
  provider: EmbeddingsProvider;
  /** the hashing embedder's fitted idf table (null for other providers) */
  idf: IdfTable | null;
  builtAt: string;
}

export type Progress = (done: number, total: number) => void;

/** The hashing embedder's idf is fitted on at most this many units, evenly spaced. */
const IDF_SAMPLE = 20_000;
const EMBED_BATCH = 256;

function* sample<T>(items: readonly T[], max: number): Generator<T> {
  const step = Math.max(1, items.length / max);
  for (let i = 0; i < items.length; i += step) yield items[Math.floor(i)]!;
}

export async function buildIndex(corpus: Corpus, config: Config, onProgress?: Progress): Promise<IndexParts> {
  const indexed = buildUnits(corpus);
  const total = indexed.length * 2;
  let done = 0;
  onProgress?.(0, total);
  const bm25 = buildBm25(
    indexed.map((u) => u.indexText),
    () => {
      if (++done % 500 === 0) onProgress?.(done, total);
    },
  );
  done = indexed.length;
  onProgress?.(done, total);

  const idf = providerKind(config) === 'hashing' ? fitIdf(sample(indexed.map((u) => u.indexText), IDF_SAMPLE)) : null;
  const provider = createProvider(config, idf ?? undefined);
  let vectors: VectorIndex | null = null;
  for (let start = 0; start < indexed.length; start += EMBED_BATCH) {
    const batch = indexed.slice(start, start + EMBED_BATCH);
    const embedded = await provider.embeddings.embedDocuments(batch.map((u) => u.indexText));
    vectors ??= VectorIndex.create(embedded[0]!.length, indexed.length);
    embedded.forEach((v, i) => vectors!.add(v, start + i));
    done += batch.length;
    onProgress?.(done, total);
  }
  vectors ??= VectorIndex.create(1, 1);
  const units = indexed.map(toRetrievalUnit);
  return { corpus, units, bm25, vectors, provider, idf, builtAt: new Date().toISOString() };
}
