import { findReferences } from '../../corpus/references.js';
import { districtsIn, isDistrictPlan } from '../../search/districts.js';
import { plansNamedIn } from '../../search/signals.js';
import { sentences } from '../sentences.js';
import { unitsToName } from '../citations.js';
import { composeAcross } from '../compose.js';
import { focusPassage } from '../excerpt.js';
import { allowed, toCitation, type Composed, type Env } from '../env.js';
import { norwegianEquivalents } from '../../search/language.js';
import { isAnswered, namesSomething } from '../answerability.js';
import { citationCoverage, composeNotFound, corpusKnows, grounding, heldWords, spelled, topicalFor } from '../refusal.js';
import type { SearchHit } from '../../search/index.js';
import type { Citation } from '../types.js';
import type { Corpus } from '../../corpus/types.js';
import { fold } from '../../search/tokenize.js';

/**
 * A question across plans («hva gjør bydelene for pårørende?», «which districts have FACT?»): answered
 * per plan — the best matching measure of each plan that has one, every such plan named, the
 * city-wide plan marked as such — instead of the measures of one plan or of a unit called «Bydelene».
 */

/** How a question asks across plans (spelled text, see refusal.ts): the plans or districts as a whole. */
const ACROSS = [
  /\b(?:hvilke|hvor mange|alle)\s+(?:bydeler\w*|planer\w*|etater\w*|handlingsplaner\w*|av\s+(?:bydelene|planene|etatene))\b|\bhvilken\s+(?:bydel|plan|handlingsplan)\b/,
  /\b(?:de ulike|de forskjellige|ulike|forskjellige|alle|flere)\s+(?:planene|bydelene|planer|bydeler)\b/,
  /\bhva\s+(?:gjor|sier|tilbyr|har)\s+(?:\p{L}+\s+){0,2}(?:bydelene|planene|byen og bydelene|bydelene og byen)\b|\bhva\s+(?:bydelene|planene)\s+(?:\p{L}+\s+)?(?:gjor|sier|tilbyr|har)\b/u,
  /\b(?:i|fra|for)\s+bydelene\b/,
  // «hva finnes i planene», «hvilke av bydelsplanene», «står det noe i handlingsplanene om …»: the plans as a whole.
  /\b(?:i|fra|blant|av)\s+(?:de\s+\p{L}+\s+)?\p{L}*planene\b/u,
  /\b(?:in|across|from)\s+(?:any of\s+|all\s+|each of\s+)?the\s+(?:\p{L}+\s+)?(?:plans|districts|bydeler)\b|\b(?:any|each|every) of the (?:\p{L}+\s+)?(?:plans|districts|bydeler)\b|\bthe (?:bydel|district) plans\b/u,
  /\bsammenlign\w*|\bcompar\w*|\bacross\b/,
  /\b(?:which|how many)\s+(?:of\s+the\s+)?(?:districts?|bydel\w*|plans?|agencies)\b|\b(?:all|the different|the various)\s+(?:the\s+)?(?:districts|plans|bydeler)\b/,
  // Spelled text reads «does» as «dos» (the digraph oe → ø).
  /\bwhat\s+(?:are|do|dos)\s+the\s+(?:districts|bydeler|plans|city and the districts|districts and the city)\b/,
  /\bplans?\s+mention\b|\bnevnes i\b|\bhvilke planer\b/,
];

/**
 * Whether a question asks across plans: it says so and names no single district. With the corpus, a
 * question that names a plan («byens nye plan») does not ask across the districts by the name of a
 * standard it asks about («Oslostandard for overdoseforebyggende arbeid i bydelene»).
 */
export function asksAcrossPlans(question: string, corpus?: Corpus): boolean {
  if (districtsIn(question).length === 1) return false;
  const q = corpus && plansNamedIn(question, corpus).length ? withoutReferenceNames(question) : spelled(question);
  return ACROSS.some((re) => re.test(q));
}

/**
 * The question, spelled, without the names of the references it makes as far as it writes them out
 * («… Oslostandarden for overdoseforebyggende arbeid i bydelene?» → «… oslostandarden ?»): the longest
 * tail of two words or more of each canonical name it holds. What a name says («i bydelene») is not what
 * the question asks.
 */
function withoutReferenceNames(question: string): string {
  let out = spelled(question);
  for (const name of findReferences(question)) {
    const parts = spelled(name).split(/\s+/);
    for (let k = parts.length - 1; k >= 2; k--) {
      const tail = parts.slice(parts.length - k).join(' ');
      if (out.includes(tail)) {
        out = out.split(tail).join(' ');
        break;
      }
    }
  }
  return out;
}

