import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAsk, type AskFn } from '../../src/answer/ask.js';
import { AnswerabilityModel, answerabilityModel, FEATURE_NAMES, MODEL_FILE, probability, type Features } from '../../src/answer/answerability.js';
import { fitLogistic, pickThreshold } from '../../eval/fit-answerability.js';
import type { Searcher } from '../../src/search/index.js';
import { captureLog, realSearcher, testConfig } from '../support/engine.js';

/** Whether Veileder answers: the fitted model on the retrieval evidence, and the rules that state facts about the plans. */

let searcher: Searcher;
let ask: AskFn;

beforeAll(async () => {
  searcher = await realSearcher();
  ask = createAsk({ searcher, config: testConfig(), llm: null, log: captureLog().log });
});

const TODAY = new Date('2026-11-22T12:00:00Z');

describe('the checked-in answerability model', () => {
  it('is valid, says what it was fitted on and what it scored, and a broken copy is refused', () => {
    const model = answerabilityModel();
    expect(model.fittedOn).toBe('eval/bank/dev.yaml');
    expect(model.features.length).toBeLessThanOrEqual(6);
    expect(model.cv.folds).toBeGreaterThanOrEqual(2);
    const raw = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
    expect(AnswerabilityModel.safeParse({ ...raw, weights: raw.weights.slice(1) }).success).toBe(false);
    expect(AnswerabilityModel.safeParse({ ...raw, features: ['telefonnummer'] }).success).toBe(false);
  });

  it('gives a question the best hit fully covers a higher probability than one whose words the plans never use', () => {
    const model = answerabilityModel();
    const base = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features;
    const covered = { ...base, corpusCoverage: 1, ownCoverage: 1, exactCoverage: 1, hitCoverage: 1, evidence: Math.log1p(8), score: 0.8 };
    const unknown = { ...base, unknownWeight: Math.log1p(8), score: 0.2 };
    expect(probability(model, covered)).toBeGreaterThan(model.threshold);
    expect(probability(model, unknown)).toBeLessThan(model.threshold);
  });
});

describe('ask() decides with the model', () => {
  it('answers a plan question and refuses a question from outside the plans', async () => {
    expect((await ask('Hvem deler ut nalokson i Bydel Nordstrand?', { today: TODAY })).found).toBe(true);
    const outside = await ask('Hvordan bytter jeg dekk på tjenestebilen før vinteren?', { today: TODAY });
    expect(outside.found).toBe(false);
    expect(outside.citations).toEqual([]);
  });

  it('puts free questions and questions across plans through the same decision', async () => {
    const seen: Features[] = [];
    const refuseAll = createAsk({ searcher, config: testConfig(), llm: null, log: captureLog().log, answerable: (f) => (seen.push(f), false) });
    const free = await refuseAll('Hvem deler ut nalokson i Bydel Nordstrand?', { today: TODAY });
    const across = await refuseAll('Hva gjør bydelene for pårørende?', { today: TODAY });
    expect([free.found, across.found]).toEqual([false, false]);
    expect(seen).toHaveLength(2);
    for (const f of seen) expect(Object.keys(f).sort()).toEqual([...FEATURE_NAMES].sort());
  });
});

