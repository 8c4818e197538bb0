import { findReferences } from '../../corpus/references.js';
import { districtsIn, isDistrictPlan, type District } from '../../search/districts.js';
import { unitsToName } from '../citations.js';
import { composeList, composeMeasures, listJoin, MAX_LISTED, messages } from '../compose.js';
import { scope, toCitation, type Composed, type Env } from '../env.js';
import { norwegianEquivalents } from '../../search/language.js';
import { currentFirst } from '../periods.js';
import { focusPassage, heldShare } from '../excerpt.js';
import { textSentences } from '../sentences.js';
import { isAnswered, namesSomething } from '../answerability.js';
import { citationCoverage, composeNotFound, corpusKnows, grounding, heldWords, topicalFor, topicalWords, type TopicalWord } from '../refusal.js';
import type { SearchHit } from '../../search/index.js';
import type { Citation } from '../types.js';

/**
 * A free question: search, keep what is about the districts it names, ground it (or say plainly
 * that the plans do not answer), and word the best measures — extractively, or by the checked LLM.
 */

const FREE_K = 12;
/** Citations given for a single matter; the first IN_TEXT of them are worded in the answer, the rest only cited. */
const SHOWN = 3;
const IN_TEXT = 2;
/** How much of what the best citation holds the search's first hit must hold to lead the answer. */
const SEARCH_FIRST = 0.4;
/** How much of what the best citation holds the best citation of the district the question names must hold to lead. */
const OWN_PLAN = 0.6;
/** How much of it the district's best citation must hold to follow the city-wide plan's as second. */
const OWN_SECOND = 0.3;

