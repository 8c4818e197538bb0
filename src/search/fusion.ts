import type { QuestionSignals } from './signals.js';

/**
 * Fusion of the ranked lists (lexical, vector), then boosts for what the question names.
 * Two methods: `linear` (each list's scores relative to its own top, weighted and summed — keeps
 * how far ahead the best hit is) and `rrf` (reciprocal rank: ranks only). On the eval set linear
 * wins (docs/sok-og-kvalitet.md «Søk»), so it is the default.
 */

export const FUSION: {
  method: 'linear' | 'rrf';
  k: number;
  weights: { lexical: number; vector: number };
  boosts: Record<'measureUnit' | 'document' | 'measure' | 'reference' | 'current' | 'year' | 'introduction', number>;
} = {
  method: 'linear',
  /** RRF constant: smaller trusts the top of each list more */
  k: 20,
  weights: { lexical: 1, vector: 0.45 },
  boosts: {
    /** a measure over a prose passage: staff ask for the tiltak and who carries it out */
    measureUnit: 1.15,
    /** the unit's plan is the district or plan the question names */
    document: 1.8,
    /** the unit is the measure the question names by id */
    measure: 3,
    /** the unit cites the standard or procedure the question names */
    reference: 1.35,
    /** «gjeldende plan»: the plan's period includes today */
    current: 2,
    /** a year named falls in the plan's period */
    year: 1.2,
    /** the question is about a named plan itself (its period) and the unit is that plan's introduction */
    introduction: 5,
  },
};

export interface RankedList {
  name: keyof typeof FUSION.weights;
  /** unit numbers, best first */
  units: number[];
  /** the retriever's own scores, same order */
  scores: number[];
}

/** unit → Σ weight · score / best score of its list (scores relative to each list's top). */
export function linearFusion(lists: RankedList[]): Map<number, number> {
  const fused = new Map<number, number>();
  for (const list of lists) {
    const w = FUSION.weights[list.name];
    const top = list.scores[0] ?? 0;
    if (top <= 0) continue;
    list.units.forEach((u, i) => fused.set(u, (fused.get(u) ?? 0) + (w * Math.max(0, list.scores[i]!)) / top));
  }
  return fused;
}

/** unit → Σ weight / (k + rank) over the lists it appears in (rank from 1). */
export function reciprocalRankFusion(lists: RankedList[], k: number = FUSION.k): Map<number, number> {
  const fused = new Map<number, number>();
  for (const list of lists) {
    const w = FUSION.weights[list.name];
    list.units.forEach((u, i) => fused.set(u, (fused.get(u) ?? 0) + w / (k + i + 1)));
  }
  return fused;
}

/** What the booster needs to know of a unit. */
export interface BoostTarget {
  kind: 'measure' | 'passage';
  documentId: string;
  measureId: string | null;
  references: readonly string[];
  period: { from: number; to: number };
  /** The unit is part of its plan's introduction (signals.ts planIntroduction). */
  introduction: boolean;
}

/** The factor (≥ 1) a unit's fused score is multiplied by for what the question names. */
export function boostFactor(unit: BoostTarget, signals: QuestionSignals, today: Date): number {
  const b = FUSION.boosts;
  let factor = unit.kind === 'measure' ? b.measureUnit : 1;
  const namedDocument = signals.documentIds.includes(unit.documentId);
  if (namedDocument) factor *= b.document;
  if (unit.measureId && signals.measureIds.includes(unit.measureId)) {
    // «tiltak 11 på Grünerløkka» means the 11 of that plan, not another plan's 11.
    if (!signals.documentIds.length || namedDocument) factor *= b.measure;
  }
  if (signals.references.some((r) => unit.references.includes(r))) factor *= b.reference;
  const year = today.getFullYear();
  if (signals.current && unit.period.from <= year && year <= unit.period.to) factor *= b.current;
  if (signals.years.some((y) => unit.period.from <= y && y <= unit.period.to)) factor *= b.year;
  if (signals.aboutPlan && namedDocument && unit.introduction) factor *= b.introduction;
  return factor;
}
