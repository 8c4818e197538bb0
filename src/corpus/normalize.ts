import { AMBIGUOUS_FIXES, DIRECT_FIXES, EXTRA_WORDS } from './ocr-fixes.js';

/**
 * Text normalization, in one place: PDF-extraction noise and OCR repair.
 *
 * Every plan goes through the same steps (parsers get the result):
 *  1. line endings, NFC, odd spaces and the PDF's private-use bullet glyph («» → «•»);
 *  2. lines that are only a page number, a running page footer («10 « Ruspolitisk handlingsplan …»)
 *     or only a URL (footnotes) are dropped — URLs stay in the raw file, read them with linksOf(raw);
 *  3. a document printed with a blank line between every line (000, 002) loses those blank lines;
 *     a line that holds only spaces marks a real paragraph break there and becomes one blank line;
 *  4. OCR repair (manifest `ocr: true`, see repairOcr below);
 *  5. hyphenation at a line end is joined («alders-» + «gruppen» → «aldersgruppen»; «BoSIN-» +
 *     «veilederen» → «BoSIN-veilederen»; «rus-» + «og» stays);
 *  6. lines are trimmed and runs of blank lines collapse to one.
 * Lines are otherwise kept as lines: table cells and headings stay on their own line for the parsers.
 */
export interface NormalizeOptions {
  ocr: boolean;
  vocabulary: ReadonlySet<string>;
}

/** One repaired token: what the OCR read and what it now says. */
export interface OcrRepair {
  from: string;
  to: string;
}

export interface NormalizeResult {
  text: string;
  repairs: OcrRepair[];
}

/** A set of known words that also counts how often each was seen (to break ties between repairs). */
export class Vocabulary extends Set<string> {
  readonly counts = new Map<string, number>();
  addWord(word: string): void {
    this.add(word);
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>»"]+/giu;

/** The known words (lower case) of the given texts; URLs are not words. */
export function vocabularyOf(texts: string[]): Vocabulary {
  const words = new Vocabulary();
  for (const t of texts) {
    for (const w of t.replace(URL, ' ').toLowerCase().match(/\p{L}+/gu) ?? []) words.addWord(w);
  }
  return words;
}

/** Every URL in a raw plan file, in order, each once (footnotes; 000's list of the Oslo standards). */
export function linksOf(raw: string): string[] {
  return [...new Set((raw.match(URL) ?? []).map((u) => u.replace(/[.,;:)]+$/, '')))];
}

export function normalize(raw: string, opts: NormalizeOptions): string {
  return normalizeWithStats(raw, opts).text;
}

export function normalizeWithStats(raw: string, opts: NormalizeOptions): NormalizeResult {
  let lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\uf0b7\uf0a7\u25aa\u25cf]/g, '•')
    .split('\n');

  lines = lines.filter((l) => !isNoiseLine(l));
  lines = collapseDoubleSpacing(lines);
  lines = lines.map((l) => l.trim().replace(/ {2,}/g, ' '));
  // Second-level bullets written as a lone «o» (002).
  lines = lines.map((l) => l.replace(/^o (?=\S)/, '– '));

  let repairs: OcrRepair[] = [];
  if (opts.ocr) {
    const repaired = repairOcr(lines.join('\n'), opts.vocabulary);
    lines = repaired.text.split('\n');
    repairs = repaired.repairs;
  }
  lines = joinHyphenation(lines);

  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  return { text: `${text}\n`, repairs };
}

function isNoiseLine(line: string): boolean {
  const l = line.trim();
  if (/^\d{1,3}$/.test(l)) return true; // page number
  if (/^\d{1,3} [«»|•—–-] \S/.test(l)) return true; // running footer: «10 « Ruspolitisk handlingsplan …»
  return /^(?:https?:\/\/|www\.)\S+$/i.test(l); // footnote URL
}

/**
 * A PDF extraction that puts an empty line after (nearly) every line carries no paragraph
 * information in those empty lines; drop them. Whitespace-only lines are its real breaks.
 */
