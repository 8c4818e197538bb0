import snowball from 'snowball-stemmers';
import { searchStopwords } from '../language/index.js';

/**
 * Norwegian normalization for retrieval, in one place.
 *
 *   text ─► fold (lower case, æ→ae, ø→o, å→a, accents off, OCR «@»→o) ─► words ─► stop words out
 *        ─► Snowball Norwegian stem + a light nominal suffix rule (-ing/-ning) ─► terms
 *
 * Folding first means `pårørende`, `parorende` and `PÅRØRENDE` give the same term; OCR forms that
 * folding cannot reach (`pargrende`) meet through typo tolerance (vocabulary.ts).
 */

const stemmer = snowball.newStemmer('norwegian');

/** Lower case, æ/ø/å and accents folded to ASCII (`Grünerløkka` → `grunerlokka`). */
export function fold(text: string): string {
  let t = text.toLowerCase();
  if (t.includes('@')) t = t.replace(/(?<=\p{L})@|@(?=\p{L})/gu, 'o');
  // Plain ASCII needs nothing more (most words of most texts).
  if (!/[^\x00-\x7f]/.test(t)) return t;
  return t
    .replace(/æ/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** How a keyboard without æ, ø and å writes them: «paaroerende», «foeresatte», «loekka». */
const DIGRAPHS: [RegExp, string][] = [
  [/aa/g, 'å'],
  [/oe/g, 'ø'],
  [/ae/g, 'æ'],
];

/** A word as it would be with each digraph (aa, oe, ae) read as its letter, in every combination; the word itself not included. */
export function digraphVariants(word: string): string[] {
  let out = [word];
  for (const [re, letter] of DIGRAPHS) {
    if (!re.test(word)) continue;
    out = out.flatMap((w) => [w, w.replace(re, letter)]);
  }
  return out.slice(1);
}

/**
 * Text as rules over words read it: folded (æ→ae, ø→o, å→a) and with the digraphs people type for å and ø
 * on a keyboard without them (aa, oe) read as those letters, so «åpent», «aapent» and «apent» are one word.
 */
export function spelled(text: string): string {
  return fold(text).replace(/aa/g, 'a').replace(/oe/g, 'o');
}

/** Words of folded text: runs of letters/digits; dotted ids such as `2.2.2` stay one word. */
export function words(folded: string): string[] {
  return folded.match(/\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu) ?? [];
}

const stemCache = new Map<string, string>();

/** The stem of one folded word. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let s = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer.stem(word) : word;
  // Snowball keeps the verbal noun (-ing/-ning): make `forebygging` meet `forebyggende` (→ forebygg).
  if (s.length > 7 && s.endsWith('ning')) s = s.slice(0, -4);
  else if (s.length > 6 && s.endsWith('ing')) s = s.slice(0, -3);
  // A noun in -m doubles it when inflected (ungdom → ungdommen, program → programmet, rom → rommet), and
  // Snowball leaves the double (`ungdomm`): one m goes, so `ungdom` and `ungdommen` are one term. Not other
  // doubled consonants: those are mostly the word's own (hall, rett, russ ≠ rus).
  if (s.length > 4 && s.endsWith('mm')) s = s.slice(0, -1);
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, s);
  return s;
}

/** Search stop words, folded (src/language/data/search-stopwords.txt). */
const STOPWORDS: ReadonlySet<string> = new Set(searchStopwords().map(fold));

/** Folded content words (stop words and one-letter words out), before stemming. */
export function contentWords(text: string): string[] {
  return words(fold(text)).filter((w) => (w.length > 1 || /\d/.test(w)) && !STOPWORDS.has(w));
}

/** The terms of a text: folded, stop words out, stemmed. */
export function terms(text: string): string[] {
  return contentWords(text).map(stem);
}
