import { stem } from './tokenize.js';
import { wordTerms, type QueryTerm } from './analyzer.js';
import { bokmalDictionary, type Lexicon } from './vocabulary.js';

/**
 * BM25 over the retrieval units, stored flat (offsets / unit ids / term frequencies in typed arrays)
 * so it builds in one pass over the words, saves as two files and loads without re-tokenizing.
 */

export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const;

export interface Bm25Data {
  terms: string[];
  /** the corpus's distinct folded words (compound splitting looks parts up here) */
  words: string[];
  /** postings of term t are [offsets[t], offsets[t+1]) in `units` / `tfs` */
  offsets: Uint32Array;
  units: Uint32Array;
  tfs: Uint16Array;
  unitLengths: Uint32Array;
}

export interface LexicalHit {
  unit: number;
  score: number;
  /** idf-weighted share of the question's words this unit contains, 0..1 */
  coverage: number;
}

/** A growing list of u32 in fixed chunks: never copied while it grows (no 2x peak as a doubling array has). */
class ChunkedU32 {
  private static readonly BITS = 20;
  private readonly chunks: Uint32Array[] = [];
  length = 0;
  push(v: number): void {
    const c = this.length >>> ChunkedU32.BITS;
    if (c === this.chunks.length) this.chunks.push(new Uint32Array(1 << ChunkedU32.BITS));
    this.chunks[c]![this.length++ & ((1 << ChunkedU32.BITS) - 1)] = v;
  }
  at(i: number): number {
    return this.chunks[i >>> ChunkedU32.BITS]![i & ((1 << ChunkedU32.BITS) - 1)]!;
  }
}

/** Builds the index one unit at a time (words from tokenize.contentWords), in unit order. */
export class Bm25Builder {
  // Every unit as word ids; distinct words are few even when units are many.
  private readonly wordIds = new Map<string, number>();
  private readonly unitWords = new ChunkedU32();
  private readonly unitStarts = new ChunkedU32();

  /** Adds the next unit; returns its words' ids (numbered from 0 in order of first sight). */
  add(words: readonly string[]): number[] {
    this.unitStarts.push(this.unitWords.length);
    const ids = new Array<number>(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = this.wordIds.get(words[i]!);
      if (id === undefined) this.wordIds.set(words[i]!, (id = this.wordIds.size));
      this.unitWords.push(id);
      ids[i] = id;
    }
    return ids;
  }

  finish(): Bm25 {
    // Each distinct word → its terms (stem + compound parts known to the corpus).
    const words = [...this.wordIds.keys()];
    const stems = new Set(words.map((w) => stem(w)));
    const lexicon = { word: (w: string) => this.wordIds.has(w), term: (t: string) => stems.has(t), dictionary: bokmalDictionary() };
    const termIds = new Map<string, number>();
    const wordToTerms: number[][] = words.map((w) =>
      wordTerms(w, lexicon).map((t) => {
        let id = termIds.get(t);
        if (id === undefined) termIds.set(t, (id = termIds.size));
        return id;
      }),
    );

    // Two passes over the units' words, no per-unit maps or pair buffers: first document
    // frequencies and lengths, then the postings (unit ids ascending) straight into place.
    this.unitStarts.push(this.unitWords.length);
    const starts = this.unitStarts;
    const all = this.unitWords;
    const nUnits = starts.length - 1;
    const nTerms = termIds.size;
    const unitLengths = new Uint32Array(nUnits);
    const df = new Uint32Array(nTerms);
    const seen = new Int32Array(nTerms).fill(-1);
    for (let u = 0; u < nUnits; u++) {
      let len = 0;
      for (let i = starts.at(u), end = starts.at(u + 1); i < end; i++) {
        for (const t of wordToTerms[all.at(i)]!) {
          len++;
          if (seen[t] !== u) {
            seen[t] = u;
            df[t]!++;
          }
        }
      }
      unitLengths[u] = len;
    }
    const offsets = new Uint32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const fill = offsets.slice(0, -1);
    const units = new Uint32Array(offsets[nTerms]!);
    const tfs = new Uint16Array(units.length);
    seen.fill(-1);
    for (let u = 0; u < nUnits; u++) {
      for (let i = starts.at(u), end = starts.at(u + 1); i < end; i++) {
        for (const t of wordToTerms[all.at(i)]!) {
          if (seen[t] !== u) {
            seen[t] = u;
            units[fill[t]!] = u;
            tfs[fill[t]!++] = 1;
          } else if (tfs[fill[t]! - 1]! < 65_535) {
            tfs[fill[t]! - 1]!++;
          }
        }
      }
    }
    return new Bm25({ terms: [...termIds.keys()], words, offsets, units, tfs, unitLengths });
  }
}

/**
 * What is wrong with postings read from disk, or undefined when they hold together: every loop over
 * them (search, df) is then bounded by the arrays' lengths. Checks offsets (from 0, never falling, ending
 * at the postings' count), unit ids (below the unit count, rising within a term) and term frequencies (≥ 1).
 */