function collapseDoubleSpacing(lines: string[]): string[] {
  let text = 0;
  let doubled = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    text++;
    if (lines[i + 1] === '' && lines[i + 2]!.trim() !== '') doubled++;
  }
  if (text === 0 || doubled / text < 0.5) return lines;
  return lines.filter((l) => l !== '').map((l) => (l.trim() === '' ? '' : l));
}

const KEEP_HYPHEN_BEFORE = new Set(['og', 'eller', 'til', 'som', 'samt']);

/**
 * Joins `left`, ending in a hyphen at a line break, with `right`: «alders-» + «gruppen» →
 * «aldersgruppen»; «e-», «BoSIN-», «SaLTo-» keep their hyphen. Null when the hyphen is not a broken
 * word: «rus-» + «og …», or a capital after it.
 */
export function joinHyphen(left: string, right: string): string | null {
  const m = /(\p{L}+)-$/u.exec(left);
  if (!m || !/^\p{Ll}/u.test(right)) return null;
  if (KEEP_HYPHEN_BEFORE.has(right.split(' ')[0]!.replace(/[^\p{L}]/gu, ''))) return null;
  const prefix = m[1]!;
  const keep = prefix.length === 1 || (prefix.match(/\p{Lu}/gu) ?? []).length >= 2;
  return (keep ? left : left.slice(0, -1)) + right;
}

