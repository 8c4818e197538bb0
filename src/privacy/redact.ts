import { idnr } from '@navikt/fnrvalidator';
import { lexicon } from './lexicon.js';
import { mentionsPersonalMatter, namesIn } from './names.js';

/**
 * Personal data in a question is removed before the question is logged, stored, put in an Answer or
 * sent to any model. `redact()` is the one gate: everything downstream sees only its `text`.
 *
 * Numbers are matched on their digits, whatever is typed between them: «130 972 480 22»,
 * «13.09.72 48022», «130972/48022», «130972–48022», full-width or other Unicode digits, «912.34.567»,
 * «4 1 2 2 3 3 4 4». E-mail also as «navn(at)domene.no» or «navn @ domene.no». Dates of birth
 * («født 13.09.1972», and any date before 2000). Names: see names.ts.
 * Left alone: measure ids (2.1.3, 10S), years and periods (2022–2025), counts and amounts.
 */

export type PersonalDataKind = 'fodselsnummer' | 'd-nummer' | 'birthdate' | 'phone' | 'email' | 'name';

export interface Redaction {
  /** The text with each piece of personal data replaced by a placeholder such as «[telefonnummer]». */
  text: string;
  /** What was removed, each kind once, in a stable order. */
  kinds: PersonalDataKind[];
}

export const PLACEHOLDER: Record<PersonalDataKind, string> = {
  fodselsnummer: '[fødselsnummer]',
  'd-nummer': '[D-nummer]',
  birthdate: '[fødselsdato]',
  phone: '[telefonnummer]',
  email: '[e-post]',
  name: '[navn]',
};

/** A label right before a placeholder («tlf [telefonnummer]»): it belongs to the removed data. */
const LABEL =
  /(?:\b(?:tlf|telefon|telefonnummer|mobil|mobilnummer|nr|e-post|epost|e-postadresse|mail|fødselsnummer|personnummer|d-nummer|phone|email|e-mail|født|fødd|fødselsdato|born)\.?\s*:?\s*(?:den\s+)?)?/iu;

/** The text with the placeholders left by redact() (and their labels) taken out: what to search with. */
export function withoutPlaceholders(text: string): string {
  let out = text;
  for (const p of Object.values(PLACEHOLDER)) {
    out = out.replace(new RegExp(LABEL.source + p.replace(/[[\]]/g, '\\$&'), 'giu'), ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

const ORDER: PersonalDataKind[] = ['fodselsnummer', 'd-nummer', 'birthdate', 'phone', 'email', 'name'];

// ── Normalising what is typed between and as digits ───────────────────────────────────────────────

/** Decimal digits of every numbering system Node knows (Arabic-Indic, Devanagari, …) → 0–9. */
const UNICODE_DIGITS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const system of Intl.supportedValuesOf('numberingSystem')) {
    try {
      const format = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false });
      for (let d = 0; d <= 9; d++) {
        const s = format.format(d);
        if ([...s].length === 1 && s !== String(d)) out.set(s, String(d));
      }
    } catch {
      // A numbering system this build cannot format: its digits fall to NFKC below.
    }
  }
  return out;
})();

const charCache = new Map<string, string>();

/** One character as the number and e-mail matchers read it: a digit 0–9, a space, «-», or itself. */
function plainChar(ch: string): string {
  if (ch < '\u0080') return ch;
  let out = charCache.get(ch);
  if (out !== undefined) return out;
  const nfkc = ch.normalize('NFKC');
  out =
    UNICODE_DIGITS.get(ch) ??
    (nfkc.length === 1 && nfkc < '\u0080'
      ? nfkc // full-width digits and signs (１, ．, ＠), superscripts, mathematical digits
      : /[\p{Zs}\p{Cf}]/u.test(ch)
        ? ' '
        : /[\p{Pd}\u2212]/u.test(ch)
          ? '-'
          : ch);
  if (charCache.size < 10_000) charCache.set(ch, out);
  return out;
}

interface Plain {
  text: string;
  /** origin[i]: offset in the input of the character at offset i of `text` (and one past the end). */
  origin: number[];
}

function plain(input: string): Plain {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of input) {
    const p = plainChar(ch);
    for (let k = 0; k < p.length; k++) origin.push(offset);
    text += p;
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin };
}

// ── Finding personal data in the plain text ───────────────────────────────────────────────────────

