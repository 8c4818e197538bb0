import type { Config } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import { Bm25Builder, type Bm25 } from './bm25.js';
import { createProvider, providerKind, type EmbeddingsProvider } from './embeddings/index.js';
import { fitIdf, HashingEmbeddings, type IdfTable } from './embeddings/hashing.js';
import { contentWords } from './tokenize.js';
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
const IDF_SAMPLE = 5_000;
const EMBED_BATCH = 256;

function* sample<T>(items: readonly T[], max: number): Generator<T> {
  const step = Math.max(1, items.length / max);
  for (let i = 0; i < items.length; i += step) yield items[Math.floor(i)]!;
}

export async function buildIndex(corpus: Corpus, config: Config, onProgress?: Progress): Promise<IndexParts> {
  const indexed = buildUnits(corpus);
  const n = indexed.length;
  let done = 0;
  const step = (by: number) => {
    const before = done;
    done += by;
    if (Math.floor(before / 1000) !== Math.floor(done / 1000) || done === 2 * n) onProgress?.(done, 2 * n);
  };
  onProgress?.(0, 2 * n);
  const idf = providerKind(config) === 'hashing' ? fitIdf(sample(indexed.map((u) => u.indexText), IDF_SAMPLE)) : null;
  const provider = createProvider(config, idf ?? undefined);
  const lexical = new Bm25Builder();
  let vectors: VectorIndex | null = null;

  if (provider.embeddings instanceof HashingEmbeddings) {
    // Offline: one pass, each unit tokenized once for both indexes.
    const embedder = provider.embeddings;
    vectors = VectorIndex.create(embedder.dimensions, n);
    for (let i = 0; i < n; i++) {
      const words = contentWords(indexed[i]!.indexText);
      lexical.add(words);
      vectors.add(embedder.embedWords(words), i);
      step(2);
    }
  } else {
    for (const u of indexed) {
      lexical.add(contentWords(u.indexText));
      step(1);
    }
    for (let start = 0; start < n; start += EMBED_BATCH) {
      const batch = indexed.slice(start, start + EMBED_BATCH);
      const embedded = await provider.embeddings.embedDocuments(batch.map((u) => u.indexText));
      vectors ??= VectorIndex.create(embedded[0]!.length, n);
      embedded.forEach((v, i) => vectors!.add(v, start + i));
      step(batch.length);
    }
  }
  const bm25 = lexical.finish();
  vectors ??= VectorIndex.create(1, 1);
  const units = indexed.map(toRetrievalUnit);
  return { corpus, units, bm25, vectors, provider, idf, builtAt: new Date().toISOString() };
}