function joinHyphenation(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const word = /^(\S+)(?: |$)/u.exec(out[i + 1]!);
    const joined = word ? joinHyphen(out[i]!, word[1]!) : null;
    if (joined === null) continue;
    out[i] = joined;
    out[i + 1] = out[i + 1]!.slice(word![0].length);
    if (out[i + 1] === '') out.splice(i + 1, 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OCR repair

/**
 * How the OCR misread Norwegian letters (found in plan 004): ø as g, @, e, o, a or p; å as a, d,
 * é, & or 3; æ as ae, ze, ee or e; «je» as «ie». A token is rewritten only when it is not a known
 * word and exactly one rewrite with the fewest changes is a known word (or a compound of known
 * words); known = the words of the clean plans plus ocr-fixes.ts's EXTRA_WORDS.
 */
const SUBSTITUTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['zae', ['æ']],
  ['eae', ['æ']],
  ['ae', ['æ']],
  ['ze', ['æ']],
  ['ee', ['æ']],
  ['eg', ['ø']],
  ['ie', ['je']],
  ['ji', ['j']],
  ['@', ['ø']],
  ['&', ['å']],
  ['g', ['ø']],
  ['e', ['ø', 'æ']],
  ['a', ['å', 'ø']],
  ['o', ['ø']],
  ['d', ['å']],
  ['p', ['ø']],
  ['é', ['å']],
];
const MAX_SUBSTITUTIONS = 2;

export interface OcrRepairResult {
  text: string;
  repairs: OcrRepair[];
}

/** Repairs OCR damage in `text` against `vocabulary` (see SUBSTITUTIONS); returns every change. */
export function repairOcr(text: string, vocabulary: ReadonlySet<string>): OcrRepairResult {
  const known = new KnownWords(vocabulary);
  const repairs: OcrRepair[] = [];
  const record = (from: string, to: string): string => {
    if (from !== to) repairs.push({ from, to });
    return to;
  };
  const cache = new Map<string, string | null>();
  const out = text
    .split('\n')
    .map((line) =>
      line
        // «e» as a bullet, «|» as a capital I at the start of a sentence.
        .replace(/^e (?=\S)/, (m) => record(m, '• '))
        .replace(/(^|[.!?:] )\|(?= [\p{L}\d]|\p{L})/gu, (_m, pre: string) => pre + record('|', 'I'))
        // A lone 3, 8 or & between two words is «å» («for 3 leve», «til 8 bo», «for & sikre»).
        .replace(/(?<=\p{L},? )[38&](?= \p{Ll})/gu, (m) => record(m, 'å'))
        .replace(/\(?[\p{L}@&][\p{L}@&]*/gu, (token) => {
          let fixed = cache.get(token);
          if (fixed === undefined) {
            fixed = repairToken(token, known);
            cache.set(token, fixed);
          }
          return fixed === null ? token : record(token, fixed);
        }),
    )
    .join('\n');
  return { text: out, repairs };
}

/** The curated lists folded into one lookup next to the corpus vocabulary. */
class KnownWords {
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  has(word: string): boolean {
    return this.vocabulary.has(word) || EXTRA_WORDS.has(word);
  }

  /** A compound part: known, and not one of the words the OCR makes out of «mål» and the like. */
  private part(word: string): boolean {
    return this.has(word) && !AMBIGUOUS_FIXES.has(word);
  }

  count(word: string): number {
    const counts = this.vocabulary instanceof Vocabulary ? this.vocabulary.counts : undefined;
    return (counts?.get(word) ?? 0) + (EXTRA_WORDS.has(word) ? 1 : 0);
  }

  /** «bydelstilhørende» = «bydels» + «tilhørende»: both parts known (a linking s/e allowed). */
  isCompound(word: string, depth = 0): boolean {
    if (word.length < 7) return false;
    for (let i = 3; i <= word.length - 3; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      const headKnown = this.part(head) || (/[se]$/.test(head) && head.length > 3 && this.part(head.slice(0, -1)));
      if (!headKnown) continue;
      if (this.part(tail) || (depth < 1 && this.isCompound(tail, depth + 1))) return true;
    }
    return false;
  }

}

/** The repaired token, or null when it stays as it is. */
function repairToken(token: string, known: KnownWords): string | null {
  const lower = token.toLowerCase();
  const ambiguous = AMBIGUOUS_FIXES.get(lower);
  if (ambiguous) return recase(token, ambiguous);
  const direct = DIRECT_FIXES.get(lower);
  if (direct) return /\p{Lu}/u.test(direct.slice(1)) ? direct : recase(token, direct);

  const paren = lower.startsWith('(');
  const core = paren ? lower.slice(1) : lower;
  if (!/[\p{L}]/u.test(core)) return null;
  if (known.has(core)) return null;
  // «(kt» is «Økt»: a leading parenthesis is a misread capital Ø.
  if (paren) return known.has(`ø${core}`) ? recase(token, `ø${core}`) : null;
  if (core.length > 30) return null;

  // A known word beats a compound reading: «oppstar» is «oppstår», not «opp» + «star».
  const candidates = variants(core);
  const exact = pick(candidates.filter((c) => known.has(c.word)), known);
  if (exact) return recase(token, exact);
  if (known.isCompound(core)) return null;
  const compound = pick(candidates.filter((c) => known.isCompound(c.word)), known);
  return compound ? recase(token, compound) : null;
}

interface Candidate {
  word: string;
  changes: number;
}

function variants(word: string): Candidate[] {
  const out: Candidate[] = [];
  const walk = (i: number, acc: string, changes: number): void => {
    if (i >= word.length) {
      if (changes > 0) out.push({ word: acc, changes });
      return;
    }
    walk(i + 1, acc + word[i], changes);
    if (changes >= MAX_SUBSTITUTIONS) return;
    for (const [from, tos] of SUBSTITUTIONS) {
      if (!word.startsWith(from, i)) continue;
      for (const to of tos) walk(i + from.length, acc + to, changes + 1);
    }
  };
  walk(0, '', 0);
  return out;
}

/** Fewest changes first, then the word the corpus uses most. */
function pick(candidates: Candidate[], known: KnownWords): string | undefined {
  if (candidates.length === 0) return undefined;
  const fewest = Math.min(...candidates.map((c) => c.changes));
  const best = candidates
    .filter((c) => c.changes === fewest)
    .sort((a, b) => known.count(b.word) - known.count(a.word) || a.word.localeCompare(b.word, 'nb'));
  return best[0]!.word;
}

/** Gives `word` the case of `token`: «MAL» → «MÅL», «@kt» → «Økt» (a leading @ or ( was a capital Ø). */
function recase(token: string, word: string): string {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (/^[\p{Lu}@(]/u.test(token)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
