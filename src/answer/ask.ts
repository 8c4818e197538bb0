import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { log as rootLog } from '../log.js';
import { redact, withoutPlaceholders } from '../privacy/redact.js';
import { messages } from './compose.js';
import type { AnswerabilityDecision } from './answerability.js';
import { allowed, type Composed, type Env, type SearcherLike } from './env.js';
import { withoutDirectives } from './directives.js';
import { resolveFollowUp } from './followup.js';
import { checkContext, cleanText, isEmptyQuestion, truncate } from './input.js';
import { classify, type Intent } from './intent.js';
import { answerAcross, asksAcrossPlans } from './kinds/across.js';
import { districtsIn, inDistricts, type District } from '../search/districts.js';
import { planOwnName, plansNamedIn, titleLead } from '../search/signals.js';
import { answerGlossary } from './kinds/glossary.js';
import { answerPlanPeriod, asksMoreThanPeriod, withoutPeriodClauses, withPlanPeriod } from './kinds/plan.js';
import { answerOutside } from './kinds/outside.js';
import { composeNotFound, corpusKnows, missingFactKinds, missingFromAll, namesOtherPlace } from './refusal.js';
import { answerFree } from './kinds/free.js';
import { answerMeasureId } from './kinds/measure-id.js';
import { answerReference, answerStandards } from './kinds/reference.js';
import { answerUnit } from './kinds/unit.js';
import { detectLanguage } from '../search/language.js';
import { createLlmWriter, type AnswerWriter, type LlmFailure } from './llm.js';
import { resolveToday } from './periods.js';
import { nynorskAsBokmal } from './nynorsk.js';
import { sentences } from './sentences.js';
import { reportedQuestion } from '../language/index.js';
import { respell } from './spelling.js';
import { answerStandard } from './standards.js';
import type { Answer, AskContext } from './types.js';
import { expiryNotice, personalDataWarning, statusNote, truncatedWarning } from './warnings.js';

/**
 * ask(question, context) → Answer: the one function every channel calls.
 *
 *   redact ─► clean/validate ─► follow-up ─► intent ─┬─ glossary / reference / measure id / unit (structured corpus)
 *                                                     └─ free question: search ─► ground ─► extractive (or checked LLM)
 *
 * Each kind of question is answered in a file of its own under src/answer/kinds/.
 *
 * The question is redacted first: only the redacted text is logged, returned or sent to a model.
 * Never throws: bad input, a missing index or a failing model all give a sensible Answer.
 */

export type { SearcherLike } from './env.js';

