import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The one loader of language knowledge: word lists and lexicons are data (src/language/data/ and
 * maintained npm packages), read once, never lists inside logic.
 *
 * - function words of English and Norwegian: `stopwords-iso` (MIT), used to tell the language of a question
 *   and, with `question-words.txt` (what questions to a bot say that no stop list has), as search stop words;
 * - English → bokmål: `freedict-en-nb.tsv`, generated from FreeDict eng-nor (CC BY-SA 3.0) by
 *   scripts/language-data.ts, and `field-en-nb.tsv`, the field's own terms no dictionary has;
 * - `concepts.tsv`: the offline embedder's bilingual concept lexicon of the field (written by hand);
 * - `fact-kinds.tsv`: kinds of fact the action plans never carry (opening hours, phone numbers …).
 */

const dataFile = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));
const rows = (name: string): string[][] =>
  readFileSync(dataFile(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));

let functionWords: { en: ReadonlySet<string>; nb: ReadonlySet<string> } | undefined;

/** Words that are function words in one language and not the other (lower case, as written). */
export function languageFunctionWords(): { en: ReadonlySet<string>; nb: ReadonlySet<string> } {
  if (!functionWords) {
    const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
    const en = new Set(iso.en!.filter((w) => /^\p{L}+$/u.test(w)));
    const nb = new Set(iso.no!);
    // A word both lists hold («at», «man», «so», «me») says nothing about the language.
    for (const w of [...en]) if (nb.has(w)) (en.delete(w), nb.delete(w));
    functionWords = { en, nb };
  }
  return functionWords;
}

let stopwords: string[] | undefined;

/**
 * Words that carry no meaning for retrieval, as written (lower case, not folded): the Norwegian and
 * English stop words of `stopwords-iso`, except the words the field's concept lexicon names on their
 * own (the general lists hold «work», «young», «arbeid»), and the question words of `question-words.txt`.
 */
export function searchStopwords(): readonly string[] {
  if (!stopwords) {
    const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
    const meaningful = new Set([...concepts().values()].flat().filter((p) => !p.includes(' ')).map((p) => p.toLowerCase()));
    const general = [...iso.no!, ...iso.en!].map((w) => w.trim().toLowerCase()).filter((w) => !meaningful.has(w));
    const asked = rows('question-words.txt').flatMap((r) => r.join(' ').split(/\s+/));
    stopwords = [...new Set([...general, ...asked].map((w) => w.toLowerCase()).filter((w) => /^\p{L}+$/u.test(w)))];
  }
  return stopwords;
}

let conceptLexicon: Map<string, string[]> | undefined;

/**
 * The offline embedder's concept lexicon (`concepts.tsv`, the field's own terms): concept name → its
 * phrases (one word, or two words in a row), as written.
 */
export function concepts(): ReadonlyMap<string, string[]> {
  return (conceptLexicon ??= new Map(rows('concepts.tsv').map(([name, phrases]) => [name!, phrases!.split('|').map((p) => p.trim()).filter(Boolean)])));
}

export interface FieldTerm {
  pattern: RegExp;
  norwegian: string;
}

let field: FieldTerm[] | undefined;
let lexicon: Map<string, string[]> | undefined;

/** The field's own English → bokmål terms (harm reduction → skadereduksjon). */
export function fieldTerms(): FieldTerm[] {
  return (field ??= rows('field-en-nb.tsv').map(([pattern, norwegian]) => ({ pattern: new RegExp(pattern!, 'i'), norwegian: norwegian! })));
}

/** The general English → bokmål lexicon: headword → translations. */
export function englishLexicon(): ReadonlyMap<string, string[]> {
  return (lexicon ??= new Map(rows('freedict-en-nb.tsv').map(([en, nb]) => [en!, nb!.split('|')])));
}

/** Translations of an English word, trying its plural and verb endings too (relatives → relative). */
export function translate(word: string): string[] {
  const lex = englishLexicon();
  const w = word.toLowerCase();
  const forms = [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/ed$/, ''), w.replace(/ed$/, 'e')];
  for (const f of forms) {
    const t = lex.get(f);
    if (t) return t;
  }
  return [];
}

export interface FactKind {
  name: string;
  /** What a question asking for this kind says (folded text, see src/search/tokenize.ts fold). */
  asks: RegExp;
  /** What a passage that carries it says; a hit without it does not answer. */
  holds: RegExp;
}

let facts: FactKind[] | undefined;

/** Kinds of fact the plans do not carry, as [name, asks, holds] rows of fact-kinds.tsv. */
export function factKinds(): FactKind[] {
  return (facts ??= rows('fact-kinds.tsv').map(([name, asks, holds]) => ({ name: name!, asks: new RegExp(asks!, 'u'), holds: new RegExp(holds!, 'u') })));
}
