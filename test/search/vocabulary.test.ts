import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/tokenize.js';
import { editDistance, FuzzyVocabulary, splitCompound } from '../../src/search/vocabulary.js';

describe('compound splitting', () => {
  const vocab = new Set(['rus', 'forebygg', 'overdos', 'overdose', 'samarbeid', 'parorend', 'paror'].map((w) => stem(w)));
  const known = (t: string) => vocab.has(t);

  it('splits a compound into halves the corpus knows', () => {
    expect(splitCompound('rusforebygging', known)).toEqual(['rus', stem('forebygging')]);
    expect(splitCompound('overdoseforebygging', known)).toEqual([stem('overdose'), stem('forebygging')]);
  });

  it('drops the linking s', () => {
    expect(splitCompound('parorendesamarbeid', known)).toContain(stem('samarbeid'));
  });

  it('leaves words it cannot split whole', () => {
    expect(splitCompound('bydelshuset', known)).toEqual([]);
    expect(splitCompound('rus', known)).toEqual([]);
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
