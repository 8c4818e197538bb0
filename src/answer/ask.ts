import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { findReferences } from '../corpus/references.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { log as rootLog } from '../log.js';
import { redact, withoutPlaceholders } from '../privacy/redact.js';
import { documentById, measureCitation, passageCitation, unitsToName } from './citations.js';
import {
  composeGlossary,
  composeMeasures,
  composeReference,
  composeUnit,
  listJoin,
  MAX_LISTED,
  messages,
} from './compose.js';
import { districtsIn, documentsOf, isDistrictPlan, type District } from '../search/districts.js';
import { resolveFollowUp } from './followup.js';
import { checkContext, cleanText, isEmptyQuestion, truncate } from './input.js';
import { classify, type Intent } from './intent.js';
import { detectLanguage, norwegianEquivalents, retrievalQuery, type Language } from './language.js';
import { createLlmWriter, type AnswerWriter, type LlmFailure } from './llm.js';
import { currentFirst, resolveToday } from './periods.js';
import { citationCoverage, composeNotFound, grounding, isAnswered, topicalFor } from './refusal.js';
import type { Answer, AskContext, Citation, Filters } from './types.js';
import type { SearchHit, Searcher } from '../search/index.js';
import { answerStandard } from './standards.js';
import { measureCarriedBy } from './units.js';
import { expiredWarnings, personalDataWarning, truncatedWarning } from './warnings.js';
import { fold, terms } from '../search/tokenize.js';

/**
 * ask(question, context) → Answer: the one function every channel calls.
 *
 *   redact ─► clean/validate ─► follow-up ─► intent ─┬─ glossary / reference / measure id / unit (structured corpus)
 *                                                     └─ free question: search ─► ground ─► extractive (or checked LLM)
 *
 * The question is redacted first: only the redacted text is logged, returned or sent to a model.
 * Never throws: bad input, a missing index or a failing model all give a sensible Answer.
 */

/** What ask() needs from search: the corpus it indexed and its search (src/search). */
export type SearcherLike = Pick<Searcher, 'corpus' | 'search'>;

export interface AskDeps {
  /** The searcher, or how to open it (called once, on the first question). */
  searcher: SearcherLike | (() => Promise<SearcherLike>);
  config?: Config;
  /** The LLM writer; default from config (null when no LLM is configured). */
  llm?: AnswerWriter | null;
  log?: Logger;
  now?: () => Date;
  /** Told of every answer given (the server's /metrics counts them); never the question. */
  onAnswered?: (event: AskEvent) => void;
}

/** What ask() tells onAnswered: the same facts as its log line. */
export interface AskEvent {
  channel: NonNullable<AskContext['channel']> | 'unknown';
  intent: string;
  found: boolean;
  /** 'used', 'off' (no LLM configured or not asked) or why its reply was not used (LLM_TIMEOUT …). */
  llm: 'used' | 'off' | LlmFailure;
  ms: number;
}

export type AskFn = (question: string, context?: AskContext) => Promise<Answer>;

interface Composed {
  answer: string;
  found: boolean;
  citations: Citation[];
  warnings: string[];
  llm?: 'used' | LlmFailure;
}

const FREE_K = 12;
/** Citations given for a single matter; the first IN_TEXT of them are worded in the answer, the rest only cited. */
const SHOWN = 3;
const IN_TEXT = 2;
/** Citations (one per plan) for a question across plans («Hvilke bydeler har FACT?»), all worded. */
const SPANNING = 6;
const MANY_PLANS = /\b(?:hvilke|hvor mange)\s+(?:bydeler|planer|etater)\b|\bwhich\s+(?:districts|plans|agencies)\b|\balle bydel/i;

