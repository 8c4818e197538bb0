import type { Corpus } from '../corpus/types.js';
import { citationCoverage, type TopicalWord } from './refusal.js';
import { textSentences } from './sentences.js';
import type { Citation } from './types.js';

/** How many sentences of a passage are read together when its share of the question is measured. */
const WINDOW = 3;

/** The run of `size` sentences for which `share` is highest: where it starts, and that share (the first run on a tie). */
function bestRun(sentences: string[], size: number, share: (text: string) => number): { start: number; share: number } {
  let best = { start: 0, share: -1 };
  for (let i = 0; i + size <= sentences.length; i++) {
    const s = share(sentences.slice(i, i + size).join(' '));
    if (s > best.share) best = { start: i, share: s };
  }
  return best;
}

/**
 * What an answer quotes of a prose passage: from its sentence that holds most of the question, not its
 * first sentence («ut i jobb» is in the passage's fourth sentence, not in «For at det skal være mulig
 * …»). A measure is quoted whole; a passage whose first sentence holds as much as any is left as it is.
 */
export function focusPassage(c: Citation, topical: TopicalWord[], corpus: Corpus): Citation {
  if (c.measureId !== null || !topical.length) return c;
  const sentences = textSentences(c.text);
  if (sentences.length < 2) return c;
  // The sentence alone: the passage's heading and references say nothing of which sentence to quote.
  const { start } = bestRun(sentences, 1, (text) => citationCoverage(topical, { ...c, text, section: '', references: [] }, corpus));
  return start === 0 ? c : { ...c, excerpt: sentences.slice(start).join(' ') };
}

/**
 * The share of the question a citation holds (citationCoverage); for a passage, what its best run of
 * WINDOW sentences holds: a long section gathers words that none of its sentences joins («FACT» in one
 * sentence, «eldresenter» in another) and would outrank the measure that is about the question.
 */
export function heldShare(topical: TopicalWord[], c: Citation, corpus: Corpus): number {
  const sentences = c.measureId === null ? textSentences(c.text) : [];
  if (sentences.length <= WINDOW) return citationCoverage(topical, c, corpus, { acronyms: true });
  return bestRun(sentences, WINDOW, (text) => citationCoverage(topical, { ...c, text }, corpus, { acronyms: true })).share;
}