export function bm25Problem(data: Bm25Data): string | undefined {
  const { terms, offsets, units, tfs, unitLengths } = data;
  const n = unitLengths.length;
  if (offsets.length !== terms.length + 1) return 'bm25.bin har feil antall offsets';
  if (tfs.length !== units.length) return 'bm25.bin har ulikt antall enheter og frekvenser';
  if (offsets[0] !== 0 || offsets[terms.length] !== units.length) return 'bm25.bin har offsets utenfor posteringene';
  for (let t = 0; t < terms.length; t++) {
    const start = offsets[t]!;
    const end = offsets[t + 1]!;
    if (end < start) return `bm25.bin har fallende offsets (term ${t})`;
    let last = -1;
    for (let i = start; i < end; i++) {
      const u = units[i]!;
      if (u >= n || u <= last) return `bm25.bin har en ugyldig enhet (${u}) i termen ${t}`;
      if (tfs[i] === 0) return `bm25.bin har frekvens 0 (term ${t})`;
      last = u;
    }
  }
  return undefined;
}

export class Bm25 {
  private readonly termIndex: Map<string, number>;
  private readonly avgLength: number;
  readonly size: number;
  readonly lexicon: Lexicon;

  constructor(readonly data: Bm25Data) {
    this.termIndex = new Map(data.terms.map((t, i) => [t, i]));
    const words = new Set(data.words);
    this.lexicon = { word: (w) => words.has(w), term: (t) => this.termIndex.has(t), dictionary: bokmalDictionary() };
    this.size = data.unitLengths.length;
    let total = 0;
    for (const l of data.unitLengths) total += l;
    this.avgLength = this.size ? total / this.size : 1;
  }

  df(term: string): number {
    const t = this.termIndex.get(term);
    return t === undefined ? 0 : this.data.offsets[t + 1]! - this.data.offsets[t]!;
  }

  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** Each unit's k1·(1 − b + b·length/average), made on the first question. */
  private lengthNorm: Float64Array | null = null;
  // Per-question work arrays, allocated once (a search is synchronous) and cleared by the units touched.
  private work: { scores: Float32Array; coverage: Float32Array; lastGroup: Int32Array; touched: Uint32Array } | null = null;

  /** Top `k` units for the weighted query terms; `allowed` (by unit) restricts the result. */
  search(query: QueryTerm[], k: number, allowed?: Uint8Array): LexicalHit[] {
    const { k1 } = BM25_PARAMS;
    const { offsets, units, tfs } = this.data;
    const lengthNorm = (this.lengthNorm ??= Float64Array.from(this.data.unitLengths, (len) => k1 * (1 - BM25_PARAMS.b + (BM25_PARAMS.b * len) / this.avgLength)));
    this.work ??= {
      scores: new Float32Array(this.size),
      coverage: new Float32Array(this.size),
      lastGroup: new Int32Array(this.size).fill(-1),
      touched: new Uint32Array(this.size),
    };
    const { scores, coverage, lastGroup, touched } = this.work;
    let nTouched = 0;
    // A group's weight in the coverage: the idf of its best-known variant (an unknown word: the rarest idf).
    const groupIdf = new Map<number, number>();
    for (const q of query) {
      // idf() of a term the index lacks (df 0) is the rarest idf there is.
      if (q.weight === 1 || !groupIdf.has(q.group)) groupIdf.set(q.group, this.idf(q.term));
    }
    let totalIdf = 0;
    for (const v of groupIdf.values()) totalIdf += v;
    const ordered = [...query].sort((x, y) => x.group - y.group || y.weight - x.weight);
    for (const q of ordered) {
      const t = this.termIndex.get(q.term);
      if (t === undefined) continue;
      const idf = this.idf(q.term) * q.weight;
      const credit = (groupIdf.get(q.group) ?? 0) * q.weight;
      for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
        const u = units[i]!;
        const tf = tfs[i]!;
        scores[u]! += (idf * tf * (k1 + 1)) / (tf + lengthNorm[u]!);
        if (lastGroup[u] !== q.group) {
          if (lastGroup[u] === -1) touched[nTouched++] = u;
          lastGroup[u] = q.group;
          coverage[u]! += credit;
        }
      }
    }
    const hits = topK(scores, k, allowed, touched.subarray(0, nTouched)).map((u) => ({
      unit: u,
      score: scores[u]!,
      coverage: totalIdf > 0 ? Math.min(1, coverage[u]! / totalIdf) : 0,
    }));
    for (let i = 0; i < nTouched; i++) {
      const u = touched[i]!;
      scores[u] = 0;
      coverage[u] = 0;
      lastGroup[u] = -1;
    }
    return hits;
  }
}

/** Indices of the `k` highest positive scores (among `candidates` when given), best first. */
export function topK(scores: Float32Array, k: number, allowed?: Uint8Array, candidates?: Uint32Array): number[] {
  const heap: number[] = []; // min-heap of unit ids by score
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const n = candidates ? candidates.length : scores.length;
  for (let c = 0; c < n; c++) {
    const u = candidates ? candidates[c]! : c;
    if (scores[u]! <= 0 || (allowed && !allowed[u])) continue;
    if (heap.length < k) {
      heap.push(u);
      up(heap.length - 1);
    } else if (less(heap[0]!, u)) {
      heap[0] = u;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
