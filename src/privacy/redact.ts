import { idnr } from '@navikt/fnrvalidator';
import { looksLikeNameNextToDiagnosis } from './names.js';

/**
 * Personal data in a question is removed before the question is logged, stored, put in an Answer or
 * sent to any model. `redact()` is the one gate: everything downstream sees only its `text`.
 */

export type PersonalDataKind = 'fodselsnummer' | 'd-nummer' | 'phone' | 'email' | 'name';

export interface Redaction {
  /** The text with each piece of personal data replaced by a placeholder such as «[telefonnummer]». */
  text: string;
  /** What was removed, each kind once, in a stable order. */
  kinds: PersonalDataKind[];
}

export const PLACEHOLDER: Record<PersonalDataKind, string> = {
  fodselsnummer: '[fødselsnummer]',
  'd-nummer': '[D-nummer]',
  phone: '[telefonnummer]',
  email: '[e-post]',
  name: '[navn]',
};

/** A label right before a placeholder («tlf [telefonnummer]»): it belongs to the removed data. */
const LABEL = /(?:\b(?:tlf|telefon|telefonnummer|mobil|mobilnummer|nr|e-post|epost|e-postadresse|mail|fødselsnummer|personnummer|d-nummer|phone|email|e-mail)\.?\s*:?\s*)?/iu;

/** The text with the placeholders left by redact() (and their labels) taken out: what to search with. */
export function withoutPlaceholders(text: string): string {
  let out = text;
  for (const p of Object.values(PLACEHOLDER)) {
    out = out.replace(new RegExp(LABEL.source + p.replace(/[[\]]/g, '\\$&'), 'giu'), ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

const ORDER: PersonalDataKind[] = ['fodselsnummer', 'd-nummer', 'phone', 'email', 'name'];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** 11 digits, optionally written 6+5 with a space, dot or dash between date and personal number. */
const ID_NUMBER = /(?<![\p{N}])(\d{6})[ .-]?(\d{5})(?![\p{N}])/gu;

/**
 * Norwegian phone numbers: +47/0047 prefix optional, 8 digits starting 2–9, written together or in
 * groups (3-2-3, 2-2-2-2, 4-4). Not preceded or followed by another digit, dot or dash-digit, so plan
 * periods (2021–2024) and measure ids (2.2.2) are left alone.
 */
const PHONE =
  /(?<![\p{N}.,])(?:(?:\+|00)\s?47[\s-]?)?(?:[2-9]\d{7}|[2-9]\d{2}[ -]\d{2}[ -]\d{3}|[2-9]\d[ -]\d{2}[ -]\d{2}[ -]\d{2}|[2-9]\d{3}[ -]\d{4})(?![\p{N}]|[.,]\d)/gu;

/** DDMMYY as a fødselsnummer (day 01–31), D-nummer (day + 40) or H-nummer (month + 40) begins. */
function startsWithBirthDate(date: string): boolean {
  const day = Number(date.slice(0, 2)) % 40;
  const month = Number(date.slice(2, 4)) % 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const YEAR_PAIR = /^(?:19|20)\d{2}[ -](?:19|20)\d{2}$/;

export function redact(input: string): Redaction {
  const found = new Set<PersonalDataKind>();
  // E-mail is looked for only in words that hold an «@», so a long run without one stays linear.
  let text = input.replace(/\S+/g, (word) =>
    word.includes('@')
      ? word.replace(EMAIL, () => {
          found.add('email');
          return PLACEHOLDER.email;
        })
      : word,
  );
  text = text.replace(ID_NUMBER, (match, date: string, personal: string) => {
    const digits = date + personal;
    const result = idnr(digits);
    // A mistyped fødselsnummer is still personal data: an 11-digit number that starts with a birth
    // date is removed even when its checksum fails (no plan holds such a number, so nothing is lost).
    if (result.status !== 'valid' && !startsWithBirthDate(date)) return match;
    const kind: PersonalDataKind = result.status === 'valid' && result.type.startsWith('dnr') ? 'd-nummer' : 'fodselsnummer';
    found.add(kind);
    return PLACEHOLDER[kind];
  });
  text = text.replace(PHONE, (match) => {
    const bare = match.replace(/^(?:\+|00)\s?47[\s-]?/, '');
    if (bare === match && YEAR_PAIR.test(match)) return match;
    found.add('phone');
    return PLACEHOLDER.phone;
  });
  const named = looksLikeNameNextToDiagnosis(text);
  if (named.length) {
    found.add('name');
    // Replace from the end so earlier offsets stay valid.
    for (const { start, end } of [...named].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, start) + PLACEHOLDER.name + text.slice(end);
    }
  }
  return { text, kinds: ORDER.filter((k) => found.has(k)) };
}
