import type { PersonalDataKind } from '../privacy/redact.js';
import { listJoin, messages, quote, shortPlanName } from './compose.js';
import type { Language } from '../search/language.js';
import { MAX_QUESTION_CHARS } from './input.js';
import type { Citation } from './types.js';
import { statusQuestions } from '../language/index.js';

/** What ask() adds to an Answer for the user beside the plans' text: its warnings, and the status line of a question whether a measure has started. */

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

/**
 * The cited plans whose period has ended, said once for the whole answer (ask() adds it): the plan and
 * the year for one; for several, how many of the cited plans, each named short with the year it ended.
 * Each citation also says «utløpt» after its period. The warning, and the same said short (Answer.expiry).
 */
export function expiryNotice(citations: Citation[], lang: Language): { warning: string; short: string } | null {
  const plans = new Map<string, Citation>();
  for (const c of citations) if (!plans.has(c.documentId)) plans.set(c.documentId, c);
  const expired = [...plans.values()].filter((c) => c.expired);
  if (!expired.length) return null;
  const total = plans.size;
  const n = expired.length;
  const short =
    n === 1 && total === 1
      ? lang === 'en' ? `The plan period ended in ${ended(expired[0]!)}.` : `Planperioden gikk ut i ${ended(expired[0]!)}.`
      : lang === 'en' ? `The plan period has ended for ${share(n, total, lang)}.` : `Planperioden er utløpt for ${share(n, total, lang)}.`;
  if (n === 1) {
    const c = expired[0]!;
    const warning =
      lang === 'en'
        ? `The period of ${quote(c.documentTitle, lang)} ended in ${ended(c)}. Check whether a newer plan has been adopted.`
        : `Planperioden for ${quote(c.documentTitle, lang)} gikk ut i ${ended(c)}. Sjekk om det er vedtatt en nyere plan.`;
    return { warning, short };
  }
  const which = listJoin(expired.map((c) => `${shortPlanName(c, lang)} ${ended(c)}`), lang);
  const warning =
    lang === 'en'
      ? `The plan period has ended for ${share(n, total, lang)} (${which}). Check whether newer plans have been adopted.`
      : `Planperioden er utløpt for ${share(n, total, lang)} (${which}). Sjekk om det er vedtatt nyere planer.`;
  return { warning, short };
}

/** «begge planene», «3 av 4 planer», «all 3 plans». */
function share(n: number, total: number, lang: Language): string {
  if (lang === 'en') return n === total ? (n === 2 ? 'both plans' : `all ${n} plans`) : `${n} of the ${total} plans`;
  return n === total ? (n === 2 ? 'begge planene' : `alle ${n} planene`) : `${n} av ${total} planer`;
}

const ended = (c: Citation) => c.period.split('–').at(-1)!;

/** The status a measure's text gives («… Status: Påbegynt.»), if any. */
function statusOf(c: Citation): string | null {
  return /\bStatus: ([^.]+)\./u.exec(c.text)?.[1]?.trim() ?? null;
}

/**
 * For a question whether a measure has started («er det startet?», «has that actually started?»): the
 * status the plan gives the first measure cited, or that it gives none — a plan says what is to be done,
 * not whether it was. Null when the question asks no such thing or no measure is cited.
 */
export function statusNote(question: string, citations: Citation[], lang: Language): string | null {
  if (!statusQuestions().some((re) => re.test(question))) return null;
  const c = citations.find((x) => x.measureId !== null);
  if (!c) return null;
  const status = statusOf(c);
  const measure = `${messages(lang).measures(c.measureId!)} (${shortPlanName(c, lang)})`;
  if (status) {
    return lang === 'en'
      ? `Status in the plan for ${measure}: ${status}. Whether more has happened since is not in my sources.`
      : `Status i planen for ${measure}: ${status}. Om mer har skjedd siden, står ikke i kildene mine.`;
  }
  return lang === 'en'
    ? `The plan gives no status for ${measure}; whether it has started is not in my sources.`
    : `Planen oppgir ingen status for ${measure}; om det er satt i gang, står ikke i kildene mine.`;
}
