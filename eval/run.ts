import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { AskFn } from '../src/answer/ask.js';
import { loadConfig } from '../src/config.js';
import { log } from '../src/log.js';
import type { Searcher, SearchMode } from '../src/search/index.js';
import { citationLocator, firstRank, frameIsEnglish, missingUnits, ratio, type Located } from './metrics.js';
import { EVAL_SETS, HISTORY_FILE, loadQuestions, QUESTIONS_FILE, type EvalSet, type Question, type Target } from './schema.js';

/**
 * `npm run eval`: how well Veileder finds and answers the question set in eval/questions.yaml.
 * Retrieval: hit@1, hit@3 and MRR of searcher.search(q, { mode, k: 10 }) for each mode (the ablation).
 * Answers: ask(q, { history, channel: 'eval' }) — in-scope answered, units named, citation hit@1/@3,
 * out-of-scope refused. The last four lines printed are the headline figures (a hook reads them).
 */

export const MODES: readonly SearchMode[] = ['lexical', 'vector', 'hybrid'];
const K = 10;

export interface RetrievalMiss {
  id: string;
  q: string;
  rank: number | null;
  expected: string[];
  got: string[];
}

export interface HitRates {
  questions: number;
  hit1: number | null;
  hit3: number | null;
}

export interface RetrievalFigures extends HitRates {
  mode: SearchMode;
  mrr: number | null;
  msPerQuery: number;
  byDocument: Record<string, HitRates>;
  byTag: Record<string, HitRates>;
  misses: RetrievalMiss[];
}

export interface AnswerMiss {
  id: string;
  q: string;
  problem: 'not-answered' | 'units-missing' | 'citation-miss' | 'plans-missing' | 'not-refused' | 'not-english';
  detail: string;
}

export interface AnswerFigures {
  inScope: number;
  answered: number | null;
  unitQuestions: number;
  unitAccuracy: number | null;
  citationHit1: number | null;
  citationHit3: number | null;
  /** Questions that span plans: how many answers cite every expected plan. */
  spanning: number;
  planCoverage: number | null;
  outOfScope: number;
  refused: number | null;
  /** English questions whose whole answer (text, refusal, labels) is English. */
  english: number;
  englishInEnglish: number | null;
  /** Per tag: the share of questions fully right (in scope: answered, source in the top 3, units named; out of scope: refused). */
  byTag: Record<string, { questions: number; right: number | null }>;
  msPerQuestion: number;
  misses: AnswerMiss[];
}

export interface EvalReport {
  questionsFile: string;
  questions: { total: number; inScope: number; outOfScope: number; followUps: number };
  searcher: { provider: string; units: number };
  llm: boolean;
  retrieval: RetrievalFigures[];
  answers: AnswerFigures;
  headline: { mode: SearchMode; hit1: number | null; hit3: number | null; unitAccuracy: number | null; refused: number | null };
  seconds: number;
}

export interface EvalOptions {
  questions: Question[];
  searcher: Searcher;
  ask: AskFn;
  modes?: readonly SearchMode[];
  questionsFile?: string;
  /** Whether ask() writes with an LLM (reported only; the caller configures ask). */
  llm?: boolean;
}

const describeTarget = (t: Target): string => `${t.documentId}#${t.measureId ?? `§${t.sectionId}`}`;
const describeHit = (h: Located): string =>
  `${h.documentId}#${h.measureId ?? (h.sectionId === null ? '?' : `§${h.sectionId}`)}`;

/** hit@1 and hit@3 of a group of ranks (1-based, null = not in the results). */
function hitRates(ranks: readonly (number | null)[]): HitRates {
  const n = ranks.length;
  return {
    questions: n,
    hit1: ratio(ranks.filter((r) => r === 1).length, n),
    hit3: ratio(ranks.filter((r) => r !== null && r <= 3).length, n),
  };
}

/** Ranks grouped by a key of the question (a question may fall in several groups), keys sorted. */
function groupRates(ranked: readonly { q: Question; rank: number | null }[], keys: (q: Question) => Iterable<string>): Record<string, HitRates> {
  const groups = new Map<string, (number | null)[]>();
  for (const { q, rank } of ranked) for (const key of new Set(keys(q))) groups.set(key, [...(groups.get(key) ?? []), rank]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, ranks]) => [key, hitRates(ranks)]));
}

