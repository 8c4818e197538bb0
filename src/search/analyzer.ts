import { contentWords, stem } from './tokenize.js';
import { FuzzyVocabulary, splitCompound } from './vocabulary.js';

/**
 * Text → index terms, and question → weighted query terms. One analyzer for both sides, so a
 * term the question yields is a term the index can hold.
 */

/** The index terms of one folded content word: its stem, plus the halves of a compound. */
export function wordTerms(word: string, known: (term: string) => boolean): string[] {
  const s = stem(word);
  const parts = splitCompound(word, known).filter((p) => p !== s);
  return parts.length ? [s, ...parts] : [s];
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** Terms of one group stand for one word of the question (coverage counts each group once). */
  group: number;
}

export interface QueryVocabulary {
  has(term: string): boolean;
  fuzzy: FuzzyVocabulary;
}

/** Weights of the variants a question word is widened to. */
export const QUERY_WEIGHTS = {
  compoundPart: 0.7,
  /** a known term's rare neighbour one edit away (OCR damage in the plans: `pargrende`) */
  neighbour: 0.4,
  /** an unknown word's nearest known terms (a typo in the question) */
  correction: 0.8,
} as const;

export function analyzeQuery(question: string, vocab: QueryVocabulary): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  let group = 0;
  const push = (term: string, weight: number, g: number) => {
    if (seen.has(term)) return;
    seen.add(term);
    out.push({ term, weight, group: g });
  };
  for (const word of new Set(contentWords(question))) {
    const s = stem(word);
    if (vocab.has(s)) {
      push(s, 1, group);
      for (const n of vocab.fuzzy.near(s, 1)) push(n.term, QUERY_WEIGHTS.neighbour, group);
      group++;
      continue;
    }
    const parts = splitCompound(word, (t) => vocab.has(t));
    if (parts.length) {
      for (const p of parts) push(p, QUERY_WEIGHTS.compoundPart, group++);
      continue;
    }
    const near = vocab.fuzzy.near(s, s.length >= 7 ? 2 : 1, 3);
    for (const n of near) push(n.term, QUERY_WEIGHTS.correction / n.distance, group);
    // An unknown word still counts against coverage: a question about something the plans never name.
    push(s, 1, group);
    group++;
  }
  return out;
}
