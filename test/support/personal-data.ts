import fc from 'fast-check';

/**
 * Generators of personal data in the forms people actually type, for property tests of the privacy
 * gate: fødselsnummer and D-nummer (valid checksums), phone numbers, e-mail addresses, dates of birth
 * and names, each in random spellings — separators anywhere, Unicode digits, case, position — inside
 * real staff questions next to a diagnosis or a personal situation.
 *
 * Each generated question comes with its secrets; `leaks(text, secret)` says whether any spelling of
 * one survives in a text (digits compared whatever stands between them, names case-insensitively).
 */

export interface Secret {
  kind: 'id' | 'phone' | 'email' | 'birthdate' | 'name';
  /** How it was typed in the question. */
  typed: string;
  /** What must not survive: digits for numbers, the address for e-mail, name words for a name. */
  needles: string[];
}

export interface PersonalQuestion {
  text: string;
  secrets: Secret[];
}

/** Zeros of the digit systems people paste: ASCII, full-width, Arabic-Indic, Devanagari, mathematical bold. */
const ZEROS = [0x30, 0xff10, 0x660, 0x966, 0x1d7ce];

function digitIn(system: number, d: number): string {
  return String.fromCodePoint(ZEROS[system]! + d);
}

function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9);
    out += zero !== undefined ? String(cp - zero) : ch;
  }
  return out;
}

/** The text with every digit of the systems above as 0–9 and what people type between digits removed. */
export function digitView(text: string): string {
  // Separators between digits (the ones the generator uses): spaces, dots, dashes, slashes.
  return asciiDigits(text).replace(/(?<=\d)[\s.\-/\u2010-\u2015\u2212\uff0e\uff0f]+(?=\d)/gu, '');
}

/** Whether any spelling of the secret survives in `text`. */
export function leaks(text: string, secret: Secret): string | null {
  if (secret.kind === 'name') {
    const words: string[] = text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
    return secret.needles.find((n) => words.includes(n.toLowerCase())) ?? null;
  }
  if (secret.kind === 'email') {
    const lower = text.toLowerCase().normalize('NFKC');
    return secret.needles.find((n) => new RegExp(`(?<![\\p{L}\\p{N}._-])${n.replace(/[.]/g, '\\.')}(?![\\p{L}\\p{N}_-])`, 'u').test(lower)) ?? null;
  }
  // Long digit strings anywhere; short ones (a year, the last five digits) only standing alone.
  const view = digitView(text);
  return secret.needles.find((n) => (n.length >= 6 ? view.includes(n) : new RegExp(`(?<!\\d)${n}(?!\\d)`).test(view))) ?? null;
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────────

const SEPARATORS = [' ', '.', '-', '–', '—', '/', ' - ', ' – ', '\u00a0', '\u2009', '\u202f', '\u2011', '．', '／', '  '];

/** Digits written in groups with separators, in one or mixed digit systems. */
function spelled(digits: string): fc.Arbitrary<string> {
  const n = digits.length;
  const grouping = fc.oneof(
    fc.constant([n]),
    fc.constant<number[]>(Array.from({ length: n }, () => 1)),
    // Random groups of at least two digits (a single digit alone is how measure ids are written).
    fc.array(fc.boolean(), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
      const sizes: number[] = [];
      let size = 1;
      for (const cut of cuts) {
        if (cut && size >= 2) (sizes.push(size), (size = 1));
        else size++;
      }
      if (size < 2 && sizes.length) sizes[sizes.length - 1]! += size;
      else sizes.push(size);
      return sizes;
    }),
  );
  const separators = fc.oneof(
    fc.constantFrom(...SEPARATORS).map((s) => (_i: number) => s),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: n, maxLength: n }).map((list) => (i: number) => list[i]!),
  );
  const systems = fc.oneof(
    { weight: 3, arbitrary: fc.constant<number[]>(Array(n).fill(0)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: ZEROS.length - 1 }).map((s) => Array(n).fill(s) as number[]) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: ZEROS.length - 1 }), { minLength: n, maxLength: n }) },
  );
  // Digit by digit («4 1 2 2 3 3 4 4») people use one separator throughout; mixed ones with dots read
  // as measure ids («2.1.3 2.1.4»), which stay.
  const uniform = fc.constantFrom(...SEPARATORS).map((s) => (_i: number) => s);
  return fc
    .tuple(grouping, separators, uniform, systems)
    .map(([sizes, mixed, one, system]) => [sizes, sizes.length === n && n > 1 ? one : mixed, system] as const)
    .map(([sizes, sep, system]) => {
    let out = '';
    let at = 0;
    sizes.forEach((size, g) => {
      if (g > 0) out += sep(g);
      for (let k = 0; k < size; k++, at++) out += digitIn(system[at]!, Number(digits[at]));
    });
    return out;
  });
}

