import { describe, expect, it } from 'vitest';
import { nynorskAsBokmal } from '../../src/answer/nynorsk.js';
import { loadCorpus } from '../../src/corpus/load.js';

/** A question written in nynorsk is read in the plans' bokmål; a bokmål or English one is left as it is. */

const corpus = loadCorpus('corpus');

describe('nynorskAsBokmal', () => {
  it('reads a nynorsk question in bokmål, word by word', () => {
    const q = nynorskAsBokmal('Korleis følgjer dei opp folk som skal flytte i eigen bustad? Eg veit ikkje kven som har ansvaret.', corpus);
    expect(q).toMatch(/^Hvordan /);
    expect(q).toMatch(/egen bolig/);
    expect(q).toMatch(/ikke/);
    expect(q).toMatch(/hvem som har ansvaret/);
    // A short function word is read as bokmål even where the OCR text of a plan happens to hold it.
    expect(nynorskAsBokmal('Kor mange døydde av overdose i fjor?', corpus)).toMatch(/^Hvor mange døde/);
  });

  it('leaves bokmål questions, and words the plans use, as written', () => {
    for (const q of ['Hvem deler ut nalokson i Bydel Nordstrand?', 'hva gjoer bydelene for paaroerende', 'Hva er FACT?']) {
      expect(nynorskAsBokmal(q, corpus)).toBe(q);
    }
  });
});
