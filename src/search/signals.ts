import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { fold, spelled, terms, words } from './tokenize.js';
import { DISTRICTS, districtsIn, documentsOf } from './districts.js';
import { editDistance } from './vocabulary.js';

/**
 * What a question names, read from its words: a district or plan («på Grünerløkka», «Gamle Oslo»,
 * «nordstrand», misspelled too), a measure id («tiltak 10S», «2.2.2»), a standard, a period
 * («gjeldende plan», «i 2027»). fusion.ts turns these into boosts.
 */

export interface QuestionSignals {
  /** documents whose district or plan the question names */
  documentIds: string[];
  /** measure ids the question names, as the corpus writes them */
  measureIds: string[];
  /** references (standards, procedures) the question names, as the corpus writes them */
  references: string[];
  /** «gjeldende plan», «current plan»: prefer plans whose period includes today */
  current: boolean;
  /** years named («i 2027») */
  years: number[];
  /** The question is about a plan itself — its period, whether it still applies («gjelder Løkka sin
   *  rusplan fortsatt?»): the named plans' introduction (planIntroduction) answers it. */
  aboutPlan: boolean;
}

/** Period words and a word for a plan, read on folded text with «aa»/«oe» as typed for å/ø. */
const ABOUT_PERIOD = /\b(?:gjelder|gyldig\w*|periode\w*|hvilke ar|hvilket ar|utloper|utlopt|fortsatt|aktuell|which years?|what years?|period|still (?:valid|current|in force)|expire\w*|current)\b/;
const A_PLAN = /plan/;

/** Whether a question asks about a plan itself: its period, whether it still applies. */
export function asksAboutPlanPeriod(question: string): boolean {
  const q = spelled(question);
  return ABOUT_PERIOD.test(q) && A_PLAN.test(q);
}

/**
 * The passage that introduces a plan: the first that states its period («… for perioden 2022–2025»),
 * else its first section. Where a question about the plan itself is answered from.
 */
export function planIntroduction(doc: CorpusDocument): CorpusDocument['sections'][number] | null {
  const span = periodSpan(doc);
  return doc.sections.find((x) => span.test(x.text)) ?? doc.sections[0] ?? null;
}

/** How a plan's text writes its period: «2022–2025», «2022 - 25». */
export function periodSpan(doc: CorpusDocument): RegExp {
  return new RegExp(`${doc.period.from}\\s*[-–]\\s*(?:${doc.period.to}|${String(doc.period.to).slice(2)})\\b`);
}

const CURRENT = /\b(gjeldende|navaerende|gjeldande|dagens|aktuelle|nyeste|siste plan|current|latest|in force|gjelder na|gjelder i dag)\b/;

/** A plan's own name, when its title has one before the dash («Tryggere liv»), not «Handlingsplan for …». */
export function planOwnName(doc: CorpusDocument): string | null {
  const head = (doc.title.split(/\s[–-]\s|:/)[0] ?? '').trim();
  return head && !/^(handlingsplan|ruspolitisk|plan)\b/i.test(head) ? head : null;
}

/** Names a plan goes by beyond its district: the title's own name («Tryggere liv»), the city's plan. */
function planAliases(doc: CorpusDocument): string[] {
  const aliases: string[] = [];
  const own = planOwnName(doc);
  if (own) aliases.push(fold(own));
  if (/oslo kommune|byradet/.test(fold(doc.owner))) aliases.push('byradet', 'oslo kommune', 'kommunens plan', 'byens plan');
  return aliases;
}

/** Does the folded question contain the phrase, allowing a typo or two in words of 6+ letters? */
function mentions(questionWords: string[], phrase: string): boolean {
  const target = words(phrase);
  const n = target.length;
  for (let i = 0; i + n <= questionWords.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      const q = questionWords[i + j]!;
      const t = target[j]!;
      const budget = t.length >= 9 ? 2 : t.length >= 6 ? 1 : 0;
      ok = q === t || (budget > 0 && editDistance(q, t, budget) <= budget);
    }
    if (ok) return true;
  }
  return false;
}

export type SignalReader = (question: string) => QuestionSignals;

/** Reads signals against one corpus; what depends only on the corpus is worked out once, here. */
export function createSignalReader(corpus: Corpus): SignalReader {
  const byDistrict = new Map(DISTRICTS.map((d) => [d, documentsOf(corpus, d).map((doc) => doc.id)]));
  const byAlias = new Map<string, string[]>();
  for (const doc of corpus.documents) {
    for (const alias of planAliases(doc)) byAlias.set(alias, [...(byAlias.get(alias) ?? []), doc.id]);
  }
  const measureIds = new Map<string, string>();
  for (const doc of corpus.documents) for (const m of doc.measures) measureIds.set(m.id.toLowerCase(), m.id);
  const generic = new Set(terms('oslostandard standard for arbeid i bydelene med overordnet'));
  const references = [...new Set(corpus.documents.flatMap((d) => d.measures.flatMap((m) => m.references)))].map((ref) => ({
    ref,
    distinct: [...new Set(terms(ref))].filter((t) => !generic.has(t)),
  }));

  return (question) => {
    const folded = fold(question);
    const qWords = words(folded);

    // Districts (src/search/districts.ts: longest names first, misspelled too; Søndre Nordstrand is not Nordstrand).
    const documentIds = new Set<string>();
    for (const d of districtsIn(question)) for (const id of byDistrict.get(d) ?? []) documentIds.add(id);
    for (const [alias, ids] of byAlias) if (mentions(qWords, alias)) for (const id of ids) documentIds.add(id);

    // Measure ids: «10S», «2.2.2», «tiltak 11» — only ids some plan has.
    const named = new Set<string>();
    for (const m of folded.matchAll(/\b(\d{1,2}\s?[fs])\b/g)) named.add(m[1]!.replace(/\s/, ''));
    for (const m of folded.matchAll(/\b(\d+\.\d+\.\d+)\b/g)) named.add(m[1]!);
    for (const m of folded.matchAll(/\b(?:tiltak(?:et)?|measure)\s*(?:nr\.?|nummer|number|no\.?)?\s*(\d{1,2}[fs]?|\d+\.\d+\.\d+)\b/g)) named.add(m[1]!);
    const ids = [...named].flatMap((id) => (measureIds.has(id) ? [measureIds.get(id)!] : []));

    // References: every distinctive word of a reference the corpus cites (at least two), or most of
    // them when the question says «standard».
    const qTerms = new Set(terms(question));
    const saysStandard = /standard|prosedyre|rutine|veileder|procedure|guideline/.test(folded);
    const refs = references
      .filter(({ distinct }) => {
        if (!distinct.length) return false;
        const covered = distinct.filter((t) => qTerms.has(t) || [...qTerms].some((q) => q.length > 5 && q.includes(t))).length;
        return (covered === distinct.length && (distinct.length >= 2 || saysStandard)) || (saysStandard && covered / distinct.length >= 0.5);
      })
      .map((r) => r.ref);

    const years = [...folded.matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]));
    return { documentIds: [...documentIds], measureIds: ids, references: refs, current: CURRENT.test(folded), years, aboutPlan: documentIds.size > 0 && asksAboutPlanPeriod(question) };
  };
}
