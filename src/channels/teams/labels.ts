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
  },
} as const;

export type Labels = (typeof LABELS)[keyof typeof LABELS];

export function labelsFor(language: Answer['language']): Labels {
  return LABELS[language];
}