interface Found {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

const AT = String.raw`(?:@|[([{<] ?(?:at|@|krøll|alfakrøll) ?[)\]}>])`;
const DOT = String.raw`(?:\.|[ ]?[([] ?(?:dot|punktum) ?[)\]][ ]?)`;
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64} {0,2}${AT} {0,2}(?:[\p{L}\p{N}-]{1,63}${DOT}){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])`,
  'giu',
);
const MAYBE_EMAIL = new RegExp(AT, 'iu');

interface Group {
  start: number;
  end: number;
  digits: string;
  /** A country code +47 / 0047 before a phone number. */
  prefix: boolean;
  /** Part of a measure id, a period, a date or a year: not personal (see markProtected). */
  protected: boolean;
}

/** Runs of digit groups with only separators between them: «130 972 480 22», «912.34.567». */
function digitRuns(text: string): Group[][] {
  const groups: Group[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    let start = m.index;
    let digits = m[0];
    const cc = digits.startsWith('0047') ? 4 : text[start - 1] === '+' && digits.startsWith('47') ? 2 : 0;
    if (cc) {
      groups.push({ start, end: start + cc, digits: digits.slice(0, cc), prefix: true, protected: false });
      start += cc;
      digits = digits.slice(cc);
      if (!digits) continue;
    }
    groups.push({ start, end: start + digits.length, digits, prefix: false, protected: false });
  }
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const g of groups) {
    const prev = run.at(-1);
    if (prev && !/^(?:| {1,2}| ?[-./] ?)$/.test(text.slice(prev.end, g.start))) {
      runs.push(run);
      run = [];
    }
    run.push(g);
  }
  if (run.length) runs.push(run);
  for (const r of runs) markProtected(r, text);
  return runs;
}

const YEAR = /^(?:19|20)\d\d$/;

/**
 * A run split where it holds what is not personal: measure ids (2.1.3, single digits joined by dots),
 * pairs of years (2022–2025, 2021 2024), dates (23.09.2025; one before 2000 is found as a date of birth)
 * months (12/2020) and a year after «i», «til», «fra» … («til 2024 13-23»).
 */
function markProtected(run: Group[], text: string): void {
  const keep = run.map(() => true);
  const dotted = (i: number) => i + 1 < run.length && text.slice(run[i]!.end, run[i + 1]!.start) === '.';
  // Chains of groups joined by a bare dot; chainOf[i] is the length of the chain group i is in.
  const chains: [number, number][] = [];
  for (let i = 0; i < run.length; i++) {
    let j = i;
    while (dotted(j)) j++;
    chains.push([i, j]);
    i = j;
  }
  const chainOf: [number, number][] = [];
  for (const c of chains) for (let k = c[0]; k <= c[1]; k++) chainOf[k] = c;
  const lone = (i: number) => i >= 0 && i < run.length && run[i]!.digits.length === 1 && chainOf[i]![0] === chainOf[i]![1];
  // «4 1 2 2 3.3 4 4» is a phone number with a stray dot, not a measure id among single digits.
  const spaced = run.filter((_, i) => lone(i)).length >= 2;
  for (const [i, j] of chains) {
    const chain = run.slice(i, j + 1);
    const measureId = chain.length >= 2 && chain.length <= 3 && chain.every((g) => g.digits.length === 1);
    if (measureId && !spaced && !lone(i - 1) && !lone(j + 1)) for (let k = i; k <= j; k++) keep[k] = false;
  }
  const yearWord = compiled().yearBefore;
  run.forEach((g, i) => {
    if (YEAR.test(g.digits) && yearWord.test(text.slice(Math.max(0, g.start - 16), g.start))) keep[i] = false;
  });
  for (let i = 0; i + 1 < run.length; i++) {
    if (YEAR.test(run[i]!.digits) && YEAR.test(run[i + 1]!.digits)) keep[i] = keep[i + 1] = false;
    if (isDate(run.slice(i, i + 3), text)) keep[i] = keep[i + 1] = keep[i + 2] = false;
    // A month and a year: «rapport 12/2020», «12.2020».
    const [m, y] = [run[i]!, run[i + 1]!];
    if (m.digits.length <= 2 && Number(m.digits) >= 1 && Number(m.digits) <= 12 && YEAR.test(y.digits) && /^[./]$/.test(text.slice(m.end, y.start))) {
      keep[i] = keep[i + 1] = false;
    }
  }
  run.forEach((g, k) => (g.protected = !keep[k]));
}

/** The runs split around their protected groups. */
function withoutProtected(runs: Group[][]): Group[][] {
  const out: Group[][] = [];
  for (const run of runs) {
    let cur: Group[] = [];
    for (const g of run) {
      if (!g.protected) cur.push(g);
      else if (cur.length) (out.push(cur), (cur = []));
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** DDMMYY as a fødselsnummer (day 01–31), D-nummer (day + 40) or H-nummer (month + 40) begins. */
function startsWithBirthDate(date: string): boolean {
  const day = Number(date.slice(0, 2)) % 40;
  const month = Number(date.slice(2, 4)) % 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** An 11-digit number that is a fødselsnummer or D-nummer — or a mistyped one (starts with a birth date). */
function idNumberKind(digits: string): PersonalDataKind | null {
  const result = idnr(digits);
  if (result.status === 'valid') return result.type.startsWith('dnr') ? 'd-nummer' : 'fodselsnummer';
  return startsWithBirthDate(digits.slice(0, 6)) ? 'fodselsnummer' : null;
}

/** Groups that read as a date «13.09.2025» / «13/9-2025»: no phone number. */
function isDate(groups: Group[], text: string): boolean {
  if (groups.length !== 3) return false;
  const [d, m, y] = groups as [Group, Group, Group];
  const seps = [text.slice(d.end, m.start), text.slice(m.end, y.start)];
  return (
    seps.every((s) => /[./-]/.test(s)) &&
    d.digits.length <= 2 &&
    m.digits.length <= 2 &&
    Number(d.digits) >= 1 &&
    Number(d.digits) <= 31 &&
    Number(m.digits) >= 1 &&
    Number(m.digits) <= 12 &&
    YEAR.test(y.digits)
  );
}

let patterns: { amountAfter: RegExp; amountBefore: RegExp; yearBefore: RegExp; labelledBirth: RegExp; plainBirth: RegExp } | undefined;

function compiled() {
  if (patterns) return patterns;
  const lex = lexicon();
  const sep = String.raw`(?: ?[-./] ?| )`;
  const year = String.raw`(?:\d{4}|\d{2})`;
  const dates = [
    String.raw`\d{1,2}${sep}\d{1,2}${sep}${year}`,
    String.raw`\d{1,2}\.? ?(?:${lex.month})\.?(?: ?${year})?`,
    String.raw`(?:${lex.month})\.? \d{1,2}(?:st|nd|rd|th)?,? ?\d{4}`,
    String.raw`(?:19|20)\d\d ?[-./] ?\d{1,2} ?[-./] ?\d{1,2}`,
    String.raw`\d{8}`,
    String.raw`\d{6}`,
    String.raw`(?:19|20)\d\d`,
  ];
  patterns = {
    amountAfter: new RegExp(String.raw`^ ?(?:${lex.amount})(?![\p{L}])`, 'iu'),
    amountBefore: new RegExp(String.raw`(?<![\p{L}])(?:kr|nok)\.? ?$`, 'iu'),
    yearBefore: new RegExp(String.raw`(?<![\p{L}])(?:${lex.yearWord}) $`, 'iu'),
    labelledBirth: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:${lex.birthLabel}) ?:? ?(?:(?:den|d\.|on|the|i|in) )?(${dates.join('|')})(?![\p{L}\d])`,
      'giu',
    ),
    plainBirth: new RegExp(
      String.raw`(?<![\d.\-/])(\d{1,2} ?[-./] ?\d{1,2} ?[-./] ?19\d\d|\d{1,2}\.? ?(?:${lex.month})\.? ?19\d\d|19\d\d-\d{1,2}-\d{1,2})(?![\p{L}\d])`,
      'giu',
    ),
  };
  return patterns;
}

