import type { Answer } from '../../answer/types.js';
import { EXAMPLE_QUESTIONS } from '../../answer/examples.js';
import { DISTRICTS } from '../../search/districts.js';
import { escapeMrkdwn } from './mrkdwn.js';

/**
 * The few words the Slack channel itself puts around an answer (labels, buttons, help, errors).
 * The answer itself always comes from ask(); these only frame it. Bokmål, English when the answer is.
 */

export type Language = Answer['language'];

const nb = {
  sources: 'Kilder',
  measure: 'tiltak',
  /** After the period of a cited plan that has ended. */
  expiredTag: '⚠️ planperioden er over',
  moreSources: (n: number) => `… og ${n} kilder til.`,
  voteUp: 'Nyttig',
  voteDown: 'Ikke nyttig',
  voteUpLabel: 'Svaret var nyttig',
  voteDownLabel: 'Svaret var ikke nyttig',
  /** The «Hva var galt?» modal after a 👎 (the same choices as in Teams). */
  reason: {
    title: 'Hva var galt?',
    question: 'Hva var galt med svaret?',
    choices: { feil_enhet: 'Feil enhet', utdatert: 'Utdatert', ikke_besvart: 'Ikke besvart', annet: 'Annet' },
    details: 'Fortell gjerne mer (valgfritt)',
    detailsHint: 'Ikke skriv navn, fødselsnummer eller andre personopplysninger.',
    submit: 'Send',
    close: 'Avbryt',
  },
  share: 'Del i kanalen',
  thanks: (vote: 'up' | 'down'): string =>
    vote === 'up'
      ? '👍 Takk for tilbakemeldingen!'
      : '👎 Takk for tilbakemeldingen! Spørsmålet går videre til dem som holder planene oppdatert.',
  working: '⏳ Leter i handlingsplanene …',
  help: [
    '*Veileder* svarer på spørsmål om handlingsplanene for rus og psykisk helse i Oslo kommune og bydelene, og viser hvem som har ansvaret, hvilket tiltak det gjelder og hvor det står.',
    '*Slik spør du*\n• `/veileder Hvem har ansvar for nalokson-utdeling på Nordstrand?` (bare du ser svaret)\n• Nevn @Veileder i en kanal – svaret kommer i tråden\n• Send en direktemelding til Veileder',
    `*Eksempler*\n${EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join('\n')}`,
    'Ikke skriv personopplysninger (navn, fødselsnummer, telefonnummer) i spørsmålet.',
  ],
  /** The assistant status while answering in a DM: Slack shows it after the app's name. */
  status: 'leter i planene …',
  notDelivered: 'Beklager, svaret mitt kom ikke fram til Slack. Spør gjerne igjen om litt – vedvarer feilen, si fra til den som drifter Veileder.',
  failed: 'Beklager, jeg klarte ikke å svare akkurat nå. Prøv igjen om litt – vedvarer feilen, si fra til den som drifter Veileder.',
  notAllowed:
    'Veileder er ikke slått på i denne kanalen eller dette arbeidsområdet. Be den som drifter Veileder om å slå den på her, eller bruk en kanal der Veileder er slått på.',
  unknownAnswer: 'Jeg finner ikke dette svaret lenger. Still spørsmålet på nytt.',
  voteFailed: 'Stemmen din kunne ikke lagres akkurat nå. Prøv igjen om litt.',
  /** /veileder bydel … (the channel's district). */
  binding: {
    shows: (d: string) =>
      `Denne kanalen er knyttet til *Bydel ${d}*: spørsmål her som ikke nevner en bydel, besvares fra bydelens plan og byens felles planer. Nevner du en annen bydel, svarer jeg for den.`,
    none: 'Denne kanalen er ikke knyttet til en bydel. Spørsmål her besvares fra alle planene.',
    bound: (d: string) =>
      `Kanalen er nå knyttet til *Bydel ${d}*. Spørsmål her som ikke nevner en bydel, besvares fra bydelens plan og byens felles planer, og svaret sier det.`,
    cleared: 'Kanalen er ikke lenger knyttet til en bydel. Spørsmål her besvares fra alle planene.',
    notAdmin:
      'Bare de som drifter Veileder kan knytte en kanal til en bydel. Be en av dem om å gjøre det – du kan se hva kanalen er knyttet til med `/veileder bydel`.',
    unknown: (name: string) =>
      `Jeg kjenner ikke igjen «${escapeMrkdwn(name.replace(/[*_`~]/g, ''))}» som en bydel i Oslo. Skriv for eksempel \`/veileder bydel Nordstrand\`. Bydelene: ${DISTRICTS.join(', ')}.`,
    saveFailed: 'Beklager, jeg fikk ikke lagret bydelen for kanalen. Prøv igjen om litt, eller si fra til den som drifter Veileder.',
  },
};

const en: typeof nb = {
  ...nb,
  sources: 'Sources',
  measure: 'measure',
  expiredTag: '⚠️ plan period ended',
  moreSources: (n: number) => `… and ${n} more sources.`,
  voteUp: 'Helpful',
  voteDown: 'Not helpful',
  voteUpLabel: 'The answer was helpful',
  voteDownLabel: 'The answer was not helpful',
  reason: {
    title: 'What was wrong?',
    question: 'What was wrong with the answer?',
    choices: { feil_enhet: 'Wrong unit', utdatert: 'Out of date', ikke_besvart: 'Not answered', annet: 'Other' },
    details: 'Tell us more (optional)',
    detailsHint: 'Do not write names, national identity numbers or other personal data.',
    submit: 'Send',
    close: 'Cancel',
  },
  share: 'Share in channel',
  thanks: (vote) =>
    vote === 'up' ? '👍 Thanks for your feedback!' : '👎 Thanks for your feedback! The question is passed on to the people who keep the plans up to date.',
};

export type Texts = typeof nb;
export type Reason = keyof Texts['reason']['choices'];

/** How a reason is stored with the vote: the bokmål words, whatever language the answer was in. */
export const REASON_STORED: Record<Reason, string> = {
  feil_enhet: 'feil enhet',
  utdatert: 'utdatert',
  ikke_besvart: 'ikke besvart',
  annet: 'annet',
};

export function texts(language: Language = 'nb'): Texts {
  return language === 'en' ? en : nb;
}