/**
 * What a longer message asks across plans: its sentences that ask (a question mark, or the words of a
 * question across plans), without the context around them («Tenker på om vi kan bruke dem mer inn mot
 * skolen.»). The message itself when it has one sentence, or when no sentence asks across plans.
 */
function acrossSentence(message: string): string {
  const parts = sentences(message);
  if (parts.length < 2 || !parts.some((x) => asksAcrossPlans(x))) return message;
  return parts.filter((x) => x.endsWith('?') || asksAcrossPlans(x)).join(' ');
}

const PER_PLAN_K = 4;
/** A plan's other measures on the matter are listed when they hold at least this share of what its best citation holds. */
const TIE = 0.9;
/** The most citations listed under one plan: three asked across plans, two when the plans are only named beside a free answer's. */
const PER_PLAN_MAX = { asked: 3, close: 2 } as const;
/** A plan is listed when its best citation holds at least this share of the question. */
const LISTED_COVERAGE = 0.2;

/** How much of the best plan's match a plan's best match must hold to be named, when the question did not ask across plans. */
const CLOSE = 0.35;

/**
 * @param opts.closeTo the question did not ask across plans (a matter without a district) and this is
 *   the best citation a free answer found: only plans whose best match holds a word of the question it
 *   holds, and at least CLOSE of its share, are named, best first.
 */
export async function answerAcross(message: string, env: Env, opts: { closeTo?: Citation } = {}): Promise<Composed> {
  // A longer message is answered by what it asks («Hvilke bydeler har egen ruskonsulent for ungdom?
  // Tenker på om …»): the context around it is not what the plans' measures hold. When that part alone
  // is not answered, the whole message is read (its context may be what the plans answer).
  const asked = opts.closeTo ? message : acrossSentence(message);
  if (asked !== message) {
    const focused = await answerAcrossPlans(asked, env, opts);
    if (focused.found) return focused;
  }
  return answerAcrossPlans(message, env, opts);
}

