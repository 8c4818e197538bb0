import { describe, expect, it } from 'vitest';
import { fold, stem, terms } from '../../src/search/tokenize.js';

describe('Norwegian normalization', () => {
  it('lets pårørende, parorende and PÅRØRENDE meet as one term', () => {
    expect(terms('pårørende')).toEqual(terms('parorende'));
    expect(terms('PÅRØRENDE')).toEqual(terms('parorende'));
  });

  it('folds æ, ø, å and accents the way staff type without them', () => {
    expect(fold('Grünerløkka Ærlig Økt på')).toBe('grunerlokka aerlig okt pa');
    expect(terms('oppfølging')).toEqual(terms('oppfolging'));
  });

  it('reads OCR «@» inside a word as ø', () => {
    expect(terms('@kt innsats')).toEqual(terms('Økt innsats'));
  });

  it('stems inflections and verbal nouns to one term', () => {
    expect(stem('tiltakene')).toBe(stem('tiltak'));
    expect(stem('forebygging')).toBe(stem('forebyggende'));
    expect(stem('kartlegging')).toBe(stem('kartlegge'));
    // A noun in -m doubles it when inflected; its forms are one term. Other doubles are the word's own.
    expect(stem('ungdommen')).toBe(stem('ungdom'));
    expect(stem('ungdommer')).toBe(stem('ungdom'));
    expect(stem('programmet')).toBe(stem('program'));
    expect(stem('russen')).not.toBe(stem('rus'));
  });

  it('drops stop words in bokmål and English but keeps measure ids', () => {
    expect(terms('Hvem har ansvar for tiltak 10S og 2.2.2?')).toEqual(['ansv', 'tiltak', '10s', '2.2.2']);
    expect(terms('who is responsible for the housing')).toEqual([stem('responsible'), stem('housing')]);
  });

  it('drops question words typed with or without æøå, but keeps what a question is about', () => {
    expect(terms('Hvordan kan jeg gjøre det på Grünerløkka')).toEqual(terms('hvordan kan jeg gjore det pa grunerlokka'));
    expect(terms('Hvordan kan jeg gjøre det på Grünerløkka')).toEqual([stem('grunerlokka')]);
    expect(terms('hvor lang er en ny handlingsplan')).toEqual([stem('lang'), stem('ny'), stem('handlingsplan')]);
  });
});
