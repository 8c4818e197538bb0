import type { Corpus } from '../corpus/types.js';
import { citationCoverage, type TopicalWord } from './refusal.js';
import type { Citation } from './types.js';

/**
 * What an answer quotes of a prose passage: from its sentence that holds most of the question, not its
 * first sentence («ut i jobb» is in the passage's fourth sentence, not in «For at det skal være mulig
 * …»). A measure is quoted whole; a passage whose first sentence holds as much as any is left as it is.
 */
export function focusPassage(c: Citation, topical: TopicalWord[], corpus: Corpus): Citation {
  if (c.measureId !== null || !topical.length) return c;
  const sentences = c.text.split(/(?<=[.!?])\s+/u);
  if (sentences.length < 2) return c;
  const held = (text: string) => citationCoverage(topical, { ...c, text, section: '', references: [] }, corpus);
  let best = 0;
  sentences.forEach((s, i) => {
    if (held(s) > held(sentences[best]!)) best = i;
  });
  return best === 0 ? c : { ...c, excerpt: sentences.slice(best).join(' ') };
}
