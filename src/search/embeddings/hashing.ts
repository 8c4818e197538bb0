import { Embeddings } from '@langchain/core/embeddings';
import { createHash } from 'node:crypto';
import { contentWords, stem } from '../tokenize.js';
import { concepts } from '../../language/index.js';

/**
 * The offline default embedder: nothing to download, deterministic, fast.
 *
 * A text becomes a sparse bag of features hashed (with a sign) into `dimensions` numbers:
 *   - the stems of its words (weight 1),
 *   - the character 4-grams of each word (weight 1 in all per word), so OCR damage, typos and
 *     compound halves still overlap with the clean form,
 *   - concepts from a small bilingual lexicon (src/language/data/concepts.tsv), so an English or everyday word lands
 *     near the plans' own term.
 * Feature weights are scaled by an idf table fitted on the corpus (stored with the index), then the
 * vector is L2-normalized: cosine similarity is a fuzzy, idf-weighted overlap.
 */

export const HASHING_VERSION = 2;
export const HASHING_DIMENSIONS = 256;
const NGRAM = 4;
const NGRAM_WEIGHT = 1;
const CONCEPT_WEIGHT = 2;

/** Folded stem (or "stem stem" for two-word phrases) → concept names. */
const conceptIndex: Map<string, string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const [concept, phrases] of concepts()) {
    for (const phrase of phrases) {
      const key = contentWords(phrase).map(stem).join(' ');
      if (!key) continue;
      const list = index.get(key) ?? [];
      if (!list.includes(concept)) list.push(concept);
      index.set(key, list);
    }
  }
  return index;
})();

/** Stems that begin a two-word concept phrase: only after one of these is a pair looked up. */
const phraseHeads = new Set([...conceptIndex.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

/** The features one folded word contributes on its own (stem, 4-grams, concepts). */
function wordFeatures(word: string): Array<[string, number]> {
  const s = stem(word);
  const out: Array<[string, number]> = [[`w:${s}`, 1]];
  const padded = `^${word}$`;
  const grams = Math.max(1, padded.length - NGRAM + 1);
  // The grams of a word weigh NGRAM_WEIGHT together (in norm), however long the word.
  for (let j = 0; j + NGRAM <= padded.length; j++) out.push([`g:${padded.slice(j, j + NGRAM)}`, NGRAM_WEIGHT / Math.sqrt(grams)]);
  for (const c of conceptIndex.get(s) ?? []) out.push([`c:${c}`, CONCEPT_WEIGHT]);
  return out;
}

/** The weighted features of a text, before hashing. */
export function features(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const ws = contentWords(text);
  let previous = '';
  for (const word of ws) {
    for (const [f, w] of wordFeatures(word)) out.set(f, (out.get(f) ?? 0) + w);
    const s = stem(word);
    if (previous) for (const c of conceptIndex.get(`${previous} ${s}`) ?? []) out.set(`c:${c}`, (out.get(`c:${c}`) ?? 0) + CONCEPT_WEIGHT);
    previous = s;
  }
  return out;
}

function bucket(feature: string, dimensions: number): { index: number; sign: number } {
  // FNV-1a: fast, stable across runs and machines.
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return { index: h % dimensions, sign: (h >>> 31) & 1 ? -1 : 1 };
}

export type IdfTable = Record<string, number>;

/** Idf of each feature over the texts (a sample is enough); features seen once are left out (default weight). */
export function fitIdf(texts: Iterable<string>): IdfTable {
  const df = new Map<string, number>();
  let n = 0;
  for (const t of texts) {
    n++;
    for (const f of features(t).keys()) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const idf: IdfTable = {};
  for (const [f, d] of df) if (d > 1) idf[f] = Math.log(1 + n / d);
  idf[''] = Math.log(1 + n); // weight of a feature the corpus never had
  return idf;
}

export interface HashingEmbeddingsParams {
  dimensions?: number;
  idf?: IdfTable;
}

/** A word's own features, hashed and weighted: what a text's vector is summed from. */
export interface WordVector {
  stem: string;
  /** bucket, signed idf-weighted value, bucket, value, … (one array: a cache of many words stays small) */
  features: Float64Array;
}

export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly idf: IdfTable;
  private readonly fallback: number;
  private readonly words = new Map<string, WordVector>();
  private id: string | undefined;

  constructor(params: HashingEmbeddingsParams = {}) {
    super({});
    this.dimensions = params.dimensions ?? HASHING_DIMENSIONS;
    this.idf = params.idf ?? {};
    this.fallback = this.idf[''] ?? 1;
  }

  /** Names the provider and its fitted state: a different idf table means different vectors. */
  get providerId(): string {
    this.id ??= `hashing-v${HASHING_VERSION}-${this.dimensions}-${createHash('sha256').update(JSON.stringify(this.idf)).digest('hex').slice(0, 12)}`;
    return this.id;
  }

  private weighted(feature: string, weight: number): { index: number; value: number } {
    const { index, sign } = bucket(feature, this.dimensions);
    return { index, value: sign * weight * (this.idf[feature] ?? this.fallback) };
  }

  /** A word's features, hashed and weighted (callers that see a word many times keep the result). */
  wordVector(word: string): WordVector {
    const parts = wordFeatures(word);
    const features = new Float64Array(2 * parts.length);
    parts.forEach(([f, w], i) => {
      const { index, value } = this.weighted(f, w);
      features[2 * i] = index;
      features[2 * i + 1] = value;
    });
    return { stem: stem(word), features };
  }

  /** A word's features from a small cache (texts share most of their words). */
  private word(word: string): WordVector {
    let wv = this.words.get(word);
    if (wv) return wv;
    wv = this.wordVector(word);
    if (this.words.size > 100_000) this.words.clear();
    this.words.set(word, wv);
    return wv;
  }

  embed(text: string): number[] {
    return this.embedWordVectors(contentWords(text).map((w) => this.word(w)));
  }

  /** The vector of a text from its words' vectors (wordVector), in text order. */
  embedWordVectors(words: readonly WordVector[]): number[] {
    const v = new Float64Array(this.dimensions);
    let previous = '';
    for (const wv of words) {
      const f = wv.features;
      for (let i = 0; i < f.length; i += 2) v[f[i]!]! += f[i + 1]!;
      if (previous && phraseHeads.has(previous)) {
        for (const c of conceptIndex.get(`${previous} ${wv.stem}`) ?? []) {
          const { index, value } = this.weighted(`c:${c}`, CONCEPT_WEIGHT);
          v[index]! += value;
        }
      }
      previous = wv.stem;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    const out = new Array<number>(this.dimensions);
    for (let i = 0; i < out.length; i++) out[i] = v[i]! / norm;
    return out;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}