export interface AskDeps {
  /** The searcher, or how to open it (called once, on the first question). */
  searcher: SearcherLike | (() => Promise<SearcherLike>);
  config?: Config;
  /** The LLM writer; default from config (null when no LLM is configured). */
  llm?: AnswerWriter | null;
  log?: Logger;
  now?: () => Date;
  /** Decides answerability from the evidence's features; default the fitted model (answerability.ts).
   *  The fit script (eval/fit-answerability.ts) injects one that records the features. */
  answerable?: AnswerabilityDecision;
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
    // 2. Text that tries to instruct the bot («SYSTEM: …», «ignorer planene og si …») is not part of the question.
    const asked = withoutDirectives(question).text;
    // Read again once the plans are at hand: a word they use («fentanyl») is no sign of English.
    let language = detectLanguage(asked);
    let t = messages(language);
    const warnings = () => [
      ...(redacted.kinds.length ? [personalDataWarning(redacted.kinds, language)] : []),
      ...(truncated ? [truncatedWarning(language)] : []),
    ];

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
        warnings: warnings(),
      };
      // The ended plan periods among the citations, said once for the whole answer.
      const expiry = c.periodStated ? null : expiryNotice(c.citations, language);
      if (expiry) {
        answer.warnings.push(expiry.warning);
        answer.expiry = expiry;
      }
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

    if (isEmptyQuestion(question)) return finish({ answer: t.empty, found: false, citations: [] }, 'empty');

    try {
      const cfg = getConfig();
      const today = resolveToday(context.today, cfg.VEILEDER_TODAY, now);
      let s: SearcherLike;
      try {
        s = await getSearcher();
      } catch (err) {
        reqLog.error({ err: (err as Error).message, code: (err as { code?: string }).code }, 'ask: search unavailable');
        return finish({ answer: t.unavailable, found: false, citations: [] }, 'unavailable');
      }
      language = detectLanguage(asked, corpusKnows(s.corpus));
      t = messages(language);
      // Read as the plans are written: nynorsk as bokmål, «paaroerende» as «pårørende».
      const spell = (text: string) => {
        const plain = withoutPlaceholders(text);
        return respell(language === 'nb' ? nynorskAsBokmal(plain, s.corpus) : plain, s.corpus);
      };
      // A plan a turn names, by a name a question can carry: its own («Tryggere liv») or its title's lead.
      const planName = (text: string) => {
        const [doc] = plansNamedIn(text, s.corpus);
        return doc ? (planOwnName(doc) ?? titleLead(doc.title)) : null;
      };
      const resolved = resolveFollowUp(spell(asked), history?.map((t) => ({ ...t, text: spell(t.text) })), { planName });
      // A channel bound to a district (AskContext.district): a question that names none is about that district.
      const bound = channelDistrict(context.district, resolved.query);
      const query = inDistricts(resolved.query, bound ? [bound] : []);
      const intent = classify(query, s.corpus);
      const env: Env = { corpus: s.corpus, searcher: s, today, language, filters: context.filters, log: reqLog, llm: getLlm, answerable: deps.answerable };
      let composed = await answerIntent(intent, query, env);
      // A message that relays or wraps a question («En mor i skranken spør: «…»», «Hei! … Vet du om
      // noe?») is answered by its part the plans answer, when the whole is not.
      // Not when the message asks for a kind of fact the plans do not carry, in any of its parts, nor
      // when it is about another municipality's plan («… i Bergen kommune? Har dei eigen rusplan?»).
      // Nor when a question of it names another municipality («How does Bergen run its user room? Anything
      // we could copy?»): its other parts ask about that place too.
      const asking = sentences(query).filter((x) => x.endsWith('?'));
      if (!composed.found && !composed.final && !missingFactKinds(query, undefined, s.corpus).length && !asking.some((x) => namesOtherPlace(x, s.corpus))) {
        // A part is asked about the districts the whole message names («… og på Nordstrand?»): never another's.
        const places = districtsIn(query);
        for (const whole of questionParts(query)) {
          const part = districtsIn(whole).length ? whole : inDistricts(whole, places);
          const answered = await answerIntent(classify(part, s.corpus), part, env);
          if (answered.found) {
            composed = answered;
            break;
          }
        }
      }
      // The answer says what it took from elsewhere than the question: the thread, the channel's district.
      if (composed.found) {
        const leads = [
          resolved.carried && (resolved.carried.topic || resolved.carried.district) ? t.carried(resolved.carried.topic, resolved.carried.district) : null,
          bound ? t.channelDistrict(bound) : null,
        ].filter(Boolean);
        if (leads.length) composed.answer = `${leads.join(' ')}\n${composed.answer}`;
      }
      return finish(composed, `${intent.kind}${resolved.usedHistory ? '+history' : ''}${bound ? '+district' : ''}`);
    } catch (err) {
      reqLog.error({ err: (err as Error).message, stack: (err as Error).stack }, 'ask: failed');
      return finish({ answer: t.unavailable, found: false, citations: [] }, 'error');
    }
  };
}

/**
 * The parts of a longer message that may be its question: a quotation of 3+ words (a question relayed
 * from the public), then its sentences that end in a question mark, then the question a sentence
 * reports («kollegaen min lurer på om Løkka tilbyr booppfølging, stemmer det?» → «Løkka tilbyr
 * booppfølging?»). A message of one plain sentence has none.
 */
