import type { Corpus } from '../corpus/types.js';
import { terms } from '../search/tokenize.js';
import { DISTRICTS } from './districts.js';
import { quote } from './compose.js';
import type { Language } from './language.js';
import type { Citation } from './types.js';

/**
 * found:false — when the plans do not answer. A question is answered only when its topical words
 * (what it is about, not «bydel», «tiltak» or «hvem har ansvar») occur in the corpus AND in the best
 * hit. Otherwise the honest answer says so, names no unit, and points to the nearest plan passage
 * when one shares a topical word.
 */

/** Words every question about the plans may carry; they say nothing about the topic. */
const GENERIC_WORDS = `tiltak tiltaket tiltakene ansvar ansvarlig ansvarlige plan planen planene handlingsplan
handlingsplanen bydel bydelen bydeler bydelene oslo kommune kommunen etat etaten enhet enheten avdeling tjeneste
tjenester tilbud tilbudet arbeid arbeide jobbe jobber rus psykisk helse standard standarden oslostandard prosedyre
rutine ansatte ansatt hjelp hjelpe gjelder gjøre gjør står sier si står nevnt nevner hva hvem hvor når hvordan
følge følger kontakt kontaktperson der dit her nå også og like samme the who what measure measures plan plans
district responsible drugs mental health oslo hei spørsmål question svar answer ta tar tatt`;

const GENERIC = new Set(terms(`${GENERIC_WORDS} ${DISTRICTS.join(' ')}`));

const corpusTerms = new WeakMap<Corpus, Set<string>>();

function termsOfCorpus(corpus: Corpus): Set<string> {
  let set = corpusTerms.get(corpus);
  if (!set) {
    set = new Set<string>();
    for (const d of corpus.documents) {
      for (const t of terms(`${d.title} ${d.owner}`)) set.add(t);
      for (const s of d.sections) for (const t of terms(`${s.title} ${s.text}`)) set.add(t);
      for (const m of d.measures) {
        for (const t of terms([m.text, m.description, m.goal, m.priority, m.section, ...m.responsible, ...m.references].join(' '))) set.add(t);
      }
    }
    for (const g of corpus.glossary) for (const t of terms(`${g.abbreviation} ${g.expansion ?? ''}`)) set.add(t);
    corpusTerms.set(corpus, set);
  }
  return set;
}

export interface Grounding {
  /** The question's topical terms (stemmed). */
  topical: string[];
  /** Share of topical terms the corpus knows at all. */
  corpusCoverage: number;
  /** Share of topical terms the best citation contains. */
  hitCoverage: number;
}

export function topicalTerms(question: string): string[] {
  return [...new Set(terms(question).filter((t) => !GENERIC.has(t) && !/^\d+$/.test(t)))];
}

function termsOfCitation(c: Citation): Set<string> {
  return new Set(terms([c.text, c.section, c.documentTitle, ...c.responsible, ...c.references].join(' ')));
}

export function grounding(question: string, corpus: Corpus, best: Citation | undefined): Grounding {
  const topical = topicalTerms(question);
  if (!topical.length) return { topical, corpusCoverage: 1, hitCoverage: best ? 1 : 0 };
  const known = termsOfCorpus(corpus);
  const inCorpus = topical.filter((t) => known.has(t)).length;
  const hitTerms = best ? termsOfCitation(best) : new Set<string>();
  const inHit = topical.filter((t) => hitTerms.has(t)).length;
  return { topical, corpusCoverage: inCorpus / topical.length, hitCoverage: inHit / topical.length };
}

/**
 * Thresholds, calibrated on the eval's in-scope and out-of-scope questions (npm run eval):
 * at least half of what the question is about must be in the plans, and something of it in the best hit.
 */
export const MIN_CORPUS_COVERAGE = 0.5;
export const MIN_HIT_COVERAGE = 0.01;

export function isAnswered(g: Grounding): boolean {
  return g.corpusCoverage >= MIN_CORPUS_COVERAGE && g.hitCoverage >= MIN_HIT_COVERAGE;
}

const TEXT = {
  nb: {
    notFound:
      'Handlingsplanene jeg kjenner, sier ikke noe om dette. Jeg svarer bare på det planene for rus og psykisk helse i Oslo dekker.',
    near: (what: string) => `Det nærmeste jeg finner, er ${what}.`,
    ask: 'Spør gjerne om tiltak, ansvarlig enhet eller en Oslostandard, for eksempel «Hvem deler ut nalokson i Bydel Nordstrand?».',
  },
  en: {
    notFound: 'The action plans I know do not cover this. I only answer what the Oslo plans on drugs and mental health cover.',
    near: (what: string) => `The nearest I can find is ${what}.`,
    ask: 'Try asking about a measure, the responsible unit or an Oslo standard, e.g. “Who hands out naloxone in Nordstrand?”.',
  },
} as const;

/** The honest answer when the plans do not answer: no unit named; a pointer to something near if there is one. */
export function composeNotFound(lang: Language, near: Citation | null): string {
  const t = TEXT[lang];
  if (!near) return `${t.notFound}\n${t.ask}`;
  const where = near.section ? `${quote(near.section, lang)} ${lang === 'en' ? 'in' : 'i'} ` : '';
  return `${t.notFound}\n${t.near(`${where}${quote(near.documentTitle, lang)} (${near.period})`)}`;
}
