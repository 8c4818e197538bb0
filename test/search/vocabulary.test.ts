import { describe, expect, it } from 'vitest';
import { bokmalStems, bokmalWords } from '../../src/language/index.js';
import { fold, stem } from '../../src/search/tokenize.js';
import { bokmalDictionary, coordinatedWholes, editDistance, FuzzyVocabulary, splitCompound } from '../../src/search/vocabulary.js';

describe('compound splitting', () => {
  const words = new Set(['rus', 'forebygging', 'overdose', 'samarbeid', 'pårørende', 'rusmiddel', 'analyse', 'tjenester', 'program'].map((w) => fold(w)));
  const stems = new Set([...words].map(stem));
  const lexicon = { word: (w: string) => words.has(w), term: (t: string) => stems.has(t) };

  it('splits a compound into parts the corpus knows', () => {
    expect(splitCompound('rusforebygging', lexicon)).toEqual(['rus', stem('forebygging')]);
    expect(splitCompound('overdoseforebyggende', lexicon)).toEqual([stem('overdose'), stem('forebyggende')]);
    expect(splitCompound('rusmiddelanalysetjenester', lexicon)).toEqual(['rusmiddel', stem('analyse'), stem('tjenester')]);
  });

  it('drops the linking s', () => {
    expect(splitCompound('parorendesamarbeid', lexicon)).toEqual([stem('parorende'), 'samarbeid']);
  });

  it('splits off a known last part from an unknown head', () => {
    expect(splitCompound('hasjavvenningsprogram', lexicon)).toEqual([stem('hasjavvennings'), 'program']);
  });

  it('cuts the head of a compound on the bokmål dictionary when the corpus lacks it, the last part being a word of the plans', () => {
    // The plans know «tilbud», not «ettervern» or «behandling» alone.
    const plans = new Set(['tilbud', 'bygging', 'ester', 'rus']);
    const planStems = new Set([...plans].map(stem));
    const lex = { word: (w: string) => plans.has(w), term: (t: string) => planStems.has(t), dictionary: bokmalDictionary() };
    expect(splitCompound('ettervernstilbud', lex)).toEqual([stem('ettervern'), stem('tilbud')]);
    expect(splitCompound('rusbehandlingstilbud', lex)).toEqual(['rus', stem('behandling'), stem('tilbud')]);
    // A word the dictionary has, inflected too, is its own word: not «fore» + «bygging».
    expect(splitCompound('forebygging', lex)).toEqual([]);
    // Without the dictionary «rusbehandlings» is one unknown head.
    expect(splitCompound('rusbehandlingstilbud', { word: lex.word, term: lex.term })).toEqual([stem('rusbehandlings'), stem('tilbud')]);
  });

  it('leaves words it cannot split whole, and never splits off a suffix', () => {
    expect(splitCompound('bydelshuset', lexicon)).toEqual([]);
    expect(splitCompound('rus', lexicon)).toEqual([]);
    expect(splitCompound('rusende', lexicon)).toEqual([]);
  });
});

describe('typo tolerance', () => {
  it('measures edits with transpositions', () => {
    expect(editDistance('pargrende', 'parorende', 2)).toBe(1);
    expect(editDistance('oppfolging', 'opfpolging', 2)).toBe(1);
    expect(editDistance('bolig', 'tiltak', 2)).toBe(3);
  });

  it('finds the OCR form of a word and a misspelled word in the vocabulary', () => {
    const fuzzy = new FuzzyVocabulary(['pargrend', 'paror', 'brukerrom', 'oppfolg', 'nalokson']);
    expect(fuzzy.near('parorend', 1).map((m) => m.term)).toEqual(['pargrend']);
    expect(fuzzy.near('brukerom', 1).map((m) => m.term)).toEqual(['brukerrom']);
    expect(fuzzy.near('nalaksone', 2).map((m) => m.term)).toEqual(['nalokson']);
    expect(fuzzy.near('nelaksone', 2)).toEqual([]);
    expect(fuzzy.near('naloksn', 2).map((m) => m.term)).toEqual(['nalokson']);
  });
});

describe('the bokmål dictionary data', () => {
  it('nb-stems.txt holds exactly the search stems of nb-words.txt (rerun `npx tsx scripts/language-data.ts stems` if not)', () => {
    const expected = new Set(bokmalWords().map((w) => stem(fold(w))));
    const stored = new Set(bokmalStems());
    expect(stored.size).toBe(expected.size);
    expect([...expected].filter((s) => !stored.has(s))).toEqual([]);
  });
});

describe('coordinated compounds', () => {
  it.each([
    ['UngJobb tilbyr sommer- og deltidsjobber til 600 ungdom', ['sommerjobber']],
    // The linking s goes with the first part (ungdom|s|arbeidere), not with the head.
    ['kurs for barne- og ungdomsarbeidere', ['barnearbeidere']],
    ['behov for rus- og psykisk helsetjenester', ['rustjenester']],
    ['Lov- og forskriftsendringer i 2025', ['lovendringer']],
    ['rus- og psykisk helse', []],
    ['Velferdsetaten og bydelene', []],
  ])('«%s» stands for %j too', (text, want) => expect(coordinatedWholes(text)).toEqual(want));
});
