import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The privacy gate's language knowledge (lexicon.yaml next to this file), read and checked once.
 * The one loader of that file: redact.ts and names.ts take their words from here.
 */

export const LEXICON_FILE = fileURLToPath(new URL('./lexicon.yaml', import.meta.url));

const Words = z.string().min(1);
const Schema = z.strictObject({
  diagnoses: Words,
  situations: Words,
  not_names: Words,
  not_name_endings: Words,
  noun_endings: Words,
  first_names: Words,
  ambiguous_first_names: Words,
  surnames: Words,
  surname_endings: Words,
  before_name: Words,
  after_name: Words,
  birth_labels: Words,
  months: Words,
  amount_words: Words,
  year_words: Words,
});

export interface Lexicon {
  /** Matches a word naming a diagnosis or a personal situation. */
  personal: RegExp;
  notNames: ReadonlySet<string>;
  notNameEndings: readonly string[];
  nounEndings: readonly string[];
  firstNames: ReadonlySet<string>;
  ambiguousFirstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  surnameEndings: readonly string[];
  beforeName: ReadonlySet<string>;
  afterName: ReadonlySet<string>;
  /** Regex source: one of the labels of a date of birth («født», «f.», «DOB»). */
  birthLabel: string;
  /** Regex source: a month name. */
  month: string;
  /** Regex source: a word saying a number is an amount or a count. */
  amount: string;
  /** Regex source: a word after which a four-digit number is a year. */
  yearWord: string;
}

const words = (s: string) => s.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so «september» wins over «sep»; «*» is any ending, «_» a space between words. */
function alternation(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/\\\*$/, '[\\p{L}\\p{M}]*').replace(/_/g, '\\s+'))
    .join('|');
}

export function loadLexicon(file = LEXICON_FILE): Lexicon {
  const raw = Schema.parse(parse(readFileSync(file, 'utf8')));
  const personal = alternation([...words(raw.diagnoses), ...words(raw.situations)]);
  return {
    personal: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${personal})(?![\\p{L}\\p{M}\\p{N}])`, 'iu'),
    notNames: new Set(words(raw.not_names)),
    notNameEndings: words(raw.not_name_endings),
    nounEndings: words(raw.noun_endings),
    firstNames: new Set(words(raw.first_names)),
    ambiguousFirstNames: new Set(words(raw.ambiguous_first_names)),
    surnames: new Set(words(raw.surnames)),
    surnameEndings: words(raw.surname_endings),
    beforeName: new Set(words(raw.before_name)),
    afterName: new Set(words(raw.after_name)),
    birthLabel: alternation(words(raw.birth_labels)),
    month: alternation(words(raw.months)),
    amount: alternation(words(raw.amount_words)),
    yearWord: alternation(words(raw.year_words)),
  };
}

let loaded: Lexicon | undefined;

/** The lexicon, loaded on first use. */
export function lexicon(): Lexicon {
  return (loaded ??= loadLexicon());
}
