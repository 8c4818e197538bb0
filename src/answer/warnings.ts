import type { PersonalDataKind } from '../privacy/redact.js';
import { listJoin, quote } from './compose.js';
import type { Language } from './language.js';
import { MAX_QUESTION_CHARS } from './input.js';
import type { Citation } from './types.js';

/** The warnings an Answer carries, worded for the user. */

const KIND = {
  nb: { fodselsnummer: 'fødselsnummer', 'd-nummer': 'D-nummer', birthdate: 'fødselsdato', phone: 'telefonnummer', email: 'e-postadresse', name: 'navn' },
  en: { fodselsnummer: 'national identity number', 'd-nummer': 'D number', birthdate: 'date of birth', phone: 'phone number', email: 'e-mail address', name: 'name' },
} as const;

export function personalDataWarning(kinds: PersonalDataKind[], lang: Language): string {
  const what = listJoin(kinds.map((k) => KIND[lang][k]), lang);
  return lang === 'en'
    ? `Personal data (${what}) was removed from your question before it was processed or stored. Please do not share personal data with Veileder.`
    : `Personopplysninger (${what}) ble fjernet fra spørsmålet før det ble behandlet eller lagret. Ikke del personopplysninger med Veileder.`;
}

export function truncatedWarning(lang: Language): string {
  return lang === 'en'
    ? `Your question was very long; I used only the first ${MAX_QUESTION_CHARS} characters.`
    : `Spørsmålet var svært langt; jeg brukte bare de første ${MAX_QUESTION_CHARS} tegnene.`;
}

/** One warning per cited plan whose period has ended — the only place the answer says so at length. */
export function expiredWarnings(citations: Citation[], lang: Language): string[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) if (c.expired && !seen.has(c.documentId)) seen.set(c.documentId, c);
  return [...seen.values()].map((c) => {
    const ended = c.period.split('–').at(-1);
    return lang === 'en'
      ? `The period of ${quote(c.documentTitle, lang)} ended in ${ended}. Check whether a newer plan has been adopted.`
      : `Planperioden for ${quote(c.documentTitle, lang)} gikk ut i ${ended}. Sjekk om det er vedtatt en nyere plan.`;
  });
}