export function createAsk(deps: AskDeps): AskFn {
  let config: Config | undefined = deps.config;
  const getConfig = () => (config ??= loadConfig());
  const logger = deps.log ?? rootLog;
  const now = deps.now ?? (() => new Date());
  let searcher: Promise<SearcherLike> | undefined;
  const getSearcher = () => {
    if (!searcher) {
      const s = deps.searcher;
      searcher = typeof s === 'function' ? s() : Promise.resolve(s);
      searcher.catch(() => (searcher = undefined));
    }
    return searcher;
  };
  let llm: AnswerWriter | null | undefined = deps.llm;
  const getLlm = () => (llm === undefined ? (llm = createLlmWriter(getConfig())) : llm);

  return async function ask(rawQuestion: string, rawContext?: AskContext): Promise<Answer> {
    const started = Date.now();
    // 1. Redact before anything else sees the question — including the log.
    const redacted = redact(cleanText(rawQuestion));
    const { text: question, truncated } = truncate(redacted.text);
    const language = detectLanguage(question);
    const t = messages(language);
    const warnings: string[] = [];
    if (redacted.kinds.length) warnings.push(personalDataWarning(redacted.kinds, language));
    if (truncated) warnings.push(truncatedWarning(language));

    const checked = checkContext(rawContext);
    const context = checked.context;
    const history = context.history?.map((turn) => ({ ...turn, text: truncate(redact(cleanText(turn.text)).text).text }));
    const reqLog = logger.child({ channel: context.channel ?? 'unknown' });
    if (checked.problems.length) reqLog.warn({ problems: checked.problems }, 'ask: invalid context parts ignored');

    const finish = (c: Composed, intent: string): Answer => {
      const answer: Answer = {
        question,
        answer: c.answer,
        found: c.found,
        language,
        citations: c.citations,
        warnings: [...warnings, ...c.warnings],
      };
      // Never the question itself, not even redacted: logs outlive the feedback store's retention.
      reqLog.info(
        {
          chars: question.length,
          intent,
          found: c.found,
          citations: c.citations.map((x) => `${x.documentId}#${x.measureId ?? x.section}`),
          redacted: redacted.kinds,
          llm: c.llm ?? 'off',
          ms: Date.now() - started,
        },
        'ask',
      );
      deps.onAnswered?.({ channel: context.channel ?? 'unknown', intent, found: c.found, llm: c.llm ?? 'off', ms: Date.now() - started });
      return answer;
    };

    if (isEmptyQuestion(question)) return finish({ answer: t.empty, found: false, citations: [], warnings: [] }, 'empty');

    try {
      const cfg = getConfig();
      const today = resolveToday(context.today, cfg.VEILEDER_TODAY, now);
      let s: SearcherLike;
      try {
        s = await getSearcher();
      } catch (err) {
        reqLog.error({ err: (err as Error).message, code: (err as { code?: string }).code }, 'ask: search unavailable');
        return finish({ answer: t.unavailable, found: false, citations: [], warnings: [] }, 'unavailable');
      }
      const resolved = resolveFollowUp(withoutPlaceholders(question), history?.map((t) => ({ ...t, text: withoutPlaceholders(t.text) })));
      const intent = classify(resolved.query, s.corpus);
      const env: Env = { corpus: s.corpus, searcher: s, today, language, filters: context.filters, log: reqLog };
      const composed = await answerIntent(intent, resolved.query, env, getLlm);
      return finish(composed, resolved.usedHistory ? `${intent.kind}+history` : intent.kind);
    } catch (err) {
      reqLog.error({ err: (err as Error).message, stack: (err as Error).stack }, 'ask: failed');
      return finish({ answer: t.unavailable, found: false, citations: [], warnings: [] }, 'error');
    }
  };
}

interface Env {
  corpus: Corpus;
  searcher: SearcherLike;
  today: Date;
  language: Language;
  filters?: Filters;
  log: Logger;
}

function allowed(doc: CorpusDocument, filters: Filters | undefined): boolean {
  if (filters?.documentIds?.length && !filters.documentIds.includes(doc.id)) return false;
  if (filters?.owner && doc.owner.toLowerCase() !== filters.owner.toLowerCase()) return false;
  return true;
}

/** The documents a question is about: the named districts' plans (if any have one), filtered. */
function scope(question: string, env: Env): { docs: CorpusDocument[]; named: CorpusDocument[]; missing: District[] } {
  const districts = districtsIn(question);
  const named = districts.flatMap((d) => documentsOf(env.corpus, d)).filter((d) => allowed(d, env.filters));
  const missing = districts.filter((d) => documentsOf(env.corpus, d).length === 0);
  const docs = env.corpus.documents.filter((d) => allowed(d, env.filters));
  return { docs: named.length ? named : docs, named, missing };
}

function notFound(env: Env): Composed {
  return { answer: composeNotFound(env.language, null), found: false, citations: [], warnings: [] };
}