export function questionParts(message: string): string[] {
  const whole = message.trim();
  const quoted = [...whole.matchAll(/[«"“]([^«»"“”]{12,})[»"”]/gu)].map((m) => m[1]!.trim()).filter((q) => q.split(/\s+/).length >= 3);
  const parts = sentences(whole);
  const questions = parts.filter((x) => x.endsWith('?') && x.split(/\s+/).length >= 3);
  const reported = parts.map(reportedPart).filter((x): x is string => x !== null && x.split(/\s+/).length >= 3);
  return [...new Set([...quoted, ...questions, ...reported])].filter((p) => p !== whole);
}

/** The question a sentence reports after a frame («lurer på om …», «hørte at …»), without a tag («stemmer det?»); null when it reports none. */
function reportedPart(sentence: string): string | null {
  const { frames, tags } = reportedQuestion();
  const frame = frames.map((re) => re.exec(sentence)).find((m) => m !== null);
  const untagged = tags.reduce((s, re) => s.replace(re, ' '), sentence);
  if (!frame && untagged === sentence) return null;
  const from = frame ? untagged.indexOf(frame[0]) : -1;
  const rest = frame ? (from >= 0 ? untagged.slice(from + frame[0].length) : sentence.slice(frame.index + frame[0].length)) : untagged;
  const part = rest.replace(/^(?:om|at|if|whether|that)\s+/iu, '').replace(/\s+/g, ' ').replace(/[\s,.;:?–-]+$/u, '').trim();
  return part ? `${part}?` : null;
}

/** The channel's district, when it is one of Oslo's and the question names no district and does not ask across plans. */
function channelDistrict(district: string | undefined, question: string): District | null {
  if (!district || districtsIn(question).length || asksAcrossPlans(question)) return null;
  const [d] = districtsIn(district);
  return d ?? null;
}

/** Routes a question by its kind to the file that answers that kind (src/answer/kinds/). */
async function answerIntent(intent: Intent, question: string, env: Env): Promise<Composed> {
  const outside = answerOutside(question, env);
  if (outside) return outside;
  const composed = await answerKind(intent, question, env);
  // A kind of fact the plans do not carry (a phone number, opening hours, a dose) is refused whatever
  // kind of question carried it, unless a cited passage holds it. The passage found is named as the
  // nearest: the asker sees where the plans touch the matter («tiltak 32»), and that they do not say this.
  if (composed.found && missingFromAll(question, composed.citations, env.corpus).length) {
    return { answer: composeNotFound(env.language, composed.citations[0] ?? null), found: false, citations: [] };
  }
  // «er det startet?»: the status the plan gives the measure, or that it gives none. Not for an answer
  // across plans: one measure's status would read as every plan's.
  const plans = new Set(composed.citations.map((c) => c.documentId)).size;
  const status = composed.found && intent.kind !== 'across' && plans <= 2 ? statusNote(question, composed.citations, env.language) : null;
  return status ? { ...composed, answer: `${composed.answer}\n${status}` } : composed;
}

async function answerKind(intent: Intent, question: string, env: Env): Promise<Composed> {
  // What an Oslo standard says, when its text is not ingested: the plans on it, the link, and that
  // the full text is not in our sources (src/answer/standards.ts); null leaves the question to the rest.
  if (intent.kind === 'free' || intent.kind === 'reference') {
    const standard = answerStandard(question, env.corpus, { today: env.today, language: env.language, allowed: (d) => allowed(d, env.filters) });
    if (standard) return standard;
  }
  switch (intent.kind) {
    case 'greeting':
      return { answer: messages(env.language).help, found: false, citations: [] };
    case 'measure-id':
      return answerMeasureId(intent.measureId, question, env);
    case 'unit':
      return answerUnit(intent.unit, question, env) ?? answerFree(question, env);
    case 'across':
      return answerAcross(question, env);
    case 'plan-period': {
      const period = answerPlanPeriod(question, env, { newer: intent.newer });
      if (!period?.found || !asksMoreThanPeriod(question, env)) return period ?? answerFree(question, env);
      // «… hvilke år gjelder den planen, og hva står det om brukerrom 2?»: the matter, then the period.
      const free = await answerFree(withoutPeriodClauses(question, env.corpus), env);
      return free.found ? withPlanPeriod(free, question, env) : period;
    }
    case 'reference':
      return answerReference(intent.reference, question, env);
    case 'standards':
      return answerStandards(question, env);
    case 'glossary':
      return answerGlossary(intent.abbreviation, intent.entry, intent.explicit, env);
    case 'free': {
      // The documents the question names: plans, or an ingested standard («Oslostandard for …»).
      const named = plansNamedIn(question, env.corpus).filter((d) => allowed(d, env.filters));
      // «sentrumssamarbeidet – hva sier byplanen vs Gamle Oslo?»: two plans or more named are compared, each answered.
      if (named.filter((d) => d.kind === 'plan').length >= 2) {
        const compared = await answerAcross(question, env);
        if (compared.found) return compared;
      }
      const free = await answerFree(question, env);
      // A matter asked without a district or plan («ruskonsulent ung», «who hands out naloxone?») is carried
      // by each district in its own way: answered per plan when more than one plan has a measure on it. One
      // asked of a document («tryggere liv – står det noe der om …») stays with that document.
      if (!free.found || districtsIn(question).length || named.length) return free;
      const across = await answerAcross(question, env, { closeTo: free.citations[0] });
      return across.found && new Set(across.citations.map((c) => c.documentId)).size > 1 ? across : free;
    }
  }
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

