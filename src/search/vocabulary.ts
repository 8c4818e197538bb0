import type { Corpus } from '../corpus/types.js';
import { bokmalStems, bokmalWords } from '../language/index.js';
import { fold, stem } from './tokenize.js';

/**
 * What the index vocabulary adds to plain terms: compound splitting and typo tolerance.
 *
 * - Compounds: `rusforebyggende` also yields `rus` + `forebygg` when both halves are words of the
 *   corpus, so «forebygging av rus» finds it and `overdoseforebygging` finds `overdose`.
 * - Typos and OCR damage: a query term is widened to vocabulary terms one edit away (two for long
 *   words the index does not know), found through a deletion-neighbourhood map (SymSpell-style).
 */

const MIN_PART = 3;
const MIN_LAST = 5;
const MIN_COMPOUND = 8;

export interface Dictionary {
  /** folded base forms a compound may be cut into */
  words: ReadonlySet<string>;
  /** their stems: a word with one of these is the dictionary's own (`tjenester` is `tjeneste`, not tjen + ester) */
  stems: ReadonlySet<string>;
}

let dictionary: Dictionary | undefined;

/** The bokmål dictionary (hunspell-no, via src/language), folded. */
export function bokmalDictionary(): Dictionary {
  if (!dictionary) {
    const words = new Set(bokmalWords().map(fold));
    dictionary = { words, stems: new Set(bokmalStems()) };
  }
  return dictionary;
}

/** The word a compound ends in, when what comes before it is a word too (with a linking s or e): «deltidsjobber» → «jobber». */
function compoundHead(word: string): string | null {
  const { words } = bokmalDictionary();
  for (let i = 3; i <= word.length - 4; i++) {
    const before = word.slice(0, i);
    const head = word.slice(i);
    // A linking s or e goes with the first part («deltid|s|jobber»), not with the head («deltid|sjobber»).
    if (words.has(before) && /^[se]/.test(head) && head.length > 4 && isBokmalWord(head.slice(1))) return head.slice(1);
    if (isBokmalWord(head) && (words.has(before) || (/[se]$/.test(before) && words.has(before.slice(0, -1))))) return head;
  }
  return null;
}

/** «sommer- og deltidsjobber», «rus- og psykisk helsetjenester»: a first part, «og»/«eller», and the phrase it shares a head with. */
const COORDINATED = /(\p{L}{3,})-\s+(?:og|eller)\s+((?:\p{L}+\s+){0,2}\p{L}+)/gu;

/**
 * The whole words a text's coordinated compounds stand for: «sommer- og deltidsjobber» → «sommerjobber»,
 * «rus- og psykisk helsetjenester» → «rustjenester». Folded, for the index and grounding to know them.
 */
export function coordinatedWholes(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(COORDINATED)) {
    // The first word of the phrase that is a compound carries the shared head («psykisk helsetjenester»).
    const head = m[2]!.split(/\s+/).map(compoundHead).find(Boolean);
    if (head) out.push(`${m[1]}${head}`);
  }
  return out;
}

/**
 * The corpus as its units of text, as grounding counts them (src/answer/refusal.ts) and as search
 * knows its words: each plan's title, each section, each measure with its fields, each glossary entry.
 */
export function corpusTexts(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const d of corpus.documents) {
    out.push(`${d.title} ${d.owner}`);
    for (const s of d.sections) out.push(`${s.title} ${s.text} ${coordinatedWholes(s.text).join(' ')}`);
    for (const m of d.measures) {
      const text = [m.text, m.description, m.goal, m.priority, m.section, ...m.responsible, ...m.references].join(' ');
      out.push(`${text} ${coordinatedWholes(text).join(' ')}`);
    }
  }
  for (const g of corpus.glossary) out.push(`${g.abbreviation} ${g.expansion ?? ''}`);
  return out;
}

/** Whether a folded word is a bokmål word: the dictionary lists it, or a word with its stem. */
export function isBokmalWord(word: string): boolean {
  const d = bokmalDictionary();
  return d.words.has(word) || d.stems.has(stem(word));
}

/** What compound splitting looks words up in: folded words (the corpus's and the dictionary's), and terms (stems). */
export interface Lexicon {
  word(w: string): boolean;
  term(t: string): boolean;
  /** the bokmål dictionary: its words are parts of a compound it does not list whole */
  dictionary?: Dictionary;
}

/**
 * The parts of a folded compound word, as stems, or [] when it does not split. A part before the
 * last is a word of the corpus as it stands (a linking s/e may end it); the last part, 5+ letters,
 * is any inflection of a corpus word. The split into the fewest parts wins:
 * `rusmiddelanalysetjenester` → rusmiddel + analys + tjenest. Failing that, a known last part and a
 * head of 5+ letters are enough (`hasjavvenningsprogram` → hasjavven + program).
 */