function find(text: string): Found[] {
  const found: Found[] = [];
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  const take = (start: number, end: number, kind: PersonalDataKind) => {
    if (!free(start, end)) return;
    found.push({ start, end, kind });
    taken.fill(1, start, end);
  };
  const p = compiled();

  if (MAYBE_EMAIL.test(text)) for (const m of text.matchAll(EMAIL)) take(m.index, m.index + m[0].length, 'email');

  const unfree = (runs: Group[][]) => runs.map((r) => r.filter((g) => free(g.start, g.end))).filter((r) => r.length);
  /** Any 11 digits in a row of groups that `kindOf` takes for a fødselsnummer or D-nummer. */
  const idNumbers = (runs: Group[][], kindOf: (digits: string, groups: Group[]) => PersonalDataKind | null) => {
    for (const run of unfree(runs)) {
      for (let i = 0; i < run.length; i++) {
        let digits = '';
        for (let j = i; j < run.length; j++) {
          digits += run[j]!.digits;
          if (digits.length < 11) continue;
          const kind = digits.length === 11 && !run[i]!.prefix ? kindOf(digits, run.slice(i, j + 1)) : null;
          if (kind) {
            take(run[i]!.start, run[j]!.end, kind);
            i = j;
          }
          break;
        }
      }
    }
  };
  // A number with a valid checksum is one, however its groups read («1909 2001 234» is no period),
  // unless it is made of measure ids and periods only («2.1.5 2021-2024»); a mistyped one (11 digits
  // starting with a birth date) only outside measure ids and periods.
  const raw = digitRuns(text);
  idNumbers(raw, (digits, groups) => (idnr(digits).status === 'valid' && groups.some((g) => !g.protected) ? idNumberKind(digits) : null));
  const runs = withoutProtected(raw);
  idNumbers(runs, idNumberKind);

  // Dates of birth: after «født», «f.», «DOB» …, and any full date before 2000.
  for (const re of [p.labelledBirth, p.plainBirth]) {
    for (const m of text.matchAll(re)) {
      const date = m[1]!;
      const start = m.index + m[0].length - date.length;
      take(start, start + date.length, 'birthdate');
    }
  }

  // Phone numbers: 8 digits starting 2–9, with +47 / 0047 before them or not.
  for (const run of unfree(runs)) {
    // An amount or a count: «kr 2 500 000», «23 456 789 kroner».
    const last = run.at(-1)!.end;
    if (p.amountAfter.test(text.slice(last, last + 16)) || p.amountBefore.test(text.slice(Math.max(0, run[0]!.start - 6), run[0]!.start))) continue;
    for (let i = 0; i < run.length; i++) {
      const k = run[i]!.prefix ? i + 1 : i;
      if (k >= run.length) break;
      let digits = '';
      for (let j = k; j < run.length; j++) {
        digits += run[j]!.digits;
        if (digits.length < 8) continue;
        const groups = run.slice(k, j + 1);
        const end = run[j]!.end;
        const start = run[i]!.prefix && text[run[i]!.start - 1] === '+' ? run[i]!.start - 1 : run[i]!.start;
        const phone =
          digits.length === 8 &&
          /^[2-9]/.test(digits) &&
          !(groups.length === 1 && /^(?:19|20)\d\d(?:19|20)\d\d$/.test(digits)) &&
          !p.amountAfter.test(text.slice(end, end + 16));
        if (phone) {
          take(start, end, 'phone');
          i = j;
        }
        break;
      }
    }
  }
  return found;
}

