import { englishLexicon, fieldTerms, frameWords, isEnglishWord, languageFunctionWords, translate } from '../language/index.js';
import { fold } from './tokenize.js';
import { isBokmalWord } from './vocabulary.js';

/**
 * The language of a question (bokmål unless it is clearly English) and the few Norwegian words an
 * English question needs so that retrieval over Norwegian plans finds what it asks about.
 */

export type Language = 'nb' | 'en';

/** Endings only English words have among the plans' and the questions' words (prevention, dangerous, impurities). */
const ENGLISH_ENDING = /\p{L}{3}(?:tions?|ous|ies|ness|ity)$/u;

/** A word of the English lexicon (FreeDict) or dictionary (en_US), plural and verb endings too, that is no bokmål word: «youth», «clients». */
function isEnglishOnly(word: string): boolean {
  return word.length >= 4 && (translate(word).length > 0 || isEnglishWord(word)) && !isBokmalWord(fold(word));
}

/**
 * English when the question has more English than Norwegian function words (stopwords-iso, words in
 * both lists not counted) and English-only words, or English ones and no Norwegian one at all. The plans' own words
 * (Grünerløkka, pårørende, startlån) in an English question do not make it Norwegian, nor English («fentanyl»).
 * @param planWord whether the plans use a word (their words are no sign of English), when the corpus is at hand.
 */
export function detectLanguage(text: string, planWord?: (word: string) => boolean): Language {
  const { en: EN, nb: NB } = languageFunctionWords();
  let en = 0;
  let nb = 0;
  // Words of two letters or more: a lone letter («x», the «S» of «10S») says nothing about the language.
  // Markup («<img src=x onerror=…>») is no one's language, nor is an abbreviation in capitals («FACT», «IPS»).
  const prose = text.replace(/<[^>]*>?/g, ' ');
  // A message typed in capitals throughout («WHO IS RESPONSIBLE …») has no abbreviations to tell apart.
  const written = prose.match(/\p{L}{2,}(?:'\p{L}+)?/gu) ?? [];
  const shouting = written.length >= 3 && written.filter((x) => /^\p{Lu}+$/u.test(x)).length > written.length * 0.7;
  for (const word of written) {
    if (!shouting && /^\p{Lu}+$/u.test(word)) continue;
    const w = word.toLowerCase();
    // stopwords-iso's English list holds country codes and abbreviations («nr», «ca»): a word of two letters
    // is English only when the English lexicon has it («in», «on», «to»).
    if (w.length === 2 && !englishLexicon().has(w) && !NB.has(w)) continue;
    if (EN.has(w) || ENGLISH_ENDING.test(w) || (!NB.has(w) && !planWord?.(w) && isEnglishOnly(w))) en++;
    if (NB.has(w)) nb++;
  }
  // An English plural of a number («over-65s», «the 1990s», «under-18s»): Norwegian never writes it so.
  en += (prose.match(/\b\d+s\b/gu) ?? []).length;
  return (en >= 2 && en > nb) || (en >= 1 && nb === 0) ? 'en' : 'nb';
}

let frame: Set<string> | undefined;
const englishFrame = () => (frame ??= new Set(frameWords()));

/** The Norwegian words of the field an English question asks about ('' when none). */
export function norwegianEquivalents(question: string, known?: (word: string) => boolean): string {
  const field = fieldTerms().filter((t) => t.pattern.test(question));
  const out = field.map((t) => t.norwegian);
  if (known) {
    // Words the field terms did not cover — not even as part of a phrase («fixed contact person» is not
    // «fixed» → reparasjon): the general lexicon's translations that the plans use.
    const spans = field.flatMap((t) => [...question.matchAll(new RegExp(t.pattern.source, 'giu'))].map((m) => [m.index!, m.index! + m[0].length] as const));
    const covered = (at: number) => spans.some(([from, to]) => at >= from && at < to);
    const { en, nb } = languageFunctionWords();
    for (const m of question.matchAll(/\p{L}{3,}/gu)) {
      const w = m[0].toLowerCase();
      // The frame of an English question («which plans …») is not translated: «plans» is not «planlegge».
      if (en.has(w) || englishFrame().has(w) || covered(m.index!) || known(w)) continue;
      // Short translations are mostly other words' forms («tog», «mor»): only words that say something.
      out.push(...translate(w).filter((t) => t.length >= 5 && !nb.has(t) && t.split(' ').every(known)).slice(0, 2));
    }
    out.push(...compounds(question, known, (at) => covered(at) || en.has(question.slice(at).match(/^\p{L}+/u)![0].toLowerCase())));
  }
  return [...new Set(out)].join(' ');
}

/** How bokmål joins two words into one: as they are, or with a linking s or e («bruker» + «råd», «arbeid» + s + «trening»). */
const JOINS = ['', 's', 'e'];

/**
 * Two English words in a row that bokmål writes as one compound the plans use («user councils» →
 * brukerråd): each word's one-word translations (FreeDict), joined.
 */
function compounds(question: string, known: (word: string) => boolean, skip: (at: number) => boolean): string[] {
  const out: string[] = [];
  const found = [...question.matchAll(/\p{L}{3,}/gu)];
  for (let i = 0; i + 1 < found.length; i++) {
    const [a, b] = [found[i]!, found[i + 1]!];
    // Only words next to each other («user councils», not «user … councils»), neither of them a frame word.
    if (skip(a.index!) || skip(b.index!) || !/^\s+$/.test(question.slice(a.index! + a[0].length, b.index!))) continue;
    const heads = translate(a[0].toLowerCase()).filter((t) => !t.includes(' '));
    const tails = translate(b[0].toLowerCase()).filter((t) => !t.includes(' '));
    for (const h of heads) for (const t of tails) for (const j of JOINS) if (known(`${h}${j}${t}`)) out.push(`${h}${j}${t}`);
  }
  return out;
}

/**
 * What a question is searched with: for an English question, the Norwegian words of the field it
 * names (`norwegian`, also what grounding reads) appended to it; a Norwegian question as it is.
 */
export function retrievalTerms(question: string, language: Language, known?: (word: string) => boolean): { query: string; norwegian: string } {
  const norwegian = language === 'en' ? norwegianEquivalents(question, known) : '';
  return { query: norwegian ? `${question} ${norwegian}` : question, norwegian };
}
