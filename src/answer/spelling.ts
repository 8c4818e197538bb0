import type { Corpus } from '../corpus/types.js';
import { digraphVariants } from '../search/tokenize.js';
import { corpusKnows } from './refusal.js';

/**
 * Spellings of a keyboard without æ, ø and å: «paaroerende», «foeresatte», «loekka», «gjoer». A word
 * the plans do not use becomes the plans' word when writing aa as å, oe as ø and ae as æ (in every
 * combination) makes one; a word the plans use, or one no variant makes known, stays as written.
 */

export function respell(question: string, corpus: Corpus): string {
  const knows = corpusKnows(corpus);
  return question.replace(/\p{L}+/gu, (word) => {
    if (!/aa|oe|ae/i.test(word) || knows(word)) return word;
    const lower = word.toLowerCase();
    const known = digraphVariants(lower).find((v) => knows(v) || knows(v.replace(/(?:en|et|ene|a|e|er)$/, '')));
    if (!known) return word;
    return word[0] === word[0]!.toUpperCase() ? known[0]!.toUpperCase() + known.slice(1) : known;
  });
}