async function answerAcrossPlans(question: string, env: Env, opts: { closeTo?: Citation }): Promise<Composed> {
  const lang = env.language;
  const knows = corpusKnows(env.corpus);
  // Search adds an English question's Norwegian words itself; grounding reads them too.
  const norwegian = lang === 'en' ? norwegianEquivalents(question, knows) : '';
  const topical = topicalFor(question, lang, norwegian, env.corpus);
  // A question that names two plans or more («byplanen vs Gamle Oslo») compares those, each named when it has anything.
  const named = plansNamedIn(question, env.corpus).filter((d) => d.kind === 'plan' && allowed(d, env.filters));
  const compared = named.length >= 2;
  const docs = compared ? named : env.corpus.documents.filter((d) => d.kind === 'plan' && allowed(d, env.filters));

  // Each plan's best citation: the one holding most of the question, a measure (it names a unit) before a
  // passage. When the best is a passage, the plan's best measure on the matter follows it: who carries it.
  const perPlan: { c: Citation; coverage: number; hit: SearchHit; more: Citation[] }[] = [];
  await Promise.all(
    docs.map(async (d) => {
      const hits = await env.searcher.search(question, { k: PER_PLAN_K, filters: { ...env.filters, documentIds: [d.id] }, today: env.today, language: lang });
      const scored = hits
        .map((h) => ({ hit: h, c: toCitation(h, env) }))
        .filter((x): x is { hit: SearchHit; c: Citation } => x.c !== null)
        .map(({ hit, c }, rank) => ({ c, hit, coverage: citationCoverage(topical, c, env.corpus, { compoundHeads: true, acronyms: true }), rank }));
      const top = Math.max(0, ...scored.map((s) => s.coverage));
      const carried = (c: Citation) => c.measureId !== null && unitsToName(c).length > 0;
      const best = scored
        .filter((s) => s.coverage >= top * 0.85 && s.coverage > 0)
        .sort((a, b) => Number(carried(b.c)) - Number(carried(a.c)) || a.rank - b.rank)[0];
      if (!best) return;
      const measure = carried(best.c)
        ? undefined
        : scored.filter((x) => carried(x.c) && x.coverage >= best.coverage * 0.5).sort((a, b) => b.coverage - a.coverage || a.rank - b.rank)[0]?.c;
      // Measures as good as the best (a near tie on the question's words) follow it: the plan has several measures on the matter.
      const also = scored
        .filter((x) => x !== best && carried(x.c) && x.c !== measure && x.coverage >= TIE * Math.max(best.coverage, 1e-9))
        .sort((a, b) => b.coverage - a.coverage || a.rank - b.rank)
        .slice(0, (opts.closeTo ? PER_PLAN_MAX.close : PER_PLAN_MAX.asked) - 1 - (measure ? 1 : 0))
        .map((x) => x.c);
      perPlan.push({ ...best, more: [...(measure ? [measure] : []), ...also] });
    }),
  );
  perPlan.sort((a, b) => b.coverage - a.coverage || b.c.score - a.c.score);
  const first = perPlan[0];
  // Grounded on the per-plan citation that holds most of the question's own words (compounds aside).
  const own = perPlan.map((p) => ({ ...p, coverage: citationCoverage(topical, p.c, env.corpus) })).sort((a, b) => b.coverage - a.coverage);
  const ground = own[0];
  const g = grounding(question, topical, env.corpus, ground?.c, findReferences(question));
  // Each plan was searched on its own: the runner-up is the next plan's citation.
  const evidence = { grounding: g, next: own[1]?.c.score ?? 0, ranks: ground?.hit.ranks, named: namesSomething(question, env.corpus) };
  if (!first || !isAnswered(evidence, env.answerable)) {
    return { answer: composeNotFound(lang, null), found: false, citations: [] };
  }
  // Not asked across plans: a plan is named only when its best match holds a word of the question the
  // free answer's best citation holds (the same matter: «nalokson» of «nalokson nesespray»), and a fair
  // share of what that citation holds.
  const wanted = opts.closeTo ? heldWords(topical, opts.closeTo, env.corpus, { compoundHeads: true }) : [];
  // A name the question gives that only the free answer's plan uses («Seniorsenteret Solgløtt») is the
  // matter itself: another plan is named only when it holds that name too.
  const names = new Set(topical.filter((t) => t.name && documentsUsing(t.word, env.corpus) === 1).map((t) => t.term));
  const namedWanted = wanted.filter((w) => names.has(w));
  const same = (c: Citation) => {
    const have = new Set(heldWords(topical, c, env.corpus, { compoundHeads: true }));
    return !wanted.length || (wanted.some((w) => have.has(w)) && namedWanted.every((w) => have.has(w)));
  };
  // Asked across plans, every plan whose best match holds enough of the question is named, however much
  // more another plan holds: the asker wants each plan's nearest measure, not only the best plan's.
  // Words the plans never use («piller») are held by no plan: the share a plan must hold is of the words they do use.
  const listed = LISTED_COVERAGE * Math.max(0.5, g.corpusCoverage);
  const floor = compared ? 0 : opts.closeTo ? Math.max(listed, first.coverage * CLOSE) : listed;
  // The best plan is named whenever the plans answer at all.
  const kept = perPlan.filter((p) => (p === first || p.coverage >= floor) && same(p.c));
  if (!kept.length) return { answer: composeNotFound(lang, null), found: false, citations: [] };
  // District plans first (what the districts do), the city-wide plan after them. Not asked across plans,
  // the plan of the free answer's best citation keeps the lead and the others follow it, best first.
  const lead = opts.closeTo;
  const ordered = lead
    ? [...kept.filter((p) => p.c.documentId === lead.documentId), ...kept.filter((p) => p.c.documentId !== lead.documentId)]
    : [...kept.filter((p) => isDistrictPlan(p.c)), ...kept.filter((p) => !isDistrictPlan(p.c))];
  const citations = ordered.flatMap((p) => [p.c, ...p.more]).map((c) => focusPassage(c, topical, env.corpus));
  // Compared plans that have nothing on the matter are said to have nothing, not left out unsaid.
  const silent = compared ? docs.filter((d) => !citations.some((c) => c.documentId === d.id)).map((d) => ({ owner: d.owner, documentTitle: d.title })) : [];
  return { answer: composeAcross(citations, lang, silent), found: true, citations };
}

const documentTexts = new WeakMap<Corpus, string[]>();

/** How many of the corpus's documents use a folded word (as a word's start) anywhere in their text. */
function documentsUsing(word: string, corpus: Corpus): number {
  let texts = documentTexts.get(corpus);
  if (!texts) {
    texts = corpus.documents.map((d) => fold([d.title, ...d.sections.map((s) => `${s.title} ${s.text}`), ...d.measures.map((m) => m.text)].join(' ')));
    documentTexts.set(corpus, texts);
  }
  const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
  return texts.filter((t) => re.test(t)).length;
}

