import { describe, expect, it } from 'vitest';
import { linksOf, normalize, repairOcr, vocabularyOf } from '../../src/corpus/normalize.js';
import { AMBIGUOUS_FIXES } from '../../src/corpus/ocr-fixes.js';
import { cleanVocabulary, normalizedPlan, rawPlan } from '../support/normalized.js';

const NORDSTRAND = 'nordstrand-2021-2023';
const CLEAN = ['gamle-oslo-2022-2025', 'oslo-tryggere-liv-2026-2029', 'psykisk-helse-rus-2022-2024', 'grunerlokka-2021-2024'];
const plain = (raw: string) => normalize(raw, { ocr: false, vocabulary: new Set() });

describe('normalize: PDF noise', () => {
  it('drops page numbers, running page footers and footnote URL lines', () => {
    const text = plain('Tiltak for unge.\n8 \nMer tekst\n10 « Ruspolitisk handlingsplan 2021 — 2023, Bydel Nordstrand\nhttps://www.oslo.kommune.no/x.pdf\nSiste linje\n');
    expect(text).toBe('Tiltak for unge.\nMer tekst\nSiste linje\n');
  });

  it('keeps the URLs in the raw file, where linksOf finds the standards plan 000 lists', () => {
    const { raw, text } = normalizedPlan('gamle-oslo-2022-2025');
    expect(text).not.toMatch(/https?:\/\//);
    const links = linksOf(raw);
    expect(links).toContain('https://www.oslo.kommune.no/politikk/sentrale-planer-og-styringsdokumenter/oslostandarder/');
    expect(links.some((u) => u.endsWith('Oslostandard%20for%20rusfaglig%20arbeid.pdf'))).toBe(true);
  });

  it('undoes the blank line after every line of 000 and 002, keeping real paragraph breaks', () => {
    const { text } = normalizedPlan('psykisk-helse-rus-2022-2024');
    expect(text).toContain('Innledning:\nByrådsavdelingen har gitt bydelene i oppdrag å utarbeide lokale ruspolitiske handlingsplaner.\nEn slik plan');
    expect(text).toContain('ha fokus på i rusfeltet.\n\nByrådets to hovedmål i ruspolitikken er:\n• Færre innbyggere utvikler rusproblemer');
    // Table cells stay on their own lines for the parsers.
    expect(normalizedPlan('gamle-oslo-2022-2025').text).toContain('Gjensidige og\nrobuste partnerskap');
  });

  it('joins hyphenation at line ends, keeping the hyphen of abbreviations and before «og»', () => {
    expect(plain('Kontaktpunkt for alders-\ngruppen 13-23 år er\n')).toBe('Kontaktpunkt for aldersgruppen\n13-23 år er\n');
    expect(plain('2.2.2 Bruke samtykke-\nerklæring for å lette\n')).toBe('2.2.2 Bruke samtykkeerklæring\nfor å lette\n');
    expect(plain('gjennomfører e-\nlæringsverktøyet «Aldring»\n')).toBe('gjennomfører e-læringsverktøyet\n«Aldring»\n');
    expect(plain('Benytte BoSIN-\nveilederen\n')).toBe('Benytte BoSIN-veilederen\n');
    expect(plain('for forebyggings-\nog rusarbeid\n')).toBe('for forebyggings-\nog rusarbeid\n');
    expect(normalizedPlan('grunerlokka-2021-2024').text).toContain('Kontaktpunkt for aldersgruppen');
  });
});

describe('normalize: OCR repair of the Nordstrand plan', () => {
  const { raw, text, repairs } = normalizedPlan(NORDSTRAND);

  // [as the OCR read it in corpus/plans/nordstrand-2021-2023.txt, as it must read after repair]
  const DAMAGED: [string, string][] = [
    ['tidlig dgd', 'tidlig død'],
    ['alvorlige fglgene', 'alvorlige følgene'],
    ['intervensjon, oppfglging,', 'intervensjon, oppfølging,'],
    ['Videre innebaerer det', 'Videre innebærer det'],
    ['oppfelging fgr, under', 'oppfølging før, under'],
    ['rusarbeid utfgres i flere', 'rusarbeid utføres i flere'],
    ['samhandling pa individ- og systemniva', 'samhandling på individ- og systemnivå'],
    ['handlingsplan for 2013-2016. Byradsavdelingen', 'handlingsplan for 2013-2016. Byrådsavdelingen'],
    ['bydeler sgrge for', 'bydeler sørge for'],
    ['i trdd med', 'i tråd med'],
    ['vekt pad hjemmebaserte', 'vekt på hjemmebaserte'],
    ['tiltak i lokalmiljget med', 'tiltak i lokalmiljøet med'],
    ['som understgtter innbyggernes', 'som understøtter innbyggernes'],
    ['e Feerre innbyggere', '• Færre innbyggere'],
    ['rusproblemer far bistand', 'rusproblemer får bistand'],
    ['behov til 3 leve', 'behov til å leve'],
    ['for 3 na hovedmalene', 'for å nå hovedmålene'],
    ['e  (kt livskvalitet', '• Økt livskvalitet'],
    ['legger fgringer for', 'legger føringer for'],
    ['av ndvarende avdelingsleder', 'av nåværende avdelingsleder'],
    ['en stgrre andel', 'en større andel'],
    ['| 2019 ble det', 'I 2019 ble det'],
    ['bedt\nom 3 delta', 'bedt\nom å delta'],
    ['et sveert omfattende', 'et svært omfattende'],
    ['og dggnopphold', 'og døgnopphold'],
    ['en hgy andel', 'en høy andel'],
    ['elever pa videregdende skole', 'elever på videregående skole'],
    ['om a prgve hasj', 'om å prøve hasj'],
    ['3 ha forsgkt andre', 'å ha forsøkt andre'],
    ['et szerskilt ansvar', 'et særskilt ansvar'],
    ['Det arbeides nd med', 'Det arbeides nå med'],
    ['P& NAV Nordstrand', 'På NAV Nordstrand'],
    ['helse, gkonomi, nettverk', 'helse, økonomi, nettverk'],
    ['Sesknader om kommunale', 'Søknader om kommunale'],
    ['Hiemmebesgk, fglge til avtaler', 'Hjemmebesøk, følge til avtaler'],
    ['@kt livskvalitet er en mélsetting', 'Økt livskvalitet er en målsetting'],
    ['med bydel @stensjp og KFUM', 'med bydel Østensjø og KFUM'],
    ['institusjon til 8 bo', 'institusjon til å bo'],
    ['stiller gkte krav', 'stiller økte krav'],
    ['praktisk opplaering er', 'praktisk opplæring er'],
    ['stor pagang med sgkere', 'stor pågang med søkere'],
    ['et szerlig fokus pa a opprette', 'et særlig fokus på å opprette'],
    ['av ulike arsaker', 'av ulike årsaker'],
    ['samtaler, rad og veiledning', 'samtaler, råd og veiledning'],
    ['regionale SalLTo-planer', 'regionale SaLTo-planer'],
    ['bidra til & videreutvikle', 'bidra til å videreutvikle'],
    ['og oppvekstmiljger', 'og oppvekstmiljøer'],
    ['at spgrsmal om bruk', 'at spørsmål om bruk'],
    ['fra Ullevalsteam eller', 'fra Ullevålsteam eller'],
    ['Tilstedeveerelse i', 'Tilstedeværelse i'],
    ['Tiloudet er for', 'Tilbudet er for'],
    ['av gremerkede midler sgkt fra SJUR fondet under Pargrendesenteret', 'av øremerkede midler søkt fra SJUR fondet under Pårørendesenteret'],
    ['tiltak til hjiemmeboende', 'tiltak til hjemmeboende'],
    ['godkjente instruktgrer', 'godkjente instruktører'],
    ['og ufaglzaerte', 'og ufaglærte'],
    ['er dpne treffsteder i naermiljget', 'er åpne treffsteder i nærmiljøet'],
    ['MAL: @KT LIVSKVALITET TILTAK', 'MÅL: ØKT LIVSKVALITET TILTAK'],
    ['Oppfalging Etablere FACT', 'Oppfølging Etablere FACT'],
    ['Oppvekst og velferd: Pabegynt', 'Oppvekst og velferd: Påbegynt'],
    ['Pargrendearbeid\n@kt livskvalitet', 'Pårørendearbeid\nØkt livskvalitet'],
    ['Utarbeide rutiner som sg@rger for', 'Utarbeide rutiner som sørger for'],
    ['Tilby booppfeglging til', 'Tilby booppfølging til'],
    ['med Sgndre Oslo DPS', 'med Søndre Oslo DPS'],
    ['Uteseksjonen og Rgde Kors', 'Uteseksjonen og Røde Kors'],
    ['Delta i konflikthandteringsnettverk', 'Delta i konflikthåndteringsnettverk'],
    ['jobber med eldrei |', 'jobber med eldre i |'],
    ['hvilke hjelpetilboud som', 'hvilke hjelpetilbud som'],
  ];

  it('has at least 40 real damaged samples, each taken from the file', () => {
    expect(DAMAGED.length).toBeGreaterThanOrEqual(40);
    for (const [damaged] of DAMAGED) expect(raw, damaged).toContain(damaged);
  });

  it.each(DAMAGED)('repairs «%s» → «%s»', (_damaged, repaired) => {
    expect(text).toContain(repaired);
  });

  it('reports how many tokens it repaired', () => {
    const distinct = new Set(repairs.map((r) => `${r.from}→${r.to}`));
    console.info(`OCR repair of ${NORDSTRAND}: ${repairs.length} tokens repaired (${distinct.size} distinct repairs)`);
    expect(repairs.length).toBeGreaterThan(400);
    expect(repairs).toContainEqual({ from: 'oppfglging', to: 'oppfølging' });
    expect(repairs).toContainEqual({ from: '@kt', to: 'Økt' });
  });

  it('leaves correct words of the OCR plan alone', () => {
    for (const correct of [
      'tjenester der de bor,',
      'som bor i bydel',
      'KFUM Kameratene',
      'Det er registrert 48 personer som injiserer rusmidler.',
      'Heidi Trygg og Olav Oxholm ved NAV Nordstrand',
      'i tverrfaglig spesialisert rusbehandling (TSB) i 2021',
      'Marmorberget samlokaliserte boliger',
      'Skovheim eldresenter',
      'men det var ikke alle instanser som deltok',
    ]) {
      expect(text).toContain(correct);
    }
    expect(text).not.toMatch(/[@]|(?<![\p{L}])(?:pa|a|nar|ar|fglge|oppfglging)(?![\p{L}])/u);
  });

  it('changes no word of the four clean plans, apart from the curated OCR-only tokens', () => {
    const vocabulary = cleanVocabulary();
    for (const id of CLEAN) {
      const { repairs: changed } = repairOcr(plain(rawPlan(id).raw), vocabulary);
      expect(changed.filter((r) => !AMBIGUOUS_FIXES.has(r.from.toLowerCase())), id).toEqual([]);
    }
  });

  it('accepts a rewrite only when it makes a known word', () => {
    const vocabulary = vocabularyOf(['oppfølging ser sør bør får']);
    expect(repairOcr('god oppfglging', vocabulary).text).toBe('god oppfølging');
    expect(repairOcr('hun ser deg', vocabulary).text).toBe('hun ser deg');
    expect(repairOcr('en uxyzg', vocabulary).text).toBe('en uxyzg');
    // «bor» is curated as a correct word: it must not become «bør».
    expect(repairOcr('der de bor', vocabulary).text).toBe('der de bor');
  });
});