async function evalRetrieval(searcher: Searcher, questions: Question[], mode: SearchMode): Promise<RetrievalFigures> {
  const ranked: { q: Question; rank: number | null }[] = [];
  const misses: RetrievalMiss[] = [];
  const started = performance.now();
  for (const q of questions) {
    const results = await searcher.search(q.q, { mode, k: K });
    const rank = firstRank(results, q.expect);
    ranked.push({ q, rank });
    if (rank === null || rank > 3) {
      misses.push({ id: q.id, q: q.q, rank, expected: q.expect.map(describeTarget), got: results.slice(0, 3).map(describeHit) });
    }
  }
  const ranks = ranked.map((r) => r.rank);
  return {
    mode,
    ...hitRates(ranks),
    mrr: ratio(ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0), ranks.length),
    msPerQuery: ranks.length === 0 ? 0 : (performance.now() - started) / ranks.length,
    byDocument: groupRates(ranked, (q) => q.expect.map((t) => t.documentId)),
    byTag: groupRates(ranked, (q) => q.tags),
    misses,
  };
}

async function evalAnswers(searcher: Searcher, ask: AskFn, questions: Question[]): Promise<AnswerFigures> {
  const locate = citationLocator(searcher.corpus);
  const misses: AnswerMiss[] = [];
  const n = { inScope: 0, answered: 0, unitQuestions: 0, unitsNamed: 0, cite1: 0, cite3: 0, spanning: 0, covered: 0, outOfScope: 0, refused: 0, english: 0, inEnglish: 0 };
  const tagged = new Map<string, { questions: number; right: number }>();
  const count = (q: Question, right: boolean) => {
    for (const tag of ['alle', ...q.tags, q.outOfScope ? 'utenfor' : 'i planene']) {
      const t = tagged.get(tag) ?? { questions: 0, right: 0 };
      t.questions++;
      if (right) t.right++;
      tagged.set(tag, t);
    }
  };
  const started = performance.now();
  for (const q of questions) {
    const answer = await ask(q.q, { history: q.history, channel: 'eval' });
    const excerpt = answer.answer.replace(/\s+/g, ' ').slice(0, 160);
    if (q.lang === 'en') {
      n.english++;
      if (frameIsEnglish(answer)) n.inEnglish++;
      else misses.push({ id: q.id, q: q.q, problem: 'not-english', detail: excerpt });
    }
    if (q.outOfScope) {
      n.outOfScope++;
      count(q, !answer.found);
      if (!answer.found) n.refused++;
      else {
        const top = answer.citations[0];
        misses.push({ id: q.id, q: q.q, problem: 'not-refused', detail: top ? describeHit(locate(top)) : excerpt });
      }
      continue;
    }
    n.inScope++;
    if (answer.found) n.answered++;
    else misses.push({ id: q.id, q: q.q, problem: 'not-answered', detail: excerpt });
    let unitsNamed = true;
    if (q.units.length > 0) {
      n.unitQuestions++;
      const missing = answer.found ? missingUnits(answer.answer, q.units) : q.units;
      unitsNamed = missing.length === 0;
      if (missing.length === 0) n.unitsNamed++;
      else if (answer.found) misses.push({ id: q.id, q: q.q, problem: 'units-missing', detail: `${missing.join(', ')} — «${excerpt}»` });
    }
    if (q.spansPlans) {
      n.spanning++;
      const cited = new Set(answer.citations.map((c) => c.documentId));
      const missing = [...new Set(q.expect.map((t) => t.documentId))].filter((d) => !cited.has(d));
      if (missing.length === 0) n.covered++;
      else misses.push({ id: q.id, q: q.q, problem: 'plans-missing', detail: missing.join(', ') });
    }
    const rank = firstRank(answer.citations.map(locate), q.expect);
    count(q, answer.found && rank !== null && rank <= 3 && unitsNamed);
    if (rank === 1) n.cite1++;
    if (rank !== null && rank <= 3) n.cite3++;
    if (answer.found && (rank === null || rank > 3)) {
      const got = answer.citations.slice(0, 3).map((c) => describeHit(locate(c)));
      misses.push({ id: q.id, q: q.q, problem: 'citation-miss', detail: `ventet ${q.expect.map(describeTarget).join(' | ')}; fikk ${got.join(', ') || 'ingen'}` });
    }
  }
  return {
    inScope: n.inScope,
    answered: ratio(n.answered, n.inScope),
    unitQuestions: n.unitQuestions,
    unitAccuracy: ratio(n.unitsNamed, n.unitQuestions),
    citationHit1: ratio(n.cite1, n.inScope),
    citationHit3: ratio(n.cite3, n.inScope),
    spanning: n.spanning,
    planCoverage: ratio(n.covered, n.spanning),
    outOfScope: n.outOfScope,
    refused: ratio(n.refused, n.outOfScope),
    english: n.english,
    englishInEnglish: ratio(n.inEnglish, n.english),
    byTag: Object.fromEntries([...tagged].sort(([a], [b]) => a.localeCompare(b)).map(([tag, t]) => [tag, { questions: t.questions, right: ratio(t.right, t.questions) }])),
    msPerQuestion: questions.length === 0 ? 0 : (performance.now() - started) / questions.length,
    misses,
  };
}

