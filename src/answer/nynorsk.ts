import type { Corpus } from '../corpus/types.js';
import { languageFunctionWords, nynorskLexicon } from '../language/index.js';
import { corpusKnows } from './refusal.js';

/**
 * A question written in nynorsk («Kva gjer bydelane for å følgje opp folk som skal flytte i eigen
 * bustad?») read in the plans' bokmål, word by word (src/language/data/nn-nb.tsv.gz). Only a question
 * with a word that is nynorsk and not bokmål («ikkje», «korleis», «bydelane») is read so; a word the
 * plans use stays as written, unless it stands for a bokmål function word («kor» → hvor). A bokmål
 * question is returned unchanged.
 */
export function nynorskAsBokmal(question: string, corpus: Corpus): string {
  const knows = corpusKnows(corpus);
  const words = question.match(/\p{L}+/gu) ?? [];
  // Cheap first: the lexicon is only read for a question with a word the plans and bokmål stems do not hold.
  const unknown = words.filter((w) => !knows(w));
  if (!unknown.length) return question;
  const lexicon = nynorskLexicon();
  const { nb } = languageFunctionWords();
  if (!unknown.some((w) => lexicon.get(w.toLowerCase())?.marker)) return question;
  return question.replace(/\p{L}+/gu, (word) => {
    const form = lexicon.get(word.toLowerCase());
    // A word the plans use stays, unless its bokmål form is a function word («kor» → hvor; «skal» stays).
    if (!form || (knows(word) && !nb.has(form.bokmal))) return word;
    return word[0] === word[0]!.toUpperCase() ? form.bokmal[0]!.toUpperCase() + form.bokmal.slice(1) : form.bokmal;
  });
}