describe('the rules that state facts about the plans', () => {
  it('refuses a phone number or an e-mail address, however it is spelled, though the plan says the service answers the phone', async () => {
    for (const q of [
      'Hvilket telefonummer har Oslohjelpa på Grünerløkka?',
      'telefonnummeret til oslohjelpa paa grunerlokka',
      'what is the e-mail address of Oslohjelpa in Grünerløkka?',
    ]) {
      const a = await ask(q, { today: TODAY });
      expect(a.found, q).toBe(false);
      expect(a.citations, q).toEqual([]);
    }
  });

  it('still answers what the plan says about Oslohjelpa', async () => {
    expect((await ask('Hva gjør Oslohjelpa på Grünerløkka?', { today: TODAY })).found).toBe(true);
  });

  it('refuses a question about a place the plans never mention', async () => {
    expect((await ask('Hvem har ansvar for sprøyteutdeling i Kristiansand?', { today: TODAY })).found).toBe(false);
  });

  it('refuses a place typed in lower case, because the dictionary spells it as a name', async () => {
    for (const q of ['har baerum et eget lavterskeltilbud for rusavhengige?', 'does baerum have its own crisis team for psych and substance use?']) {
      const a = await ask(q, { today: TODAY });
      expect(a.found, q).toBe(false);
      expect(a.citations, q).toEqual([]);
    }
  });

  it('refuses what a law lays down (conditions, provisions, duties) though a plan names the law', async () => {
    for (const q of [
      'Hvilke vilkår gjelder for tvang etter helse- og omsorgstjenesteloven kapittel 10?',
      'Har jeg plikt til å melde fra til barnevernet om en elev som ruser seg?',
      'which section of the health care act gives the right to an individual plan?',
    ]) {
      expect((await ask(q, { today: TODAY })).found, q).toBe(false);
    }
    const named = await ask('Hva sier Nordstrand-planen om helse- og omsorgstjenesteloven?', { today: TODAY });
    expect(named.found).toBe(true);
    expect(named.citations[0]?.documentId).toBe('nordstrand-2021-2023');
  });

  it('answers a figure for the year the plan gives it, and refuses it for a year it does not', async () => {
    const given = await ask('Hvor mange besøk hadde brukerrommet i 2024?', { today: TODAY });
    expect(given.found).toBe(true);
    expect(given.answer).toContain('52 000');
    expect((await ask('Hvor mange besøk hadde brukerrommet i 2023?', { today: TODAY })).found).toBe(false);
  });

  it('refuses a phone number or opening hours typed short, and a deadline the plans do not set', async () => {
    for (const q of ['nr til uteseksjonen?', 'telefon til uteseksjonen?', 'Er Prindsen mottakssenter døgnåpent?', 'er legevakta aapen hele natta?', 'Hva er fristen for å revidere overdosestandarden?']) {
      expect((await ask(q, { today: TODAY })).found, q).toBe(false);
    }
  });

  it('refuses a question about one person («har han fått …?», «rommet hans») and what someone thinks, which no plan carries', async () => {
    for (const q of ['kari på rom 3, har hun fått LAR?', 'sønnen min har hasj på rommet sitt, kan han få hjelp uten at skolen får vite?', 'hva mener byråden om brukerrom 2?', 'what does the commissioner think about a second user room?']) {
      const a = await ask(q, { today: TODAY });
      expect(a.found, q).toBe(false);
      expect(a.citations, q).toEqual([]);
    }
    // «hva mener de med …» asks what the plan means, not someone's view.
    expect((await ask('i planen for psykisk helse og rus 2022–2024, hva mener de med «en dør inn»?', { today: TODAY })).found).toBe(true);
  });

  it('answers a case number the plan gives (Tryggere liv rests on byrådssak 158/2018)', async () => {
    const a = await ask('Hvilket saksnummer har russtrategien som Tryggere liv bygger på?', { today: TODAY });
    expect(a.found).toBe(true);
    expect(a.citations.some((c) => c.text.includes('158/2018'))).toBe(true);
  });
});

describe('fitting (eval/fit-answerability.ts)', () => {
  const example = (id: string, label: 0 | 1, score: number) => ({
    id,
    label,
    features: { ...(Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features), score },
    foundIfAnswered: true,
    foundIfRefused: false,
  });

  it('learns that a higher score means answerable and picks a threshold that meets both targets when one does', () => {
    const examples = [
      ...Array.from({ length: 40 }, (_, i) => example(`in-${i}`, 1, 0.5 + i / 100)),
      ...Array.from({ length: 20 }, (_, i) => example(`out-${i}`, 0, 0.1 + i / 100)),
    ];
    const model = fitLogistic(examples.map((e) => ({ x: e.features, y: e.label })), ['score'], 1);
    expect(model.weights[0]).toBeGreaterThan(0);
    const { threshold, figures } = pickThreshold(examples, (e) => probability(model, e.features!));
    expect(figures).toEqual({ answered: 1, refused: 1 });
    expect(probability(model, example('x', 1, 0.45).features)).toBeGreaterThan(threshold);
    expect(probability(model, example('x', 0, 0.3).features)).toBeLessThan(threshold);
  });
});
