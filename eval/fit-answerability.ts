import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  AnswerabilityModel,
  FEATURE_NAMES,
  MODEL_FILE,
  probability,
  type FeatureName,
  type Features,
} from '../src/answer/answerability.js';
import { loadConfig } from '../src/config.js';
import { log } from '../src/log.js';
import { loadQuestions, type Question } from './schema.js';

/**
 * `npx tsx eval/fit-answerability.ts`: fits the answerability model (src/answer/answerability.ts) on
 * the blind dev set and writes it to src/answer/answerability-model.json.
 *
 * Every dev question is asked twice through the real ask() — once with the decision forced to
 * «answer», once to «refuse» — with a decision that records the features the kinds computed. That
 * gives, per question, its features (when its kind decides on grounding) and what ask() returns
 * either way, so the figures of any model and threshold are the figures `npm run eval` would print.
 * Labels: in scope → 1, out of scope → 0; follow-ups are asked with their history. The features are
 * those of the question's first decision: the whole message (ask() tries a wrapped question's parts
 * only when the whole is refused, which the forced «answer» never does).
 *
 * The model is a logistic regression with an L2 penalty (Newton's method on standardised features,
 * the two classes weighted equally). The threshold is the one that meets both targets on dev with the
 * most room to spare (in-scope answered ≥ 97 % and out-of-scope refused ≥ 95 %), else the one that
 * maximises min(answered, refused). k-fold cross-validation (fit and threshold on k−1 folds, judged
 * on the last) says what to expect on questions the model has not seen.
 */

/** The few features the model reads (chosen by cross-validation on dev; see docs/sok-og-kvalitet.md). */
export const DEFAULT_FEATURES: FeatureName[] = ['corpusCoverage', 'hitCoverage', 'evidence', 'score', 'unknownWeight'];
const TARGET = { answered: 0.97, refused: 0.95 };

interface Example {
  id: string;
  label: 0 | 1;
  /** The features when the question's kind decided on grounding; null when another kind answered. */
  features: Features | null;
  /** What ask() returns when the decision says answer / refuse. */
  foundIfAnswered: boolean;
  foundIfRefused: boolean;
}

export async function collect(questions: Question[]): Promise<Example[]> {
  const [{ openSearcher }, { createAsk }] = await Promise.all([import('../src/search/index.js'), import('../src/answer/ask.js')]);
  const config = loadConfig();
  const searcher = await openSearcher({ config, build: 'memory' });
  const quiet = log.child({ component: 'fit' }, { level: process.env.LOG_LEVEL ?? 'warn' });
  let seen: Features | null = null;
  const forced = (answer: boolean) =>
    createAsk({ searcher, config, log: quiet, llm: null, answerable: (f) => ((seen ??= f), answer) });
  const yes = forced(true);
  const no = forced(false);
  const out: Example[] = [];
  for (const q of questions) {
    seen = null;
    const a = await yes(q.q, { history: q.history, channel: 'eval' });
    const features = seen as Features | null;
    const b = await no(q.q, { history: q.history, channel: 'eval' });
    out.push({ id: q.id, label: q.outOfScope ? 0 : 1, features, foundIfAnswered: a.found, foundIfRefused: b.found });
  }
  return out;
}

interface Fitted {
  features: FeatureName[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/** L2-penalised logistic regression (the bias is not penalised), classes weighted equally. */
export function fitLogistic(rows: { x: Features; y: 0 | 1 }[], features: FeatureName[], l2: number): Fitted {
  const d = features.length;
  const mean = features.map((f) => rows.reduce((s, r) => s + r.x[f], 0) / rows.length);
  const scale = features.map((f, i) => {
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r.x[f] - mean[i]!) ** 2, 0) / rows.length);
    return sd > 1e-9 ? sd : 1;
  });
  const X = rows.map((r) => [1, ...features.map((f, i) => (r.x[f] - mean[i]!) / scale[i]!)]);
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = (y: 0 | 1) => rows.length / (2 * Math.max(1, y === 1 ? positives : rows.length - positives));
  let w = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((r, n) => {
      const x = X[n]!;
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * w[j]!, 0)));
      const cw = classWeight(r.y);
      for (let j = 0; j <= d; j++) {
        grad[j]! += cw * (p - r.y) * x[j]!;
        for (let k = 0; k <= d; k++) H[j]![k]! += cw * p * (1 - p) * x[j]! * x[k]!;
      }
    });
    for (let j = 1; j <= d; j++) {
      grad[j]! += l2 * w[j]!;
      H[j]![j]! += l2;
    }
    H[0]![0]! += 1e-9;
    const step = solve(H, grad);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features, mean, scale, weights: w.slice(1), bias: w[0]! };
}

interface Figures {
  answered: number;
  refused: number;
}

/** The set's figures when the questions the model decides are decided by `answer`. */
function figures(examples: Example[], answer: (e: Example) => boolean): Figures {
  const found = (e: Example) => (e.features ? (answer(e) ? e.foundIfAnswered : e.foundIfRefused) : e.foundIfAnswered);
  const inScope = examples.filter((e) => e.label === 1);
  const out = examples.filter((e) => e.label === 0);
  return {
    answered: inScope.filter(found).length / Math.max(1, inScope.length),
    refused: out.filter((e) => !found(e)).length / Math.max(1, out.length),
  };
}

