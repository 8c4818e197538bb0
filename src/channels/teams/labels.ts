import type { Answer } from '../../answer/types.js';

/** The fixed words of the Teams rendering (not the answer itself, which comes from ask()). */
const LABELS = {
  nb: {
    sources: 'Kilder',
    measure: 'Tiltak',
    section: 'Del',
    responsible: 'Ansvarlig',
    accountable: 'Overordnet ansvar',
    period: 'Periode',
    expired: 'perioden er over',
    references: 'Viser til',
    open: 'Åpne planen',
    more: 'kilder til – se kildehenvisningene i svaret',
  },
  en: {
    sources: 'Sources',
    measure: 'Measure',
    section: 'Section',
    responsible: 'Responsible',
    accountable: 'Accountable',
    period: 'Period',
    expired: 'period has ended',
    references: 'Refers to',
    open: 'Open the plan',
    more: 'more sources – see the citations in the answer',
  },
} as const;

export type Labels = (typeof LABELS)[keyof typeof LABELS];

export function labelsFor(language: Answer['language']): Labels {
  return LABELS[language];
}

/** Why an answer was wrong («Hva var galt?»): the choices of the 👎 form, the same as Slack's. */
export const FEEDBACK_REASONS = ['wrong_unit', 'outdated', 'not_answered', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

const FEEDBACK_LABELS = {
  nb: {
    title: 'Tilbakemelding',
    question: 'Hva var galt?',
    reasons: { wrong_unit: 'Feil enhet', outdated: 'Utdatert', not_answered: 'Svarte ikke på spørsmålet', other: 'Annet' },
    pick: 'Velg hva som var galt.',
    placeholder: 'Fortell gjerne mer (ikke skriv personopplysninger)',
    send: 'Send',
    thanks: 'Takk for tilbakemeldingen!',
  },
  en: {
    title: 'Feedback',
    question: 'What was wrong?',
    reasons: { wrong_unit: 'Wrong unit', outdated: 'Outdated', not_answered: 'Did not answer the question', other: 'Other' },
    pick: 'Choose what was wrong.',
    placeholder: 'Tell us more if you like (no personal data)',
    send: 'Send',
    thanks: 'Thank you for your feedback!',
  },
} as const satisfies Record<Answer['language'], { reasons: Record<FeedbackReason, string> } & Record<string, unknown>>;

export type FeedbackLabels = (typeof FEEDBACK_LABELS)[keyof typeof FEEDBACK_LABELS];

export function feedbackLabelsFor(language: Answer['language']): FeedbackLabels {
  return FEEDBACK_LABELS[language];
}