async function answerIntent(intent: Intent, question: string, env: Env, getLlm: () => AnswerWriter | null): Promise<Composed> {
  const t = messages(env.language);
  const lang = env.language;
  // What an Oslo standard says, when its text is not ingested: the plans on it, the link, and that
  // the full text is not in our sources (src/answer/standards.ts); null leaves the question to the rest.
  if (intent.kind === 'free' || intent.kind === 'reference') {
    const standard = answerStandard(question, env.corpus, { today: env.today, language: lang, allowed: (d) => allowed(d, env.filters) });
    if (standard) return standard;
  }
  switch (intent.kind) {
    case 'greeting':
      return { answer: t.help, found: false, citations: [], warnings: [] };

    case 'measure-id': {
      const { docs } = scope(question, env);
      const citations = docs.flatMap((d) =>
        d.measures.filter((m) => m.id.toUpperCase() === intent.measureId).map((m) => measureCitation(d, m, env.today, 1)),
      );
      if (!citations.length) return { answer: t.measureNotFound(intent.measureId), found: false, citations: [], warnings: [] };
      const ordered = currentFirst(citations);
      const body = composeMeasures(ordered, lang, 5);
      const answer = ordered.length > 1 ? `${t.sameId(intent.measureId, ordered.length)}\n${body}` : body;
      return { answer, found: true, citations: ordered, warnings: expiredWarnings(ordered, lang) };
    }

    case 'unit': {
      const { docs } = scope(question, env);
      const pick = (how: 'responsible' | 'text') =>
        docs.flatMap((d) => d.measures.filter((m) => measureCarriedBy(m, intent.unit) === how).map((m) => measureCitation(d, m, env.today, 1)));
      let citations = pick('responsible');
      const byText = citations.length === 0;
      if (byText) citations = pick('text');
      if (!citations.length) return answerFree(question, env, getLlm);
      citations = currentFirst(citations);
      const shown = citations.slice(0, MAX_LISTED);
      return { answer: composeUnit(intent.unit, citations, byText, lang), found: true, citations: shown, warnings: expiredWarnings(shown, lang) };
    }

    case 'reference': {
      const { docs } = scope(question, env);
      const citations: Citation[] = [];
      for (const d of docs) {
        const measures = d.measures.filter((m) => m.references.includes(intent.reference));
        citations.push(...measures.map((m) => measureCitation(d, m, env.today, 1)));
        if (measures.length) continue;
        const section = d.sections.find((s) => findReferences(s.text).includes(intent.reference));
        if (section) citations.push(passageCitation(d, section, excerptAround(section.text, intent.reference), [intent.reference], env.today, 1));
      }
      if (!citations.length) return notFound(env);
      const ordered = currentFirst(citations);
      return { answer: composeReference(intent.reference, ordered, lang), found: true, citations: ordered, warnings: expiredWarnings(ordered, lang) };
    }

    case 'glossary': {
      const citations = glossaryCitations(intent.abbreviation, intent.entry, env);
      const answer = composeGlossary(intent.abbreviation, intent.entry, citations, lang);
      return { answer, found: citations.length > 0, citations, warnings: expiredWarnings(citations, lang) };
    }

    case 'free':
      return answerFree(question, env, getLlm);
  }
}

/** A few sentences of `text` around the first mention of the reference's distinctive words. */
function excerptAround(text: string, reference: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const key = terms(reference).filter((w) => !['oslostandard', 'standard'].includes(w));
  const i = sentences.findIndex((s) => {
    const st = new Set(terms(s));
    return key.some((k) => st.has(k));
  });
  return sentences.slice(Math.max(0, i), Math.max(0, i) + 2).join(' ');
}

