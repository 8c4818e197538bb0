import { describe, expect, it } from 'vitest';
import { districtsIn, documentsOf, isDistrictPlan, withoutDistrictNames } from '../../src/search/districts.js';
import { asksAboutPlanPeriod, plansNamedIn } from '../../src/search/signals.js';
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

describe('plansNamedIn: the one reader of which plan a text names', () => {
  const corpus = loadCorpus('corpus');
  const named = (text: string) => plansNamedIn(text, corpus).map((d) => d.id);
  it.each([
    ['gjelder løkka sin rusplan fortsatt?', ['grunerlokka-2021-2024']],
    ['handlingsplanen psykisk helse og rus – gjelder den ennå?', ['psykisk-helse-rus-2022-2024']],
    ['gjelder psykisk helse og rus-planen fortsatt?', ['psykisk-helse-rus-2022-2024']],
    ['planen 2022-2024 (den uten bydelsnavn), hvordan følges den opp?', ['psykisk-helse-rus-2022-2024']],
    // A period written out in words is the same period.
    ["There is a short plan for 2022 to 2024 that doesn't say which district it belongs to", ['psykisk-helse-rus-2022-2024']],
    ['planen fra 2022 til 2025, hva sier den om brukerråd?', ['gamle-oslo-2022-2025']],
    ['hva sier byens plan om brukerrom?', ['oslo-tryggere-liv-2026-2029']],
    ['sentrumssamarbeidet – hva sier byplanen vs gamle oslo?', ['gamle-oslo-2022-2025', 'oslo-tryggere-liv-2026-2029']],
    ["what does the city's plan say about naloxone?", ['oslo-tryggere-liv-2026-2029']],
    ['Tryggere liv og Nordstrand', ['nordstrand-2021-2023', 'oslo-tryggere-liv-2026-2029']],
    ['revideres standarden i byens nye plan?', ['oslo-tryggere-liv-2026-2029']],
    ['står det noe i byens rusplan om brukerrom?', ['oslo-tryggere-liv-2026-2029']],
  ])('«%s» names %j', (text, want) => expect(named(text).sort()).toEqual([...want].sort()));

  it.each(['hva gjør bydelene for psykisk helse og rus?', 'tiltak for rus og psykisk helse', 'hvem deler ut nalokson?'])('«%s» names no plan', (text) => {
    expect(named(text)).toEqual([]);
  });
});

describe('withoutDistrictNames', () => {
  it.each([
    ['hvem er kontaktpunkt på Løkka hvis jeg er bekymra?', 'hvem er kontaktpunkt på hvis jeg er bekymra?'],
    ['Hva gjør Søndre Nordstrand og Gamle Oslo for unge?', 'Hva gjør og for unge?'],
    ['har grunerloka ips?', 'har ips?'],
    ['Hva gjør BGO for eldre?', 'Hva gjør for eldre?'],
  ])('«%s» → «%s»: the district is gone by whatever name it had, the rest is as written', (text, rest) => {
    expect(withoutDistrictNames(text)).toBe(rest);
  });
});

describe('asksAboutPlanPeriod', () => {
  it.each([
    ['gjelder løkka sin rusplan fortsatt?', true],
    ['Tryggere liv – hvilke år gjelder den planen?', true],
    ['Hva forplikter byplanen seg til når det gjelder Brukerrom 2?', false],
  ])('«%s» → %s: «når det gjelder» (as for) asks for no period', (text, want) => expect(asksAboutPlanPeriod(text)).toBe(want));

  it.each([
    ['hvilke år gjelder Tryggere liv?', true],
    ['gjelder tryggere liv fortsatt?', true],
    ['Hvilket tiltak i Tryggere liv gjelder revisjon av standarden?', false],
    ['hva gjelder for brukerrom på Nordstrand?', false],
  ])('«%s» → %s with the corpus: a plan named by its own name and a word that says a period', (text, want) => {
    expect(asksAboutPlanPeriod(text, loadCorpus('corpus'))).toBe(want);
  });
});
