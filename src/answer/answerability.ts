import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Corpus } from '../corpus/types.js';
import type { SearchHit } from '../search/index.js';
import { createSignalReader, type SignalReader } from '../search/signals.js';
import type { Grounding } from './refusal.js';

/**
 * Whether the plans answer a question: a calibrated decision over the evidence retrieval found
 * (docs/sok-og-kvalitet.md «Når svarer Veileder?»). The evidence is turned into a few numeric
 * features (answerabilityFeatures, the one place they are computed: ask() and the fit script
 * eval/fit-answerability.ts both call it), and a logistic model fitted on the blind dev set
 * (answerability-model.json) gives the probability that the question is one the plans answer.
 * The question is answered when that probability reaches the model's threshold, chosen on dev to
 * meet both targets: in-scope answered ≥ 97 % and out-of-scope refused ≥ 95 %.
 *
 * Three explicit rules stay outside the model, because each states a fact about the plans:
 * - they carry no phone numbers, opening hours, prices … (refusal.ts missingFactKinds): refused;
 * - they never mention the place or system the question names (Drammen, Gerica): refused;
 * - the best hit refers to the standard or procedure the question names, however it is spelled
 *   («overdosestandarden»): answered.
 */

/** What retrieval found for a question, as the kinds that ground their answer see it (free, across). */
export interface Evidence {
  grounding: Grounding;
  /** The search score of the runner-up citation (0 when there is none). */
  next: number;
  /** Where lexical and vector search ranked the best hit (src/search), when known. */
  ranks?: SearchHit['ranks'];
  /** The question names a district, plan, measure id or standard (src/search/signals.ts). */
  named: boolean;
}

/** Every feature the model may use, each a number computed from the evidence alone. */
const FEATURE_FNS = {
  /** Weighted share of the question's topical words the corpus knows (typos and compounds allowed). */
  corpusCoverage: (e) => e.grounding.corpusCoverage,
  /** … that the corpus uses as written or as the halves of a compound. */
  ownCoverage: (e) => e.grounding.ownCoverage,
  /** … that the corpus uses exactly as written. */
  exactCoverage: (e) => e.grounding.exactCoverage,
  /** Weighted share of them the best hit holds. */
  hitCoverage: (e) => e.grounding.hitCoverage,
  /** Summed rarity weight of the words the best hit holds (log). */
  evidence: (e) => Math.log1p(e.grounding.evidence),
  /** The best hit's search score (0..1). */
  score: (e) => e.grounding.score,
  /** How far the best hit is ahead of the next. */
  margin: (e) => Math.max(0, e.grounding.score - e.next),
  /** Lexical search ranks the best hit first. */
  lexicalTop: (e) => (e.ranks?.lexical === 1 ? 1 : 0),
  /** Vector search ranks the best hit among its first three: the two retrievers agree. */
  vectorAgrees: (e) => (e.ranks?.vector != null && e.ranks.vector <= 3 ? 1 : 0),
  /** Summed rarity weight of the topical words the corpus has nothing like (log). */
  unknownWeight: (e) => Math.log1p(e.grounding.unknownWeight),
  /** How many topical words the question has (log). */
  topical: (e) => Math.log1p(e.grounding.topical.length),
  /** The question names a district, plan, measure id or standard. */
  named: (e) => (e.named ? 1 : 0),
} satisfies Record<string, (e: Evidence) => number>;

export type FeatureName = keyof typeof FEATURE_FNS;
export const FEATURE_NAMES = Object.keys(FEATURE_FNS) as FeatureName[];
export type Features = Record<FeatureName, number>;

/** The evidence as the model reads it. */
export function answerabilityFeatures(e: Evidence): Features {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, FEATURE_FNS[name](e)])) as Features;
}

const readers = new WeakMap<Corpus, SignalReader>();

/** Whether the question names a district, plan, measure id or standard of the corpus. */
export function namesSomething(question: string, corpus: Corpus): boolean {
  let read = readers.get(corpus);
  if (!read) readers.set(corpus, (read = createSignalReader(corpus)));
  const s = read(question);
  return s.documentIds.length > 0 || s.measureIds.length > 0 || s.references.length > 0;
}

const Figures = z.object({ answered: z.number().min(0).max(1), refused: z.number().min(0).max(1) }).strict();

export const AnswerabilityModel = z
  .object({
    /** The features the model reads, in the order of `mean`, `scale` and `weights`. */
    features: z.array(z.enum(FEATURE_NAMES as [FeatureName, ...FeatureName[]])).min(1),
    /** Normalisation: (x − mean) / scale, per feature. */
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    bias: z.number(),
    /** Answered when the probability is at least this. */
    threshold: z.number().min(0).max(1),
    /** L2 penalty the weights were fitted with. */
    l2: z.number().min(0),
    fittedOn: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The questions the model decided on dev (in scope, out of scope). */
    examples: z.object({ inScope: z.number().int(), outOfScope: z.number().int() }).strict(),
    /** The whole dev set's figures at the threshold, and k-fold cross-validated ones. */
    dev: Figures,
    cv: Figures.extend({ folds: z.number().int().min(2) }).strict(),
  })
  .strict()
  .refine((m) => [m.mean, m.scale, m.weights].every((a) => a.length === m.features.length), 'mean, scale and weights need one value per feature');
export type AnswerabilityModel = z.infer<typeof AnswerabilityModel>;

export const MODEL_FILE = fileURLToPath(new URL('./answerability-model.json', import.meta.url));

let loaded: AnswerabilityModel | undefined;

/** The checked-in model (validated once; a broken file fails loudly on the first question). */
export function answerabilityModel(): AnswerabilityModel {
  return (loaded ??= AnswerabilityModel.parse(JSON.parse(readFileSync(MODEL_FILE, 'utf8'))));
}

/** The probability, by the model, that the plans answer a question with these features. */
export function probability(model: Pick<AnswerabilityModel, 'features' | 'mean' | 'scale' | 'weights' | 'bias'>, f: Features): number {
  let z = model.bias;
  model.features.forEach((name, i) => (z += model.weights[i]! * ((f[name] - model.mean[i]!) / model.scale[i]!)));
  return 1 / (1 + Math.exp(-z));
}

/** The model's decision on a question's features. */
export type AnswerabilityDecision = (features: Features) => boolean;

export const modelDecision: AnswerabilityDecision = (f) => {
  const model = answerabilityModel();
  return probability(model, f) >= model.threshold;
};

/**
 * Whether the plans answer: the rules above first, else the model's decision (`decide`, injectable
 * so the fit script sees the features of every question the model decides).
 */
export function isAnswered(e: Evidence, decide: AnswerabilityDecision = modelDecision): boolean {
  const g = e.grounding;
  if (g.kindMissing || g.unknownName) return false;
  if (g.reference) return true;
  return decide(answerabilityFeatures(e));
}