/** Runs the whole eval in-process; the caller owns the searcher and the ask function. */
export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  const { questions, searcher } = opts;
  const modes = opts.modes ?? MODES;
  // Search has no thread: follow-up questions are measured through ask() only.
  const searchable = questions.filter((q) => !q.outOfScope && !q.history?.length);
  const retrieval: RetrievalFigures[] = [];
  for (const mode of modes) retrieval.push(await evalRetrieval(searcher, searchable, mode));
  const answers = await evalAnswers(searcher, opts.ask, questions);
  const main = retrieval.find((r) => r.mode === 'hybrid') ?? retrieval[0];
  return {
    questionsFile: opts.questionsFile ?? QUESTIONS_FILE,
    questions: {
      total: questions.length,
      inScope: questions.filter((q) => !q.outOfScope).length,
      outOfScope: questions.filter((q) => q.outOfScope).length,
      followUps: questions.filter((q) => q.history?.length).length,
    },
    searcher: { provider: searcher.info.provider, units: searcher.info.units },
    llm: opts.llm ?? false,
    retrieval,
    answers,
    headline: {
      mode: main?.mode ?? 'hybrid',
      hit1: main?.hit1 ?? null,
      hit3: main?.hit3 ?? null,
      unitAccuracy: answers.unitAccuracy,
      refused: answers.refused,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

const num = (x: number | null, digits = 3): string => (x === null ? '–' : x.toFixed(digits));
const pad = (s: string, n: number): string => s.padEnd(n);

function rateTable(title: string, keyName: string, rates: Record<string, HitRates>): string[] {
  return [
    title,
    `${pad(keyName, 30)}${pad('spørsmål', 10)}${pad('hit@1', 8)}hit@3`,
    ...Object.entries(rates).map(([key, r]) => `${pad(key, 30)}${pad(String(r.questions), 10)}${pad(num(r.hit1), 8)}${num(r.hit3)}`),
  ];
}

/** The readable report; its last four lines are the headline figures (hit@1, hit@3, unit accuracy, refusal). */
export function formatReport(report: EvalReport, { verbose = false } = {}): string {
  const out: string[] = [];
  const { questions: qs, answers: a } = report;
  out.push(`Veileder eval — ${report.questionsFile}: ${qs.inScope} spørsmål i planene (${qs.followUps} oppfølging), ${qs.outOfScope} utenfor`);
  out.push(`Søkeindeks: ${report.searcher.units} enheter, embeddings «${report.searcher.provider}»; svar ${report.llm ? 'skrevet av LLM' : 'uttrekk uten LLM'}`);
  out.push('');
  const searched = report.retrieval[0]?.questions ?? 0;
  out.push(`Søk, k=${K} (${searched} spørsmål; oppfølgingsspørsmål måles bare gjennom ask)`);
  out.push(`${pad('modus', 10)}${pad('hit@1', 8)}${pad('hit@3', 8)}${pad('MRR', 8)}ms/spørsmål`);
  for (const r of report.retrieval) {
    out.push(`${pad(r.mode, 10)}${pad(num(r.hit1), 8)}${pad(num(r.hit3), 8)}${pad(num(r.mrr), 8)}${r.msPerQuery.toFixed(1)}`);
  }
  const main = report.retrieval.find((r) => r.mode === report.headline.mode);
  if (main) out.push('', ...rateTable(`Per plan (${main.mode})`, 'plan', main.byDocument));
  out.push('');
  out.push(`Svar fra ask() (${a.msPerQuestion.toFixed(1)} ms/spørsmål)`);
  out.push(`${pad('besvart, i planene', 34)}${num(a.answered)}  (${a.inScope} spørsmål)`);
  out.push(`${pad('ansvarlig enhet nevnt', 34)}${num(a.unitAccuracy)}  (${a.unitQuestions} spørsmål med enheter)`);
  out.push(`${pad('kilde hit@1 / hit@3', 34)}${num(a.citationHit1)} / ${num(a.citationHit3)}`);
  out.push(`${pad('alle planer sitert', 34)}${num(a.planCoverage)}  (${a.spanning} spørsmål over flere planer)`);
  out.push(`${pad('avvist, utenfor planene', 34)}${num(a.refused)}  (${a.outOfScope} spørsmål)`);
  out.push(`${pad('engelsk besvart på engelsk', 34)}${num(a.englishInEnglish)}  (${a.english} spørsmål)`);
  if (verbose && main) out.push('', ...rateTable(`Per tagg (${main.mode})`, 'tagg', main.byTag));
  if (verbose) {
    for (const r of report.retrieval) {
      out.push('');
      out.push(`Bom i søk, ${r.mode} (ikke blant de 3 første): ${r.misses.length}`);
      for (const m of r.misses) {
        out.push(`  ${m.id}: «${m.q}» — ventet ${m.expected.join(' | ')}; rang ${m.rank ?? '>' + K}; fikk ${m.got.join(', ') || 'ingen'}`);
      }
    }
    out.push('');
    out.push(`Bom i svar: ${a.misses.length}`);
    for (const m of a.misses) out.push(`  ${m.id} [${m.problem}]: «${m.q}» — ${m.detail}`);
  }
  out.push('');
  out.push(`(${report.seconds.toFixed(1)} s)`);
  const h = report.headline;
  out.push(`hit@1          ${num(h.hit1)}  (søk, ${h.mode})`);
  out.push(`hit@3          ${num(h.hit3)}  (søk, ${h.mode})`);
  out.push(`unit-accuracy  ${num(h.unitAccuracy)}  (svaret nevner ansvarlig enhet)`);
  out.push(`refusal        ${num(h.refused)}  (utenfor planene avvist)`);
  return out.join('\n');
}

const Args = z.object({
  json: z.boolean().default(false),
  verbose: z.boolean().default(false),
  mode: z.enum(['all', 'hybrid', 'lexical', 'vector']).default('all'),
  questions: z.string().min(1).optional(),
  record: z.string().min(1).optional(),
});

/** One line of figures for a set: what eval/HISTORY.md records and the summary table prints. */
export function figuresRow(name: string, report: EvalReport): string[] {
  const a = report.answers;
  return [
    name,
    String(report.questions.total),
    num(report.headline.hit1),
    num(report.headline.hit3),
    num(a.unitAccuracy),
    num(a.answered),
    num(a.refused),
    num(a.planCoverage),
    num(a.englishInEnglish),
  ];
}
const ROW_HEAD = ['sett', 'spørsmål', 'hit@1', 'hit@3', 'enhet nevnt', 'besvart', 'avvist', 'alle planer', 'engelsk'];

/** The share fully right per failure class (tag), the classes that have at least three questions. */
export function classesLine(report: EvalReport): string {
  return Object.entries(report.answers.byTag)
    .filter(([, t]) => t.questions >= 3)
    .map(([tag, t]) => `${tag} ${num(t.right, 2)} (${t.questions})`)
    .join(', ');
}

/** Appends the figures of each set to eval/HISTORY.md under a label («first sight 2026-12-01», «after: …»). */
function record(file: string, label: string, reports: { name: string; report: EvalReport }[]): void {
  const date = new Date().toISOString().slice(0, 10);
  const lines = reports.map(({ name, report }) => `| ${date} | ${label} | ${figuresRow(name, report).join(' | ')} | ${classesLine(report)} |`);
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `# Eval history\n\nOne row per set per run that was recorded with \`npm run eval -- --record "LABEL"\`. «first sight» rows are a\nfresh blind batch run before anything was changed; they are the honest measure of progress.\nColumns: hit@1/hit@3 of hybrid search; enhet nevnt = the answer names the responsible unit; besvart =\nin-scope answered; avvist = out-of-scope refused; alle planer = questions across plans citing every\nexpected plan; engelsk = English questions answered wholly in English; klasser = share fully right per tag.\n\n| dato | runde | ${ROW_HEAD.join(' | ')} | klasser |\n|${' --- |'.repeat(ROW_HEAD.length + 3)}\n`,
    );
  }
  appendFileSync(file, `${lines.join('\n')}\n`);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let args: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        mode: { type: 'string' },
        questions: { type: 'string' },
        record: { type: 'string' },
      },
      strict: true,
    });
    args = Args.parse(values);
  } catch (err) {
    const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    process.stderr.write(
      `Ugyldige argumenter (${detail}).\nBruk: npm run eval -- [--json] [--verbose] [--mode all|hybrid|lexical|vector] [--questions FIL] [--record ETIKETT]\n`,
    );
    return 2;
  }
  try {
    const sets: EvalSet[] = args.questions
      ? [{ name: args.questions, file: args.questions, sealed: /sealed/.test(args.questions) }]
      : EVAL_SETS.filter((set) => existsSync(set.file));
    const loaded = sets.map((set) => ({ set, questions: loadQuestions(set.file) }));
    // The engine loads only once the arguments and the question sets are known to be good.
    const [{ openSearcher }, { createAsk }] = await Promise.all([import('../src/search/index.js'), import('../src/answer/ask.js')]);
    const config = loadConfig();
    const searcher = await openSearcher({ config, build: 'memory' });
    // ask() bound to the same in-memory searcher: the eval never reads or writes the on-disk index.
    // One log line per question would bury the report's errors: warnings and up unless LOG_LEVEL says otherwise.
    const askLog = log.child({ component: 'eval' }, { level: process.env.LOG_LEVEL ?? 'warn' });
    const ask = createAsk({ searcher, config, log: askLog });
    const modes = args.mode === 'all' ? MODES : [args.mode];
    const reports: { name: string; report: EvalReport; sealed: boolean }[] = [];
    for (const { set, questions } of loaded) {
      const report = await runEval({ questions, searcher, ask, modes, questionsFile: set.file, llm: config.llm.enabled });
      reports.push({ name: set.name, report, sealed: set.sealed });
    }
    if (args.record) record(HISTORY_FILE, args.record, reports);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0]!.report : Object.fromEntries(reports.map((r) => [r.name, r.report])))}\n`);
      return 0;
    }
    if (reports.length === 1) {
      const [{ report, sealed }] = reports as [(typeof reports)[0]];
      process.stdout.write(`${formatReport(report, { verbose: args.verbose && !sealed })}\n`);
      if (args.verbose && sealed) process.stdout.write('(feilene i det forseglede settet vises ikke: se docs/sok-og-kvalitet.md «Kvalitet»)\n');
      return 0;
    }
    // Several sets: each one's report, a summary table, and the sealed set's headline last (a hook reads it).
    for (const { name, report, sealed } of reports) {
      process.stdout.write(`── ${name} ${'─'.repeat(Math.max(0, 60 - name.length))}\n`);
      const text = formatReport(report, { verbose: args.verbose && !sealed }).split('\n');
      process.stdout.write(`${text.slice(0, -5).join('\n')}\n`);
      if (args.verbose && sealed) process.stdout.write('(feilene i det forseglede settet vises ikke: se docs/sok-og-kvalitet.md «Kvalitet»)\n');
      process.stdout.write(`Per klasse (helt riktig): ${classesLine(report)}\n\n`);
    }
    const widths = ROW_HEAD.map((h, i) => Math.max(h.length, ...reports.map((r) => figuresRow(r.name, r.report)[i]!.length)) + 2);
    const table = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('').trimEnd();
    process.stdout.write(`Oversikt\n${table(ROW_HEAD)}\n${reports.map((r) => table(figuresRow(r.name, r.report))).join('\n')}\n\n`);
    const headline = reports.find((r) => r.sealed) ?? reports[0]!;
    process.stdout.write(`${formatReport(headline.report).split('\n').slice(-5).join('\n').replace(/^\(/, `(${headline.name}: `)}\n`);
    return 0;
  } catch (err) {
    // Coded errors (a bad question set, corpus or index) carry a message that says what to fix;
    // anything else is a bug and gets its stack in the log.
    if (!(err instanceof Error && 'code' in err)) log.error({ err }, 'eval failed');
    process.stderr.write(`Eval stoppet: ${(err as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code));
}