export async function answerFree(question: string, env: Env): Promise<Composed> {
  const lang = env.language;
  const t = messages(lang);
  const knows = corpusKnows(env.corpus);
  // Search adds an English question's Norwegian words itself; grounding reads them too.
  const norwegian = lang === 'en' ? norwegianEquivalents(question, knows) : '';
  const { named, missing } = scope(question, env);
  // A district the corpus has no plan for (Frogner): said in the answer, which then draws on the
  // city-wide plans (and on passages that name that district).
  const noPlan: District[] = named.length ? [] : missing;
  const pinned = new Set(named.map((d) => d.id));

  const searches = [env.searcher.search(question, { k: FREE_K, filters: env.filters, today: env.today, language: lang })];
  if (named.length) {
    searches.unshift(env.searcher.search(question, { k: 6, filters: { ...env.filters, documentIds: [...pinned] }, today: env.today, language: lang }));
  }
  const hits = (await Promise.all(searches)).flat();

  const seen = new Set<string>();
  const hitOf = new Map<Citation, SearchHit>();
  let citations: Citation[] = [];
  for (const h of hits) {
    const key = `${h.documentId}#${h.measureId ?? h.sectionId ?? h.text.slice(0, 40)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = toCitation(h, env);
    if (c && aboutDistrict(c, pinned, noPlan)) {
      citations.push(c);
      hitOf.set(c, h);
    }
  }
  // What the question is about; for English, the Norwegian words of the field it names.
  const topical = topicalFor(question, lang, norwegian, env.corpus);
  // Plans the question names first; then, among citations as much about the question as the best
  // one, current plans before expired ones; citations holding nothing of the question last.
  const coverage = new Map(citations.map((c) => [c, heldShare(topical, c, env.corpus)]));
  // Search's own first hit, before the citations are ordered by what they hold of the question.
  const searchFirst = citations[0];
  const bestCoverage = Math.max(0, ...coverage.values());
  const topScore = citations[0]?.score ?? 0;
  citations = currentFirst(
    citations,
    (c) => coverage.get(c)! >= bestCoverage * 0.9 && c.score >= topScore * 0.5,
    pinned,
  );
  citations = [...citations.filter((c) => coverage.get(c)! > 0), ...citations.filter((c) => coverage.get(c)! === 0)];

  const g = grounding(question, topical, env.corpus, citations[0], findReferences(question));
  const evidence = { grounding: g, next: citations[1]?.score ?? 0, ranks: citations[0] && hitOf.get(citations[0])?.ranks, named: namesSomething(question, env.corpus) };
  if (!citations.length || !isAnswered(evidence, env.answerable)) {
    env.log.debug({ grounding: { ...g, topical: g.topical.length } }, 'ask: not answered by the plans');
    const near = g.corpusCoverage > 0 && g.topical.length && g.hitCoverage > 0 ? (citations[0] ?? null) : null;
    const lead = noPlan.length ? t.noPlan(listJoin(noPlan, lang), 'nothing') : undefined;
    return { answer: composeNotFound(lang, near, lead), found: false, citations: [] };
  }
  env.log.debug({ grounding: { ...g, topical: g.topical.length } }, 'ask: answered');
  // Show only citations that hold a fair share of what the best one holds.
  const best = coverage.get(citations[0]!)!;
  // A passage holding more of the question's words does not push the search's first hit, a measure, out:
  // search reads compounds and near words («langvarig og sammensatte behov» for «store behov over tid»).
  const lead = searchFirst && citations[0]!.measureId === null && searchFirst.measureId !== null && coverage.get(searchFirst)! >= best * SEARCH_FIRST ? searchFirst : undefined;
  // The named district's own best citation, before the share filter drops it (see below).
  const ownBest = pinned.size ? citations.find((c) => pinned.has(c.documentId) && coverage.get(c)! >= best * OWN_SECOND) : undefined;
  citations = citations.filter((c) => c !== lead && coverage.get(c)! >= best * 0.5 && coverage.get(c)! > 0);
  if (lead) citations.unshift(lead);
  // A question naming a district is answered from that district's plan first: its best citation on the
  // matter leads over the city-wide plan's when it holds a fair share of what that one holds.
  const own = pinned.size && citations[0] && !pinned.has(citations[0].documentId) ? citations.find((c) => pinned.has(c.documentId) && coverage.get(c)! >= best * OWN_PLAN) : undefined;
  if (own) citations = [own, ...citations.filter((c) => c !== own)];
  // Asked about a district, the answer shows what its own plan has on the matter even when the city-wide
  // plan holds more of the question's words: second, after the city-wide plan's measure.
  else if (ownBest && !citations.slice(0, IN_TEXT).some((c) => pinned.has(c.documentId))) {
    citations = [citations[0]!, ownBest, ...citations.slice(1).filter((c) => c !== ownBest)];
  }
  // «Hvilke tiltak har Gamle Oslo om bolig?»: every measure of the best plan on the matter, one line each.
  const listed = asksForMeasures(question) ? citations.filter((c) => c.measureId !== null && c.documentId === citations[0]!.documentId).slice(0, MAX_LISTED) : [];
  const list = listed.length > IN_TEXT;
  let shown = list ? listed : withUnitInText(citations.slice(0, SHOWN), IN_TEXT);
  // A passage that answers but names no one responsible («… en gruppe for barn (TACO-gruppe)»): its
  // plan's measure on what the passage describes follows it, so the answer says who carries it — before
  // a measure that only names a unit for something else.
  if (!list && shown[0] && shown[0].measureId === null) {
    const carrier = await measureCarrying(shown[0], topical, env);
    if (carrier) shown = [shown[0], carrier, ...shown.slice(1).filter((c) => c.documentId !== carrier.documentId || c.measureId !== carrier.measureId)].slice(0, SHOWN);
  }
  // A passage is quoted from its sentence on the question.
  shown = shown.map((c) => focusPassage(c, topical, env.corpus));
  // A chat answer: two measures in the text, the third only cited (questions across plans: kinds/across.ts).
  const inText = IN_TEXT;

  // A district without a plan is said first, whoever words the rest.
  const withLead = (text: string, cited: Citation[]) => {
    if (!noPlan.length) return text;
    const cityWide = !cited.some(isDistrictPlan);
    return `${t.noPlan(listJoin(noPlan, lang), cityWide ? 'city' : 'plans')}\n${text}`;
  };
  let llmState: Composed['llm'];
  const writer = env.llm();
  if (writer) {
    const result = await writer.write({ question, citations: shown, language: lang, corpus: env.corpus });
    if (result.ok) {
      const cited = result.citations;
      return { answer: withLead(result.text, cited), found: true, citations: cited, llm: 'used' };
    }
    llmState = result.reason;
    env.log.warn({ reason: result.reason, detail: result.detail }, 'ask: LLM reply not used; extractive answer given');
  }
  return {
    answer: list ? withLead(composeList(shown, lang), shown) : withLead(composeMeasures(shown, lang, inText), shown.slice(0, inText)),
    found: true,
    citations: shown,
    llm: llmState,
  };
}

/** «Hvilke tiltak …», «which measures …», «en oversikt over tiltakene»: the question asks for the measures, not one answer. */
const FOR_MEASURES = /\b(?:hvilke|alle|hvor mange)\s+(?:\p{L}+\s+)?tiltak\w*|\boversikt over\b|\b(?:which|what|all)\s+(?:the\s+)?measures\b|\blist\b/iu;

export function asksForMeasures(question: string): boolean {
  return FOR_MEASURES.test(question);
}

/** How much of the passage's sentence a measure must hold to be the one carrying it. */
const CARRIES = 0.5;

/**
 * The measure of a passage's plan that carries what the passage says about the question: by the
 * passage's sentence on the question, else by its heading. Null when no measure does.
 */
async function measureCarrying(passage: Citation, topical: TopicalWord[], env: Env): Promise<Citation | null> {
  return (await measureOfSentence(passage, topical, env)) ?? (await measureOfHeading(passage, env));
}

/**
 * The measure of a passage's plan on what its heading names («3.1.2.1 Ruskonsulent Ung», «3.1.2
 * Utekontakten»): a section that describes a service is carried by the measure that sets it up or that
 * the service carries. Of the plan's measures searched with the heading, those naming a unit and holding
 * at least CARRIES of the heading's words, the one holding most (its text counts before those responsible).
 */
async function measureOfHeading(passage: Citation, env: Env): Promise<Citation | null> {
  const heading = (passage.section ?? '').replace(/^[\d.]+\s*/, '').trim();
  const words = topicalWords(heading);
  if (!words.length) return null;
  // The measure that writes the heading's words before one that only lists the service among those responsible.
  const found = await carryingMeasures(heading, [words], passage, env);
  return found.reduce<(typeof found)[number] | null>((best, m) => (m.coverage > (best?.coverage ?? 0) ? m : best), null)?.c ?? null;
}

/**
 * The measures of a passage's plan, searched once with `query`, that name a unit and hold at least
 * CARRIES of one of the word sets, in search order, with the most of a set each holds.
 */
async function carryingMeasures(query: string, wordSets: TopicalWord[][], passage: Citation, env: Env): Promise<{ c: Citation; coverage: number }[]> {
  const hits = await env.searcher.search(query, { k: 6, filters: { ...env.filters, documentIds: [passage.documentId] }, today: env.today, language: 'nb' });
  const out: { c: Citation; coverage: number }[] = [];
  for (const h of hits) {
    const c = h.kind === 'measure' ? toCitation(h, env) : null;
    if (!c || unitsToName(c).length === 0) continue;
    const coverage = Math.max(...wordSets.map((words) => citationCoverage(words, c, env.corpus, { compoundHeads: true })));
    if (coverage >= CARRIES) out.push({ c, coverage });
  }
  return out;
}

/**
 * The plan's measures searched with the passage's sentence that holds most of the question: the first
 * that names a unit and holds at least CARRIES of that sentence's other words.
 */
async function measureOfSentence(passage: Citation, topical: TopicalWord[], env: Env): Promise<Citation | null> {
  const sentences = textSentences(passage.text);
  const held = (text: string) => heldWords(topical, { ...passage, text, section: '' }, env.corpus).length;
  const sentence = sentences.reduce((best, s) => (held(s) > held(best) ? s : best), sentences[0] ?? '');
  if (!held(sentence)) return null;
  // What the measure must share is the rest of the sentence: the question's own words («TACO») are
  // what only the passage says.
  const asked = new Set(topical.map((t) => t.term));
  const all = topicalWords(sentence);
  const words = all.filter((t) => !asked.has(t.term));
  if (!words.length) return null;
  // A measure holding the sentence, with or without the question's words, carries it; of those, the one
  // that also holds most of the question (N19 «Etablere et aktivitetshus …» for the aktivitetshus the
  // passage tells of, not N10 on «personer med rusproblemer»), in search order.
  const carriers = await carryingMeasures(sentence, [words, all], passage, env);
  const ownWords = (c: Citation) => heldWords(topical, c, env.corpus).length;
  return carriers.reduce<Citation | null>((best, { c }) => (best === null || ownWords(c) > ownWords(best) ? c : best), null);
}

/**
 * Whether a citation belongs in an answer about the districts the question names: their own plans and
 * the city-wide plans, never another district's plan. For a district without a plan, the city-wide
 * plans and passages of other plans that name it («nettverk med Østensjø»).
 */
function aboutDistrict(c: Citation, pinned: ReadonlySet<string>, noPlan: readonly District[]): boolean {
  if (!isDistrictPlan(c) || pinned.has(c.documentId)) return true;
  if (pinned.size) return false;
  return !noPlan.length || districtsIn(c.text).some((d) => noPlan.includes(d));
}

/**
 * An answer names the responsible unit: when none of the first `n` citations has one (prose passages)
 * and a later one does, that one moves up to place n. The best citation stays first.
 */
function withUnitInText(citations: Citation[], n: number): Citation[] {
  const hasUnit = (c: Citation) => unitsToName(c).length > 0;
  if (citations.length <= n || citations.slice(0, n).some(hasUnit)) return citations;
  const i = citations.findIndex(hasUnit);
  if (i < 0) return citations;
  const out = citations.filter((_, j) => j !== i);
  out.splice(n - 1, 0, citations[i]!);
  return out;
}
