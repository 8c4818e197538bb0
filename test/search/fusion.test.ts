import { describe, expect, it } from 'vitest';
import { boostFactor, FUSION, linearFusion, reciprocalRankFusion, type BoostTarget } from '../../src/search/fusion.js';
import type { QuestionSignals } from '../../src/search/signals.js';
import { createSignalReader } from '../../src/search/signals.js';
import { smallCorpus } from './fixtures.js';

const none: QuestionSignals = { documentIds: [], measureIds: [], references: [], current: false, years: [], aboutPlan: false };
const unit = (over: Partial<BoostTarget>): BoostTarget => ({ kind: 'passage', documentId: 'a', measureId: null, references: [], period: { from: 2021, to: 2024 }, introduction: false, ...over });

describe('fusion', () => {
  it('adds each list relative to its own best, so a clear lexical winner stays first', () => {
    const fused = linearFusion([
      { name: 'lexical', units: [1, 2], scores: [10, 2] },
      { name: 'vector', units: [2, 1], scores: [0.5, 0.45] },
    ]);
    expect(fused.get(1)).toBeCloseTo(1 + FUSION.weights.vector * 0.9);
    expect(fused.get(1)!).toBeGreaterThan(fused.get(2)!);
  });

  it('reciprocal-rank fusion rewards a unit both lists found', () => {
    const fused = reciprocalRankFusion([
      { name: 'lexical', units: [1, 2, 3], scores: [3, 2, 1] },
      { name: 'vector', units: [3, 2, 1], scores: [3, 2, 1] },
    ]);
    expect(fused.get(2)!).toBeGreaterThan(0);
    expect([...fused.keys()].sort()).toEqual([1, 2, 3]);
  });
});

describe('boosts for what the question names', () => {
  const today = new Date('2026-11-22');

  it('lifts the measure named by id only in the plan named with it', () => {
    const signals = { ...none, documentIds: ['a'], measureIds: ['11'] };
    expect(boostFactor(unit({ documentId: 'a', measureId: '11', kind: 'measure' }), signals, today)).toBeCloseTo(FUSION.boosts.measureUnit * FUSION.boosts.document * FUSION.boosts.measure);
    expect(boostFactor(unit({ documentId: 'b', measureId: '11', kind: 'measure' }), signals, today)).toBeCloseTo(FUSION.boosts.measureUnit);
  });

  it('lifts plans in force for «gjeldende», judged against today', () => {
    const current = { ...none, current: true };
    expect(boostFactor(unit({ period: { from: 2026, to: 2029 } }), current, today)).toBe(FUSION.boosts.current);
    expect(boostFactor(unit({ period: { from: 2021, to: 2024 } }), current, today)).toBe(1);
  });

  it('lifts the introduction of the plan a question about a plan itself names, and nothing else', () => {
    const aboutA = { ...none, documentIds: ['a'], aboutPlan: true };
    expect(boostFactor(unit({ introduction: true }), aboutA, today)).toBeCloseTo(FUSION.boosts.document * FUSION.boosts.introduction);
    expect(boostFactor(unit({ introduction: false }), aboutA, today)).toBeCloseTo(FUSION.boosts.document);
    expect(boostFactor(unit({ documentId: 'b', introduction: true }), aboutA, today)).toBe(1);
    const read = createSignalReader(smallCorpus());
    expect(read('gjelder løkka sin rusplan fortsatt?').aboutPlan).toBe(true);
    expect(read('gjelder planen fortsatt?').aboutPlan).toBe(false); // no plan named
    expect(read('hvem deler ut nalokson på grünerløkka?').aboutPlan).toBe(false);
  });

  it('reads districts (misspelled too), measure ids, standards and periods from the question', () => {
    const read = createSignalReader(smallCorpus());
    expect(read('oppsøkende arbeid på grunerløka').documentIds).toEqual(['grunerlokka-2021-2024']);
    expect(read('tjenester i Søndre Nordstrand').documentIds).toEqual([]);
    expect(read('hva sier Tryggere liv om brukerrom').documentIds).toEqual(['oslo-tryggere-liv-2026-2029']);
    expect(read('hva er tiltak 10 S').measureIds).toEqual(['10S']);
    expect(read('tiltak 2.2.2 og 99Z').measureIds).toEqual(['2.2.2']);
    expect(read('hva sier oslostandarden for pårørendesamarbeid').references).toEqual(['Oslostandard for pårørendesamarbeid']);
    const s = read('gjeldende plan i 2027');
    expect(s.current).toBe(true);
    expect(s.years).toEqual([2027]);
  });
});
