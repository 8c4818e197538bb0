import { districtsIn, withoutDistricts } from '../../search/districts.js';
import { mentionsPeriod, periodSpan, planIntroduction, planOwnName, plansNamedIn } from '../../search/signals.js';
import type { Corpus } from '../../corpus/types.js';
import { fold } from '../../search/tokenize.js';
import { passageCitation, sentenceWith } from '../citations.js';
import { quote } from '../compose.js';
import { allowed, type Composed, type Env } from '../env.js';
import { corpusKnows, spelled, topicalWords } from '../refusal.js';

/**
 * «Gjelder Løkka sin rusplan fortsatt?», «Nordstrand's plan – which years?»: a question about a plan
 * itself — its period and whether it still applies — answered from the manifest, citing the plan.
 */

/** «en ny handlingsplan», «a newer plan», «neste rusplan»: a plan after the one the sources hold. */
const NEWER = /\b(?:ny|nye|nyere|neste|kommende|oppdatert\w*|revidert\w*|new|newer|next|updated|revised)\s+(?:\p{L}+\s+)?\p{L}*plan\w*/u;

/**
 * Whether the question asks for a newer plan than the one a district has here («Har Gamle Oslo en ny
 * handlingsplan for 2026–2029?», «kommer det en ny rusplan for Gamle Oslo etter 2025?») and nothing more:
 * it names a district and a plan, and no matter of the plans besides (a word of five letters or more the
 * plans use, «nalokson»).
 */
export function asksAboutNewerPlan(question: string, env: Pick<Env, 'corpus'>): boolean {
  const q = spelled(question);
  if (!NEWER.test(q) || !districtsIn(question).length) return false;
  const knows = corpusKnows(env.corpus);
  const rest = q.replace(NEWER, ' ');
  return !topicalWords(withoutDistricts(rest)).some((t) => t.word.length >= 5 && knows(t.word));
}

/** The plans as a whole, by a plural: «planene», «rus/psykisk helse-planer», «the five action plans». */
const ALL_PLANS = /\p{L}*plan(?:er|ene)\b|\bplans\b/u;

/**
 * The words of a matter of the plans a text holds: words the plans use, of four letters or more (or one
 * of the plans' abbreviations: «er HAP-tilbudet kommet i gang»), besides the words for a plan, the plans'
 * names and titles (of the plans `namedIn` names), the districts and the words for a period. Stemmed.
 */
function matterTerms(text: string, corpus: Corpus, namedIn: string = text): Set<string> {
  const knows = corpusKnows(corpus);
  const naming = new Set(plansNamedIn(namedIn, corpus).flatMap((d) => topicalWords(spelled(`${d.title} ${d.owner}`)).map((t) => t.term)));
  const abbreviations = new Set(corpus.glossary.map((g) => fold(g.abbreviation)));
  const rest = withoutDistricts(text).replace(/\p{L}*plan\p{L}*/gu, ' ');
  const matter = topicalWords(rest).filter(
    (t) => (t.word.length >= 4 || abbreviations.has(t.word)) && knows(t.word) && !naming.has(t.term) && !mentionsPeriod(t.word),
  );
  return new Set(matter.map((t) => t.term));
}

/**
 * Whether a question about a plan's period asks about a matter of the plans too («Tryggere liv – hvilke år
 * gjelder den planen, og hva står det om brukerrom 2?»): a word of a matter besides the period.
 */
export function asksMoreThanPeriod(question: string, env: Pick<Env, 'corpus'>): boolean {
  return matterTerms(withoutPeriodClauses(question, env.corpus), env.corpus, question).size > 0;
}

/**
 * The question without its clauses that ask for the period («Tryggere liv – hvilke år gjelder den planen,
 * og hva står det om brukerrom 2?» → «Tryggere liv og hva står det om brukerrom 2?»): what the plans' text answers.
 */
export function withoutPeriodClauses(question: string, corpus: Corpus): string {
  const clauses = question.split(/(?<=[,;:?!.])\s+|\s+[–—-]\s+/u);
  const rest = clauses.filter((c) => !mentionsPeriod(c) || asksAMatter(c, corpus)).join(' ').trim();
  // The plan the question names stays named («hvor lenge gjelder planen til Gamle Oslo, og hvor ofte …»).
  const named = plansNamedIn(question, corpus);
  if (!named.length || plansNamedIn(rest, corpus).length) return rest;
  return `${rest.replace(/[?.!\s]+$/u, '')} i ${named.map((d) => planOwnName(d) ?? d.owner).join(' og ')}?`;
}

