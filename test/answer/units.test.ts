import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { unitNamedIn } from '../../src/answer/units.js';

/** Which of the plans' units a question names. */

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus();
});

describe('unitNamedIn', () => {
  it.each([
    ['Hva har Velferdsetaten ansvar for?', 'Velferdsetaten'],
    ['hva har bydelene av boligtiltak? ta alle planene, hvem har ansvaret?', null],
  ])('«%s» names %s («alle», a unit in the plans, is the everyday word here)', (q, unit) => {
    expect(unitNamedIn(q, corpus)).toBe(unit);
  });
});
