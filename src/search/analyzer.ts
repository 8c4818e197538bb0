import { contentWords, digraphVariants, fold, stem } from './tokenize.js';
import { FuzzyVocabulary, splitCompound, type Lexicon } from './vocabulary.js';

/**
 * Text → index terms, and question → weighted query terms. One analyzer for both sides, so a
 * term the question yields is a term the index can hold.
 */

/** The index terms of one folded content word: its stem, plus the halves of a compound. */
export function wordTerms(word: string, lexicon: Lexicon): string[] {
  const s = stem(word);
  const parts = splitCompound(word, lexicon).filter((p) => p !== s);
  return parts.length ? [s, ...parts] : [s];
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** Terms of one group stand for one word of the question (coverage counts each group once). */
  group: number;
}

export interface QueryVocabulary {
  lexicon: Lexicon;
  fuzzy: FuzzyVocabulary;
}

/** Weights of the variants a question word is widened to. */
export const QUERY_WEIGHTS = {
  /** a part of an unknown compound (`rusforebygging` → rus, forebygg) */
  compoundPart: 0.7,
  /** a part of a known compound (`overdosedødsfall` → dødsfall) */
  knownPart: 0.4,
  /** a known term's neighbour one edit away (OCR damage in the plans: `pargrende`) */
  neighbour: 0.4,
  /** an unknown word's nearest known terms (a typo in the question) */
  correction: 0.8,
  /** longer known terms the word begins (the head of a compound) */
  extension: 0.5,
} as const;

/** A known word of 4–5 letters is widened to the longer terms it begins only when it begins at most this many. */
const SHORT_EXTENSIONS = 3;

/** Unknown words shorter than this (as stems) get no typo correction. */
const MIN_TYPO_LENGTH = 5;

export function analyzeQuery(question: string, vocab: QueryVocabulary): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  let group = 0;
  const push = (term: string, weight: number, g: number) => {
    if (seen.has(term)) return;
    seen.add(term);
    out.push({ term, weight, group: g });
  };
  const known = (t: string) => vocab.lexicon.term(t);
  for (const word of new Set(contentWords(question))) {
    const s = stem(word);
    if (known(s)) {
      push(s, 1, group);
      for (const p of splitCompound(word, vocab.lexicon)) push(p, QUERY_WEIGHTS.knownPart, group);
      for (const n of vocab.fuzzy.near(s, 1)) push(n.term, QUERY_WEIGHTS.neighbour, group);
      for (const e of vocab.fuzzy.extensions(s)) push(e, QUERY_WEIGHTS.extension, group);
      // A short word that begins only a few of the plans' words (`hasj` → hasjavvenningsprogram) reaches
      // them too; one that begins many (`rus`, `barn`) would reach everything.
      if (s.length >= 4 && s.length < 6) {
        const few = vocab.fuzzy.extensions(s, SHORT_EXTENSIONS + 1, 4);
        if (few.length <= SHORT_EXTENSIONS) for (const e of few) push(e, QUERY_WEIGHTS.extension, group);
      }
      group++;
      continue;
    }
    // Typed without æøå («paaroerende»): the plans' word the digraphs spell.
    const spelled = digraphVariants(word).map((v) => stem(fold(v))).find(known);
    if (spelled) {
      push(spelled, 1, group++);
      continue;
    }
    // An unknown word: a typo one edit away, else a compound of known parts, else a typo two edits
    // away. Short words are left alone: «været» is not a typo of «sær».
    const near = s.length >= MIN_TYPO_LENGTH ? vocab.fuzzy.near(s, 1, 3) : [];
    const parts = near.length ? [] : splitCompound(word, vocab.lexicon).filter(known);
    if (parts.length) {
      for (const p of parts) {
        push(p, QUERY_WEIGHTS.compoundPart, group);
        // A part that is a compound itself (rus + behandlingstilbud) also reaches text that writes its parts apart.
        for (const sub of splitCompound(p, vocab.lexicon)) if (known(sub)) push(sub, QUERY_WEIGHTS.compoundPart * QUERY_WEIGHTS.knownPart, group);
        group++;
      }
      continue;
    }
    const corrections = near.length || s.length < 8 ? near : vocab.fuzzy.near(s, 2, 3);
    for (const n of corrections) {
      push(n.term, QUERY_WEIGHTS.correction / n.distance, group);
    }
    for (const e of vocab.fuzzy.extensions(s)) push(e, QUERY_WEIGHTS.extension, group);
    // The word itself still counts against coverage: a question about something the plans never name.
    push(s, 1, group);
    group++;
  }
  return out;
}