function checksums(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1 = 11 - ((3 * d[0]! + 7 * d[1]! + 6 * d[2]! + 1 * d[3]! + 8 * d[4]! + 9 * d[5]! + 4 * d[6]! + 5 * d[7]! + 2 * d[8]!) % 11);
  const c1 = k1 === 11 ? 0 : k1;
  if (c1 === 10) return null;
  const e = [...d, c1];
  const k2 = 11 - ((5 * e[0]! + 4 * e[1]! + 3 * e[2]! + 2 * e[3]! + 7 * e[4]! + 6 * e[5]! + 5 * e[6]! + 4 * e[7]! + 3 * e[8]! + 2 * e[9]!) % 11);
  const c2 = k2 === 11 ? 0 : k2;
  if (c2 === 10) return null;
  return `${nine}${c1}${c2}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A fødselsnummer or D-nummer with valid checksums, as 11 digits. */
export const idNumberDigits: fc.Arbitrary<string> = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    individual: fc.integer({ min: 0, max: 999 }),
    dnr: fc.boolean(),
  })
  .map(({ day, month, year, individual, dnr }) => checksums(`${pad(dnr ? day + 40 : day)}${pad(month)}${pad(year)}${pad(individual, 3)}`))
  .filter((s): s is string => s !== null);

/** A Norwegian phone number: 8 digits starting 2–9. */
export const phoneDigits: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }))
  .map(([first, rest]) => `${first}${rest.join('')}`);

/**
 * Written exactly as a date (23.09.2025) or a pair of years (2021 2024, 20212024): those readings win,
 * on purpose, and such a spelling is not generated.
 */
function readsAsDateOrYears(typed: string): boolean {
  const groups = asciiDigits(typed).match(/\d+/g) ?? [];
  const year = (g?: string) => !!g && /^(?:19|20)\d\d$/.test(g);
  if (groups.some((g, i) => year(g) && year(groups[i + 1]))) return true;
  if (groups.length === 1 && /^(?:19|20)\d\d(?:19|20)\d\d$/.test(groups[0]!)) return true;
  return groups.length === 3 && groups[0]!.length <= 2 && groups[1]!.length <= 2 && year(groups[2]);
}

export const idNumber: fc.Arbitrary<Secret> = idNumberDigits.chain((digits) =>
  spelled(digits).map((typed): Secret => ({ kind: 'id', typed, needles: [digits, digits.slice(6)] })),
);

export const phone: fc.Arbitrary<Secret> = fc
  .tuple(phoneDigits, fc.constantFrom('', '', '+47 ', '+47', '0047 ', '+47\u00a0'))
  .chain(([digits, prefix]) => spelled(digits).map((typed): Secret => ({ kind: 'phone', typed: prefix + typed, needles: [digits] })))
  .filter((s) => !readsAsDateOrYears(s.typed.replace(/^(\+47|0047)\s?/, '')));

// ── E-mail ──────────────────────────────────────────────────────────────────────────────────────

export const email: fc.Arbitrary<Secret> = fc
  .record({
    local: fc.constantFrom('kari.nordmann', 'ola', 'jan-erik.odegard', 'k.n1972', 'fatima_ali', 'siri.haugland85'),
    domain: fc.constantFrom('domene.no', 'bydel-alna.oslo.kommune.no', 'example.com', 'gmail.com', 'online.no'),
    at: fc.constantFrom('@', ' @ ', '(at)', ' (at) ', '[at]', ' [at] ', '＠', '@ ', ' @'),
    upper: fc.boolean(),
  })
  .map(({ local, domain, at, upper }) => {
    const typed = `${local}${at}${domain}`;
    return { kind: 'email', typed: upper ? typed.toUpperCase() : typed, needles: [local] };
  });

// ── Dates of birth ──────────────────────────────────────────────────────────────────────────────

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export const birthDate: fc.Arbitrary<Secret> = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 1930, max: 2012 }),
    label: fc.constantFrom('født', 'født den', 'f.', 'fødselsdato:', 'Født', 'født:'),
    style: fc.constantFrom('dd.mm.yyyy', 'd.m.yy', 'dd/mm/yyyy', 'dd-mm-yyyy', 'd. month yyyy', 'yyyy-mm-dd', 'dd.mm.yy'),
  })
  .map(({ day, month, year, label, style }) => {
    const yy = pad(year % 100);
    const date = {
      'dd.mm.yyyy': `${pad(day)}.${pad(month)}.${year}`,
      'd.m.yy': `${day}.${month}.${yy}`,
      'dd/mm/yyyy': `${pad(day)}/${pad(month)}/${year}`,
      'dd-mm-yyyy': `${pad(day)}-${pad(month)}-${year}`,
      'd. month yyyy': `${day}. ${MONTHS[month - 1]} ${year}`,
      'yyyy-mm-dd': `${year}-${pad(month)}-${pad(day)}`,
      'dd.mm.yy': `${pad(day)}.${pad(month)}.${yy}`,
    }[style];
    return { kind: 'birthdate', typed: `${label} ${date}`, needles: [digitView(date), String(year)] };
  });

// ── Names ───────────────────────────────────────────────────────────────────────────────────────

const FIRST = ['Kari', 'Ola', 'Jan-Erik', 'Fatima', 'Mohammed', 'Siri', 'Lars', 'Ingrid', 'Anne-Marie', 'Per', 'Håkon', 'Aisha', 'Jonas', 'Nora'];
const LAST = ['Nordmann', 'Ødegård', 'Hansen', 'Berg', 'Ali', 'Haugland', 'Johansen', 'Nilsen', 'Ahmed', 'Lie'];
/** Written in lower case, these are ordinary words too (per dag): only capitalised in a question. */
const AMBIGUOUS = new Set(['Per']);

export const name: fc.Arbitrary<Secret> = fc
  .record({
    first: fc.constantFrom(...FIRST),
    last: fc.option(fc.constantFrom(...LAST), { nil: undefined }),
    casing: fc.constantFrom('as-is', 'lower', 'upper'),
  })
  .map(({ first, last, casing }) => {
    const full = last ? `${first} ${last}` : first;
    const typed = AMBIGUOUS.has(first) ? full : casing === 'lower' ? full.toLowerCase() : casing === 'upper' ? full.toUpperCase() : full;
    return { kind: 'name', typed, needles: full.split(/[\s-]+/) };
  });

// ── Questions ───────────────────────────────────────────────────────────────────────────────────

const MATTERS = ['har schizofreni', 'har ADHD', 'sliter med bipolar lidelse', 'er rusavhengig', 'er bostedsløs', 'har psykose',
  'har en ROP-lidelse', 'ble innlagt etter en overdose', 'har depresjon og angst', 'har fått diagnosen PTSD'];
const OPENERS = ['Brukeren min', 'Jeg har en bruker,', 'Hei!', 'Pasienten', 'Vi følger opp', 'Sønnen til en kollega,', ''];
const TAILS = ['Hvem deler ut nalokson i Bydel Nordstrand?', 'Hva sier tiltak 2.1.3 om dette?', 'Hva gjør Velferdsetaten?',
  'Gjelder planen 2022–2025 for ham?', 'Hvem har ansvar i Avdeling Mestring og Helse?', 'hva er FACT', 'Hva med tiltak 10S?',
  'hvem kan hjelpe i gamle oslo', 'Kan LAR være aktuelt?', ''];

/** One piece of personal data of any kind (no name: a name goes with a matter, see below). */
export const numberOrAddress: fc.Arbitrary<Secret> = fc.oneof(idNumber, phone, email, birthDate);

/**
 * A question about a person: a name and/or other personal data, a diagnosis or a situation in the same
 * or the next sentence (a date of birth may stand between), real staff words around it.
 */
export const personalQuestion: fc.Arbitrary<PersonalQuestion> = fc
  .record({
    opener: fc.constantFrom(...OPENERS),
    person: fc.option(name, { nil: undefined }),
    born: fc.option(birthDate, { nil: undefined }),
    extra: fc.array(fc.oneof(idNumber, phone, email), { maxLength: 2 }),
    matter: fc.constantFrom(...MATTERS),
    sameSentence: fc.boolean(),
    tail: fc.constantFrom(...TAILS),
    labels: fc.array(fc.constantFrom('fnr', 'tlf', 'mobil:', 'e-post', 'ring', 'kontakt', 'nr.', ''), { minLength: 2, maxLength: 2 }),
  })
  .filter((r) => r.person !== undefined || r.born !== undefined || r.extra.length > 0)
  .map(({ opener, person, born, extra, matter, sameSentence, tail, labels }) => {
    const who = person ? `${person.typed}${born ? `, ${born.typed},` : ''}` : born ? `(${born.typed})` : 'hen';
    const about = sameSentence ? `${who} ${matter}.` : `${who} er ny hos oss. Hen ${matter}.`;
    const contact = extra.map((s, i) => `${labels[i] ?? ''} ${s.typed}`.trim()).join(' og ');
    const text = [opener, about, contact ? `${contact}.` : '', tail].filter(Boolean).join(' ');
    return { text, secrets: [person, born, ...extra].filter((s): s is Secret => s !== undefined) };
  });

/** Free text with personal data somewhere in it: a vote comment, a follow-up turn. */
export const personalComment: fc.Arbitrary<PersonalQuestion> = fc
  .tuple(fc.constantFrom('Feil svar.', 'Ring meg', 'Svaret hjalp ikke for', 'Ta kontakt:', ''), personalQuestion)
  .map(([lead, q]) => ({ text: `${lead} ${q.text}`.trim(), secrets: q.secrets }));
