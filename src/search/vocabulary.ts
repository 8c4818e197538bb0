import { stem } from './tokenize.js';

/**
 * What the index vocabulary adds to plain terms: compound splitting and typo tolerance.
 *
 * - Compounds: `rusforebyggende` also yields `rus` + `forebygg` when both halves are words of the
 *   corpus, so «forebygging av rus» finds it and `overdoseforebygging` finds `overdose`.
 * - Typos and OCR damage: a query term is widened to vocabulary terms one edit away (two for long
 *   words the index does not know), found through a deletion-neighbourhood map (SymSpell-style).
 */

const MIN_HEAD = 3;
const MIN_TAIL = 4;
const MIN_COMPOUND = 8;

/** The halves of a folded compound word whose stems the vocabulary knows, or [] when none. */
export function splitCompound(word: string, known: (term: string) => boolean): string[] {
  if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word)) return [];
  // Prefer the longest head: `overdoseforebygging` → overdose + forebygging, not over + ….
  for (let i = word.length - MIN_TAIL; i >= MIN_HEAD; i--) {
    const head = word.slice(0, i);
    if (!known(head) && !known(stem(head))) continue;
    let tail = word.slice(i);
    if (!known(stem(tail)) && (tail.startsWith('s') || tail.startsWith('e')) && tail.length > MIN_TAIL) tail = tail.slice(1);
    const tailStem = stem(tail);
    if (known(tailStem)) return [known(head) ? head : stem(head), tailStem];
  }
  return [];
}

/** Damerau-Levenshtein distance (optimal string alignment), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

export interface FuzzyMatch {
  term: string;
  distance: number;
}

/** Finds vocabulary terms near a term. Built lazily on the first query; cost grows with the vocabulary. */
export class FuzzyVocabulary {
  private byDeletion: Map<string, string[]> | null = null;

  constructor(private readonly vocabulary: readonly string[]) {}

  private index(): Map<string, string[]> {
    if (this.byDeletion) return this.byDeletion;
    const map = new Map<string, string[]>();
    const add = (key: string, term: string) => {
      const list = map.get(key);
      if (list) list.push(term);
      else map.set(key, [term]);
    };
    for (const term of this.vocabulary) {
      if (term.length < 4 || /\d/.test(term)) continue;
      add(term, term);
      for (const d of deletions(term)) add(d, term);
    }
    this.byDeletion = map;
    return map;
  }

  /** Terms within `maxDistance` edits (1 or 2) of `term`, nearest first, the term itself excluded. */
  near(term: string, maxDistance: 1 | 2, limit = 4): FuzzyMatch[] {
    if (term.length < 4 || /\d/.test(term)) return [];
    const map = this.index();
    const keys = new Set<string>([term, ...deletions(term)]);
    if (maxDistance === 2) for (const d of deletions(term)) for (const dd of deletions(d)) keys.add(dd);
    const seen = new Set<string>();
    const found: FuzzyMatch[] = [];
    for (const key of keys) {
      for (const candidate of map.get(key) ?? []) {
        if (candidate === term || seen.has(candidate)) continue;
        seen.add(candidate);
        const distance = editDistance(term, candidate, maxDistance);
        if (distance <= maxDistance) found.push({ term: candidate, distance });
      }
    }
    found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
    return found.slice(0, limit);
  }
}
