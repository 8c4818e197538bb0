import type { Config } from '../config.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { Bm25Builder, type Bm25 } from './bm25.js';
import { createProvider, providerKind, type EmbeddingsProvider } from './embeddings/index.js';
import { fitIdf, HashingEmbeddings, type IdfTable, type WordVector } from './embeddings/hashing.js';
import { contentWords } from './tokenize.js';
import { documentUnits, toRetrievalUnit, type RetrievalUnit } from './units.js';
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

/** The hashing embedder's idf is fitted on about this many units, from evenly spaced documents. */
const IDF_SAMPLE = 5_000;
const EMBED_BATCH = 256;

function sampleTexts(docs: readonly CorpusDocument[], units: number, max: number): string[] {
  const perDoc = Math.max(1, units / Math.max(1, docs.length));
  const stride = Math.max(1, Math.floor(docs.length / Math.max(1, Math.ceil(max / perDoc))));
  const out: string[] = [];
  for (let i = 0; i < docs.length && out.length < max; i += stride) for (const u of documentUnits(docs[i]!)) out.push(u.indexText);
  return out;
}

/**
 * Builds both indexes in one streaming pass over the documents: each unit is made, tokenized once,
 * added to BM25 and embedded, then only its readable part is kept (memory stays near the index size).
 */
export async function buildIndex(corpus: Corpus, config: Config, onProgress?: Progress): Promise<IndexParts> {
  const docs = corpus.documents;
  const n = docs.reduce((sum, d) => sum + documentUnits(d).length, 0);
  let done = 0;
  const step = (by: number) => {
    const before = done;
    done += by;
    if (Math.floor(before / 1000) !== Math.floor(done / 1000) || done === 2 * n) onProgress?.(done, 2 * n);
  };
  onProgress?.(0, 2 * n);
  const idf = providerKind(config) === 'hashing' ? fitIdf(sampleTexts(docs, n, IDF_SAMPLE)) : null;
  const provider = createProvider(config, idf ?? undefined);
  const hashing = provider.embeddings instanceof HashingEmbeddings ? provider.embeddings : null;
  const lexical = new Bm25Builder();
  const units: RetrievalUnit[] = [];
  const wordVectors: WordVector[] = [];
  let vectors: VectorIndex | null = hashing ? VectorIndex.create(hashing.dimensions, n) : null;

  // A remote provider embeds in batches; the offline one embeds each unit's words as they come.
  let pending: string[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const first = units.length - pending.length;
    const embedded = await provider.embeddings.embedDocuments(pending);
    vectors ??= VectorIndex.create(embedded[0]!.length, n);
    embedded.forEach((v, i) => vectors!.add(v, first + i));
    step(pending.length);
    pending = [];
  };
  for (const doc of docs) {
    for (const u of documentUnits(doc)) {
      const id = units.length;
      units.push(toRetrievalUnit(u));
      const words = contentWords(u.indexText);
      const ids = lexical.add(words);
      if (hashing) {
        // Each distinct word is hashed once, looked up by the id BM25 gave it (no second map).
        vectors!.add(hashing.embedWordVectors(ids.map((w, i) => (wordVectors[w] ??= hashing.wordVector(words[i]!)))), id);
        step(2);
      } else {
        pending.push(u.indexText);
        step(1);
        if (pending.length >= EMBED_BATCH) await flush();
      }
    }
  }
  await flush();
  const bm25 = lexical.finish();
  vectors ??= VectorIndex.create(1, 1);
  return { corpus, units, bm25, vectors, provider, idf, builtAt: new Date().toISOString() };
}