/** The threshold that meets both targets with the most room to spare, else maximises min(answered, refused). */
export function pickThreshold(examples: Example[], p: (e: Example) => number): { threshold: number; figures: Figures } {
  const probs = [...new Set(examples.filter((e) => e.features).map(p))].sort((a, b) => a - b);
  const candidates = [0, ...probs.map((v, i) => (i + 1 < probs.length ? (v + probs[i + 1]!) / 2 : v + 1e-6)), ...probs];
  let best: { threshold: number; figures: Figures; key: [number, number] } | null = null;
  for (const t of candidates) {
    const f = figures(examples, (e) => p(e) >= t);
    const meets = f.answered >= TARGET.answered && f.refused >= TARGET.refused;
    // Meeting both targets first; then the room to spare on the tighter one (or the worse figure).
    const key: [number, number] = meets
      ? [1, Math.min(f.answered - TARGET.answered, f.refused - TARGET.refused)]
      : [0, Math.min(f.answered, f.refused)];
    if (!best || key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1] + 1e-12)) best = { threshold: t, figures: f, key };
  }
  return { threshold: Math.min(1, Math.max(0, best!.threshold)), figures: best!.figures };
}

function fitAndPick(train: Example[], features: FeatureName[], l2: number) {
  const rows = train.filter((e) => e.features).map((e) => ({ x: e.features!, y: e.label }));
  const model = fitLogistic(rows, features, l2);
  const p = (e: Example) => probability(model, e.features!);
  return { model, ...pickThreshold(train, p), p };
}

/** k-fold cross-validation: folds stratified by label, assigned in a fixed order (reproducible). */
export function crossValidate(examples: Example[], features: FeatureName[], l2: number, k: number): Figures {
  const fold = new Map<string, number>();
  for (const label of [0, 1] as const) examples.filter((e) => e.label === label).forEach((e, i) => fold.set(e.id, i % k));
  const decided = new Map<string, boolean>();
  for (let f = 0; f < k; f++) {
    const { p, threshold } = fitAndPick(examples.filter((e) => fold.get(e.id) !== f), features, l2);
    for (const e of examples.filter((x) => fold.get(x.id) === f && x.features)) decided.set(e.id, p(e) >= threshold);
  }
  return figures(examples, (e) => decided.get(e.id)!);
}

const Args = z.object({
  questions: z.string().min(1).default('eval/bank/dev.yaml'),
  features: z.string().optional(),
  l2: z.coerce.number().min(0).default(1),
  folds: z.coerce.number().int().min(2).default(5),
  write: z.boolean().default(true),
});

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { questions: { type: 'string' }, features: { type: 'string' }, l2: { type: 'string' }, folds: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    strict: true,
  });
  const args = Args.parse({ ...values, write: !values['dry-run'] });
  if (/sealed/.test(args.questions)) {
    process.stderr.write('Det forseglede settet brukes aldri til tilpasning.\n');
    return 2;
  }
  const features = (args.features?.split(',') ?? DEFAULT_FEATURES).map((f) => z.enum(FEATURE_NAMES as [FeatureName, ...FeatureName[]]).parse(f.trim()));
  const examples = await collect(loadQuestions(args.questions));
  const decided = examples.filter((e) => e.features);
  const { model, threshold, figures: dev } = fitAndPick(examples, features, args.l2);
  const cv = crossValidate(examples, features, args.l2, args.folds);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write(
    [
      `${args.questions}: ${examples.length} spørsmål, ${decided.length} avgjort av modellen (${decided.filter((e) => e.label === 1).length} i planene, ${decided.filter((e) => e.label === 0).length} utenfor)`,
      `trekk: ${features.join(', ')}; L2 ${args.l2}`,
      ...features.map((f, i) => `  ${f.padEnd(16)}${model.weights[i]!.toFixed(3)}`),
      `  ${'(konstant)'.padEnd(16)}${model.bias.toFixed(3)}`,
      `terskel ${threshold.toFixed(3)}: besvart ${pct(dev.answered)}, avvist ${pct(dev.refused)} (hele dev)`,
      `${args.folds}-delt kryssvalidering: besvart ${pct(cv.answered)}, avvist ${pct(cv.refused)}`,
      '',
    ].join('\n'),
  );
  if (!args.write) return 0;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const file = AnswerabilityModel.parse({
    features,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: round(threshold),
    l2: args.l2,
    fittedOn: args.questions,
    date: new Date().toISOString().slice(0, 10),
    examples: { inScope: decided.filter((e) => e.label === 1).length, outOfScope: decided.filter((e) => e.label === 0).length },
    dev: { answered: round(dev.answered), refused: round(dev.refused) },
    cv: { answered: round(cv.answered), refused: round(cv.refused), folds: args.folds },
  });
  writeFileSync(MODEL_FILE, `${JSON.stringify(file, null, 2)}\n`);
  process.stdout.write(`skrevet: ${MODEL_FILE}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code));
}
