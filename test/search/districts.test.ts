import { describe, expect, it } from 'vitest';
import { districtsIn, documentsOf, isDistrictPlan } from '../../src/search/districts.js';
import { loadCorpus } from '../../src/corpus/load.js';

/** Which district a question names — as written, inflected or misspelled — and which plans are districts' own. */

describe('districtsIn', () => {
  it.each([
    ['nalokson på Nordstand', ['Nordstrand']],
    ['pårørnde samtykke grunerløka', ['Grünerløkka']],
    ['startlån rusbrukere gamle olso', ['Gamle Oslo']],
    ['bydelsmødre gamel oslo', ['Gamle Oslo']],
    ['FACT i Nordtsrand', ['Nordstrand']],
    ['Frognr', ['Frogner']],
    ['fact for alle aldre på løkka', ['Grünerløkka']],
    ['GO: hvem eier prosjektet for de mest utsatte ungdommene?', ['Gamle Oslo']],
    ['Virksomhetsstrategier for avdelingene i BGO', ['Gamle Oslo']],
  ])('finds the district in «%s»', (q, want) => {
    expect(districtsIn(q)).toEqual(want);
  });

  it('keeps Søndre Nordstrand apart from Nordstrand', () => {
    expect(districtsIn('rus i Søndre Nordstrand')).toEqual(['Søndre Nordstrand']);
  });

  it.each(['hvem har saken', 'de vi ser i krim-sakene', 'where do I go for help', 'stoffer og rus', 'sandstrand', 'overdoseforebyggende arbeid i bydelene', 'legevakten i oslo'])(
    'finds no district in «%s»',
    (q) => expect(districtsIn(q)).toEqual([]),
  );
});

describe('district plans', () => {
  const corpus = loadCorpus('corpus');
  it('tells the districts’ own plans from the city-wide plan', () => {
    const own = corpus.documents.filter(isDistrictPlan).map((d) => d.id);
    expect(own).toEqual(expect.arrayContaining(['nordstrand-2021-2023', 'grunerlokka-2021-2024', 'gamle-oslo-2022-2025']));
    expect(own).not.toContain('oslo-tryggere-liv-2026-2029');
    expect(documentsOf(corpus, 'Frogner')).toEqual([]);
  });
});