/** Words of a matter a clause needs to be about it though it names a period («… informasjon på nett rettet mot foreldre i byplanen som gjelder fra 2026?»). */
const MATTER_WORDS = 2;

/** Whether a clause that names a period asks about a matter of the plans, the period only saying which plan. */
function asksAMatter(clause: string, corpus: Corpus): boolean {
  return matterTerms(clause, corpus).size >= MATTER_WORDS;
}

/**
 * A question on a matter that asks for the plan's period too: the answer on the matter, then the period
 * of the plan it names, cited after the matter's citations.
 */
export function withPlanPeriod(answer: Composed, question: string, env: Env): Composed {
  const cited = answer.citations.length;
  const period = answerPlanPeriod(question, env, { newer: false }, cited);
  if (!period?.found) return answer;
  // A section the matter's answer cites already (the plan's introduction) keeps its number, not a second one.
  const citations = [...answer.citations];
  const number = period.citations.map((c) => {
    const same = citations.findIndex((x) => x.documentId === c.documentId && x.measureId === null && x.section === c.section);
    if (same >= 0) return same + 1;
    citations.push(c);
    return citations.length;
  });
  const text = period.answer.replace(/\[(\d+)\]/g, (whole, n: string) => {
    const i = Number(n) - cited - 1;
    return i >= 0 && i < number.length ? `[${number[i]}]` : whole;
  });
  return { ...answer, answer: `${answer.answer}\n${text}`, citations, periodStated: true };
}

/**
 * @param opts.newer the question asks for a newer plan than the sources hold (asksAboutNewerPlan, read by intent.ts).
 * @param cited citations the answer gives before these (their numbers follow on).
 */
export function answerPlanPeriod(question: string, env: Env, opts: { newer: boolean }, cited = 0): Composed | null {
  const named = plansNamedIn(question, env.corpus);
  // «hvilke planer har vi, og hvilke perioder gjelder de for?», «which periods do the five plans cover?»: every plan.
  const all = !named.length && !opts.newer && ALL_PLANS.test(spelled(question));
  const docs = (all ? env.corpus.documents.filter((d) => d.kind === 'plan') : named).filter((d) => allowed(d, env.filters));
  if (!docs.length) return null;
  const year = env.today.getUTCFullYear();
  const en = env.language === 'en';
  // A newer plan than the sources hold: what they do hold, and that they cannot say more (no unit, no measure).
  if (opts.newer) {
    const held = docs.map((d) => `${quote(d.title, env.language)} (${d.period.from}–${d.period.to})`).join(en ? ' and ' : ' og ');
    const answer = en
      ? `The newest plan I have for this is ${held}. Whether a newer plan has been adopted, or when, is not in my sources.`
      : `Den nyeste planen jeg har for dette, er ${held}. Om en nyere plan er vedtatt, eller når, står ikke i kildene mine.`;
    return { answer, found: false, citations: [] };
  }
  const citations = docs.map((d) => {
    // The passage that states the period («… for perioden 2022–2025»), else the plan's first.
    const section = planIntroduction(d);
    return passageCitation(d, section, section ? sentenceWith(section.text, periodSpan(d)) : d.title, [], env.today, 1);
  });
  const lines = docs.map((d, i) => {
    const { from, to } = d.period;
    const state = en
      ? to < year ? `its period ended in ${to}` : from > year ? `it starts in ${from}` : `it is in force now (${year})`
      : to < year ? `perioden gikk ut i ${to}` : from > year ? `den begynner i ${from}` : `den gjelder nå (${year})`;
    return en
      ? `The plan ${quote(d.title, 'en')} (${d.owner}) covers ${from}–${to}; ${state} [${cited + i + 1}].`
      : `${quote(d.title, 'nb')} (${d.owner}) gjelder ${from}–${to}; ${state} [${cited + i + 1}].`;
  });
  const after = docs.some((d) => d.period.to < year)
    ? en ? 'Whether a newer plan has been adopted is not in my sources.' : 'Om en nyere plan er vedtatt, står ikke i kildene mine.'
    : null;
  return { answer: [...lines, ...(after ? [after] : [])].join('\n'), found: true, citations, periodStated: true };
}