export function splitCompound(word: string, lexicon: Lexicon): string[] {
  if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word)) return [];
  // A word the dictionary lists whole is cut only into the corpus's words: «forebygging» is not «fore» + «bygging».
  const dictionary = lexicon.dictionary && !lexicon.dictionary.words.has(word) && !lexicon.dictionary.stems.has(stem(word)) ? lexicon.dictionary.words : null;
  const known = (w: string) => lexicon.word(w) || (dictionary?.has(w) ?? false);
  const inner = (w: string) => (w.length >= MIN_PART && known(w) ? w : /[se]$/.test(w) && w.length > MIN_PART && known(w.slice(0, -1)) ? w.slice(0, -1) : null);
  const last = (w: string) => w.length >= MIN_LAST && lexicon.term(stem(w));
  const n = word.length;
  // best[i]: fewest parts covering word[0, i), with where the last of them starts.
  const best: Array<{ parts: number; from: number } | null> = Array.from({ length: n + 1 }, () => null);
  best[0] = { parts: 0, from: -1 };
  for (let i = MIN_PART; i < n; i++) {
    for (let j = 0; j <= i - MIN_PART; j++) {
      const prev = best[j];
      if (!prev || !inner(word.slice(j, i))) continue;
      if (!best[i] || prev.parts + 1 < best[i]!.parts) best[i] = { parts: prev.parts + 1, from: j };
    }
  }
  let end: { parts: number; from: number } | null = null;
  for (let j = MIN_PART; j <= n - MIN_LAST; j++) {
    if (best[j] && last(word.slice(j)) && (!end || best[j]!.parts + 1 < end.parts)) end = { parts: best[j]!.parts + 1, from: j };
  }
  if (end) {
    const parts = [stem(word.slice(end.from))];
    for (let i = end.from; i > 0; i = best[i]!.from) parts.unshift(stem(inner(word.slice(best[i]!.from, i))!));
    return parts;
  }
  for (let j = MIN_LAST; j <= n - MIN_LAST; j++) {
    if (last(word.slice(j))) return [stem(word.slice(0, j)), stem(word.slice(j))];
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

export interface FuzzyMatch {
  term: string;
  distance: number;
}

/** The distinct trigrams of a term padded with ^ and $: each edit changes at most three of them. */
function trigrams(term: string): string[] {
  const padded = `^${term}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/**
 * Finds vocabulary terms near a term, through a trigram index over the vocabulary (built lazily on
 * the first query; about one integer per letter of the vocabulary), then exact edit distance.
 */
export class FuzzyVocabulary {
  private grams: Map<string, Uint32Array> | null = null;
  private counts: Uint16Array | null = null;
  private sorted: string[] | null = null;

  constructor(private readonly vocabulary: readonly string[]) {}

  /** Longer terms that start with `term` (a compound's head: `booppfolg` → `booppfolgingstjenest`). */
  extensions(term: string, limit = 6, minLength = 6): string[] {
    if (term.length < minLength) return [];
    this.sorted ??= [...this.vocabulary].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < limit && sorted[i]!.startsWith(term); i++) if (sorted[i] !== term) out.push(sorted[i]!);
    return out;
  }

  private index(): Map<string, Uint32Array> {
    if (this.grams) return this.grams;
    const lists = new Map<string, number[]>();
    this.vocabulary.forEach((term, id) => {
      if (term.length < 4 || /\d/.test(term)) return;
      for (const g of trigrams(term)) {
        const list = lists.get(g);
        if (list) list.push(id);
        else lists.set(g, [id]);
      }
    });
    this.grams = new Map([...lists].map(([g, ids]) => [g, Uint32Array.from(ids)]));
    this.counts = new Uint16Array(this.vocabulary.length);
    return this.grams;
  }

  /** Terms within `maxDistance` edits (1 or 2) of `term`, nearest first, the term itself excluded. */
  near(term: string, maxDistance: 1 | 2, limit = 4): FuzzyMatch[] {
    if (term.length < 4 || /\d/.test(term)) return [];
    const index = this.index();
    const counts = this.counts!;
    const grams = trigrams(term);
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of index.get(g) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id]!++;
      }
    }
    const need = Math.max(1, grams.length - 3 * maxDistance);
    const found: FuzzyMatch[] = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      const candidate = this.vocabulary[id]!;
      if (shared < need || candidate === term || Math.abs(candidate.length - term.length) > maxDistance) continue;
      const distance = editDistance(term, candidate, maxDistance);
      if (distance <= maxDistance) found.push({ term: candidate, distance });
    }
    found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1));
    return found.slice(0, limit);
  }
}
