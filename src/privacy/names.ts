import { lexicon } from './lexicon.js';

/**
 * Names in a question about a person: «Kari Nordmann har schizofreni», «jan-erik ødegård, han har
 * ADHD», «Brukeren heter Ola. Han er bostedsløs.». A question that mentions a diagnosis or a personal
 * situation (lexicon.yaml), or that held other personal data, is about a person, and then every name
 * anywhere in it is removed — not only a name in the same sentence as the diagnosis.
 *
 * What counts as a name: a known first name in any case (an ambiguous one such as «Per» or «Liv» only
 * with a capital inside a sentence or next to another name), followed by further capitalised words or
 * a known surname («kari nordmann»); two capitalised words that are not units, districts or services;
 * one capitalised word inside a sentence with a cue around it («pasienten Ola», «heter Kari», «… Zygmunt har»).
 * Units, districts and services («Bydel Gamle Oslo», «Velferdsetaten») are never names. A name that is
 * neither a known first name nor capitalised («zygmunt har adhd»), or an unknown one alone at the start
 * of a sentence («Zygmunt har ADHD»), is not found.
 */

export interface Span {
  start: number;
  end: number;
}

type Kind = 'strong' | 'weak' | 'tail' | 'none';

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** The text between the previous word and this one. */
  gap: string;
  /** First word of a sentence (or of the text). */
  initial: boolean;
  placeholder: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const TITLED = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
/** Right after a name, removed personal data, labelled or not: «Per, f. [fødselsdato]», «Ola ([telefonnummer])». */
const PLACEHOLDER_AFTER = /^[\s,(:–-]*(?:[\p{L}.]{1,16}\s?:?\s?)?\[/u;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    // Letters glued to digits are part of a number or an id («10S», «4F»), not a word.
    if (/\p{N}/u.test(text[start - 1] ?? '')) continue;
    const end = start + m[0].length;
    const gap = text.slice(last, start);
    out.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start,
      end,
      gap,
      initial: out.length === 0 || /[.!?:;\n]/.test(gap),
      placeholder: text[start - 1] === '[' && text[end] === ']',
    });
    last = end;
  }
  return out;
}

function isFirstName(part: string, last: boolean): boolean {
  const { firstNames } = lexicon();
  return firstNames.has(part) || (last && part.length > 3 && part.endsWith('s') && firstNames.has(part.slice(0, -1)));
}

function isSurname(lower: string): boolean {
  const lex = lexicon();
  if (lex.surnames.has(lower)) return true;
  if (lower.length < 5 || lex.notNames.has(lower) || lex.personal.test(lower)) return false;
  return lex.surnameEndings.some((e) => lower.endsWith(e) && lower.length > e.length + 1);
}

function kindOf(w: Word): Kind {
  if (w.placeholder) return 'none';
  const lex = lexicon();
  const parts = w.lower.split(/['’-]/);
  const titled = w.text.split(/['’-]/).every((p) => TITLED.test(p));
  const blocked =
    lex.personal.test(w.text) ||
    parts.some((p) => lex.notNames.has(p) || lex.notNameEndings.some((e) => p.endsWith(e)));
  const first = parts.every((p, i) => isFirstName(p, i === parts.length - 1));
  const ambiguous = parts.length === 1 && (lex.ambiguousFirstNames.has(w.lower) || lex.notNames.has(w.lower));
  if (first && !ambiguous) return 'strong';
  if (first && titled) return w.initial ? 'weak' : 'strong';
  if (titled && !blocked && w.text.length > 1) return 'weak';
  if (!titled && isSurname(w.lower)) return 'tail';
  return 'none';
}

/** Whether the question is about a person: it names a diagnosis or a personal situation. */
export function mentionsPersonalMatter(text: string): boolean {
  return lexicon().personal.test(text);
}

/**
 * Spans of `text` that are a person's name, when the text is about a person (`personal`, or a
 * diagnosis or personal situation in it); none otherwise.
 */
export function namesIn(text: string, personal = mentionsPersonalMatter(text)): Span[] {
  if (!personal) return [];
  const lex = lexicon();
  const words = wordsOf(text);
  const kinds = words.map(kindOf);
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    if (kinds[i] !== 'strong' && kinds[i] !== 'weak') continue;
    // A run: name words with only spaces between them; a surname in lower case may end it.
    let j = i;
    while (j + 1 < words.length && /^\s+$/.test(words[j + 1]!.gap) && kinds[j + 1] !== 'none' && !words[j + 1]!.initial) j++;
    const run = kinds.slice(i, j + 1);
    const strong = run.includes('strong');
    const weak = run.filter((k) => k === 'weak').length;
    const prev = i > 0 && /^\s+$/.test(words[i]!.gap) ? words[i - 1]!.lower : undefined;
    const next = j + 1 < words.length && /^[\s,(:–-]+$/.test(words[j + 1]!.gap) ? words[j + 1]!.lower : undefined;
    // A lone capitalised word opening a sentence is most often a noun («Barnevernet har …»): the cue
    // after it counts only for a first name («Per er bostedsløs»).
    const cue =
      (prev !== undefined && lex.beforeName.has(prev)) ||
      ((!words[i]!.initial || (j === i && isFirstName(words[i]!.lower, true))) &&
        ((next !== undefined && lex.afterName.has(next)) || PLACEHOLDER_AFTER.test(text.slice(words[j]!.end, words[j]!.end + 32))));
    // Unknown words all in the definite form are units or services («hva gjør Barnevernet med …»,
    // «om Politiets nettpatrulje»), unless one is a surname («Ragna Olsen»).
    const nounLike = (w: Word) => {
      const base = w.lower.replace(/s$/, ''); // genitive: «Politiets»
      return base.length >= 5 && lex.nounEndings.some((e) => base.endsWith(e)) && !isSurname(w.lower);
    };
    const noun = !strong && words.slice(i, j + 1).every(nounLike);
    if (!noun && (strong || weak >= 2 || cue)) spans.push({ start: words[i]!.start, end: words[j]!.end });
    i = j;
  }
  return spans;
}