/** Contact data and numbers in a text, each with what identifies it (its digits, its address). */
export interface Contact {
  kind: Exclude<PersonalDataKind, 'name'>;
  /** Digits for numbers and dates; the address, lower case, for e-mail. */
  value: string;
}

/**
 * The phone numbers, e-mail addresses, id numbers and dates of birth in a text, found as redact()
 * finds them: for checking that a model's reply holds none the sources do not hold (src/answer/check.ts).
 */
export function contactsIn(input: string): Contact[] {
  const { text } = plain(input);
  return find(text).map((f) => {
    const raw = text.slice(f.start, f.end);
    if (f.kind !== 'email') return { kind: f.kind, value: raw.replace(/\D/g, '').replace(/^(?:0047|47(?=\d{8}$))/, '') } as Contact;
    return { kind: f.kind, value: raw.toLowerCase().replace(/\s/g, '').replace(new RegExp(AT, 'iu'), '@') } as Contact;
  });
}

export function redact(input: string): Redaction {
  const kinds = new Set<PersonalDataKind>();
  const { text: plainText, origin } = plain(input);
  let text = input;
  // Replace from the end so earlier offsets stay valid.
  for (const f of find(plainText).sort((a, b) => b.start - a.start)) {
    kinds.add(f.kind);
    text = text.slice(0, origin[f.start]) + PLACEHOLDER[f.kind] + text.slice(origin[f.end]);
  }
  // A question that held personal data is about a person: then any name in it is personal too.
  const named = namesIn(text, kinds.size > 0 || mentionsPersonalMatter(text));
  if (named.length) {
    kinds.add('name');
    for (const { start, end } of [...named].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, start) + PLACEHOLDER.name + text.slice(end);
    }
  }
  return { text, kinds: ORDER.filter((k) => kinds.has(k)) };
}
