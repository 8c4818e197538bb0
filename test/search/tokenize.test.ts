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
  });

  it('drops stop words in bokmål and English but keeps measure ids', () => {
    expect(terms('Hvem har ansvar for tiltak 10S og 2.2.2?')).toEqual(['ansv', 'tiltak', '10s', '2.2.2']);
    expect(terms('who is responsible for the housing')).toEqual([stem('responsible'), stem('housing')]);
  });

  it('drops what the general stop lists hold, written with or without æøå, but keeps words the field gives meaning', () => {
    // «gjøre», «både», «fortsatt» are stop words however they are typed
    expect(terms('Hva kan vi gjøre både nå og senere')).toEqual(terms('hva kan vi gjore bade na og senere'));
    expect(terms('anything they are actually doing')).toEqual([]);
    // «work», «young» and «arbeid» are stop words to stopwords-iso, but concepts of the field
    expect(terms('work for young people')).toEqual([stem('work'), stem('young'), stem('people')]);
    expect(terms('arbeid og aktivitet')).toEqual([stem('arbeid'), stem('aktivitet')]);
  });
});