function glossaryCitations(abbreviation: string, entry: import('../corpus/types.js').GlossaryEntry | null, env: Env): Citation[] {
  const out: Citation[] = [];
  const word = new RegExp(`(?<![\\p{L}\\d])${abbreviation.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');
  const usedIn = (d: CorpusDocument) => {
    const s = d.sections.find((x) => word.test(x.text)) ?? null;
    const m = d.measures.find((x) => word.test(x.text));
    if (m) return measureCitation(d, m, env.today, 0.5);
    if (s) return passageCitation(d, s, sentenceWith(s.text, word), [], env.today, 0.5);
    return null;
  };
  if (entry?.documentId) {
    const doc = documentById(env.corpus, entry.documentId);
    if (doc) out.push(passageCitation(doc, null, entry.source ?? `${entry.abbreviation}: ${entry.expansion ?? ''}`, [], env.today, 1));
  }
  const others = entry
    ? entry.usedIn.map((id) => documentById(env.corpus, id)).filter((d): d is CorpusDocument => Boolean(d))
    : env.corpus.documents;
  for (const d of others) {
    if (out.some((c) => c.documentId === d.id)) continue;
    const c = usedIn(d);
    if (c) out.push(c);
  }
  return out.filter((c) => allowed(documentById(env.corpus, c.documentId)!, env.filters));
}

function sentenceWith(text: string, re: RegExp): string {
  return text.split(/(?<=[.!?])\s+/).find((s) => re.test(s)) ?? text.slice(0, 300);
}

async function answerFree(question: string, env: Env, getLlm: () => AnswerWriter | null): Promise<Composed> {
  const lang = env.language;
  const t = messages(lang);
  const query = retrievalQuery(question, lang);
  const { named, missing } = scope(question, env);
  // A district the corpus has no plan for (Frogner): said in the answer, which then draws on the
  // city-wide plans (and on passages that name that district).
  const noPlan: District[] = named.length ? [] : missing;
  const pinned = new Set(named.map((d) => d.id));

  const searches = [env.searcher.search(query, { k: FREE_K, filters: env.filters, today: env.today })];
  if (named.length) {
    searches.unshift(env.searcher.search(query, { k: 6, filters: { ...env.filters, documentIds: [...pinned] }, today: env.today }));
  }
  const hits = (await Promise.all(searches)).flat();

  const seen = new Set<string>();
  let citations: Citation[] = [];
  for (const h of hits) {
    const key = `${h.documentId}#${h.measureId ?? h.sectionId ?? h.text.slice(0, 40)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = toCitation(h, env);
    if (c && aboutDistrict(c, pinned, noPlan)) citations.push(c);
  }
  // What the question is about; for English, the Norwegian words of the field it names.
  const topical = topicalFor(question, lang, lang === 'en' ? norwegianEquivalents(question) : '', env.corpus);
  // Plans the question names first; then, among citations as much about the question as the best
  // one, current plans before expired ones; citations holding nothing of the question last.
  const coverage = new Map(citations.map((c) => [c, citationCoverage(topical, c, env.corpus)]));
  const bestCoverage = Math.max(0, ...coverage.values());
  const topScore = citations[0]?.score ?? 0;
  citations = currentFirst(
    citations,
    (c) => coverage.get(c)! >= bestCoverage * 0.9 && c.score >= topScore * 0.5,
    pinned,
  );
  citations = [...citations.filter((c) => coverage.get(c)! > 0), ...citations.filter((c) => coverage.get(c)! === 0)];

  const g = grounding(fold(question), topical, env.corpus, citations[0], findReferences(question));
  if (!citations.length || !isAnswered(g)) {
    env.log.debug({ grounding: { ...g, topical: g.topical.length } }, 'ask: not answered by the plans');
    const near = g.corpusCoverage > 0 && g.topical.length && g.hitCoverage > 0 ? (citations[0] ?? null) : null;
    const lead = noPlan.length ? t.noPlan(listJoin(noPlan, lang), 'nothing') : undefined;
    return { answer: composeNotFound(lang, near, lead), found: false, citations: [], warnings: [] };
  }
  env.log.debug({ grounding: { ...g, topical: g.topical.length } }, 'ask: answered');
  // Show only citations that hold a fair share of what the best one holds.
  const best = coverage.get(citations[0]!)!;
  citations = citations.filter((c) => coverage.get(c)! >= best * 0.5 && coverage.get(c)! > 0);
  const spansPlans = MANY_PLANS.test(question) || MANY_PLANS.test(query);
  if (spansPlans) citations = onePerPlan(citations);
  const shown = withUnitInText(citations.slice(0, spansPlans ? SPANNING : SHOWN), IN_TEXT);
  // A chat answer: two measures in the text for a single matter, one per plan for a question across plans.
  const inText = spansPlans ? shown.length : IN_TEXT;

  // A district without a plan is said first, whoever words the rest.
  const withLead = (text: string, cited: Citation[]) => {
    if (!noPlan.length) return text;
    const cityWide = !cited.some(isDistrictPlan);
    return `${t.noPlan(listJoin(noPlan, lang), cityWide ? 'city' : 'plans')}\n${text}`;
  };
  let llmState: Composed['llm'];
  const writer = getLlm();
  if (writer) {
    const result = await writer.write({ question, citations: shown, language: lang, corpus: env.corpus });
    if (result.ok) {
      const cited = result.citations;
      return { answer: withLead(result.text, cited), found: true, citations: cited, warnings: expiredWarnings(cited, lang), llm: 'used' };
    }
    llmState = result.reason;
    env.log.warn({ reason: result.reason, detail: result.detail }, 'ask: LLM reply not used; extractive answer given');
  }
  return {
    answer: withLead(composeMeasures(shown, lang, inText), shown.slice(0, inText)),
    found: true,
    citations: shown,
    warnings: expiredWarnings(shown, lang),
    llm: llmState,
  };
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

function onePerPlan(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.documentId) ? false : (seen.add(c.documentId), true)));
}

function toCitation(h: SearchHit, env: Env): Citation | null {
  const doc = documentById(env.corpus, h.documentId);
  if (!doc) return null;
  if (h.kind === 'measure' && h.measureId) {
    const m = doc.measures.find((x) => x.id === h.measureId);
    if (m) return measureCitation(doc, m, env.today, h.score);
  }
  const section = doc.sections.find((s) => s.id === h.sectionId) ?? null;
  return passageCitation(doc, section, h.text, findReferences(h.text), env.today, h.score);
}

let defaultAsk: AskFn | undefined;

/**
 * The default engine, initialised on the first question: config from the environment, the searcher
 * from src/search (the index on disk, built when missing), the LLM when configured.
 */
export async function ask(question: string, context: AskContext = {}): Promise<Answer> {
  defaultAsk ??= createAsk({
    searcher: async () => {
      const { openSearcher } = await import('../search/index.js');
      return openSearcher({ config: loadConfig(), build: 'auto' });
    },
  });
  return defaultAsk(question, context);
}

