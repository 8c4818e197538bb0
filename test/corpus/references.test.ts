import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findReferences, REFERENCES, referenceByName } from '../../src/corpus/references.js';
import { SEVEN_STANDARDS } from '../support/standards.js';

const plan = (file: string) => readFileSync(new URL(`../../corpus/plans/${file}`, import.meta.url), 'utf8');

describe('findReferences', () => {
  it.each([
    ['oslostandarden for pårørendesamarbeid', 'Oslostandard for pårørendesamarbeid'],
    ['Hva sier standard for pårørendesamarbeid?', 'Oslostandard for pårørendesamarbeid'],
    ['Oslostandard for pargrendearbeid', 'Oslostandard for pårørendesamarbeid'], // plan 004, OCR
    ['Fglge Oslostandard for oppsgkende arbeid', 'Oslostandard for oppsøkende arbeid med utsatte unge'], // plan 004, OCR
    ['Oslostandard for oppsøkende arbeid med utsatt\n\nungdom', 'Oslostandard for oppsøkende arbeid med utsatte unge'],
    ['se her: Oslostandard-\nfor-oppsokende-\narbeid-med-utsatte-\nunge.pdf', 'Oslostandard for oppsøkende arbeid med utsatte unge'],
    ['Ansatte skal arbeide \netter Standard for \nrusfaglig arbeid.', 'Oslostandard for rusfaglig arbeid'],
    ['Ta i bruk standard for \noverdoseforebygging', 'Oslostandard for overdoseforebyggende arbeid i bydelene'],
    ['OSLOSTANDARD FOR OVERDOSEFOREBYGGENDE ARBEID I BYDELENE', 'Oslostandard for overdoseforebyggende arbeid i bydelene'],
    ['Oslostandard for tjenester i hjemmet', 'Overordnet standard for tjenester i hjemmet'],
    ['Oslostandard for booppfølging (ikke kommet enda)', 'Oslostandard for booppfølging'],
    ['Oslostandard for bomiljøarbeid', 'Oslostandard for bomiljøarbeid'],
    ['2.2.2 Bruke samtykke-\nerklæring for å lette', 'Samtykkeerklæring'],
    ['at samtykkeerklaeringer gjenspeiler krav', 'Samtykkeerklæring'],
    ['Styrke forankring og bruk av individuell plan.', 'Individuell plan'],
    ['i henhold til \n\nfellesskriv 3/2021 - Om oppfølging', 'Fellesskriv 3/2021'],
    ['Implementere pakkeforløp for kartlegging', 'Pakkeforløp'],
    ['3.2.2 Bruke IPS- metodikk', 'IPS'],
    ['Individual placement and support (IPS)', 'IPS'],
    ['tvangstiltak etter helse- og omsorgstjenesteloven kapittel 10 nar', 'Helse- og omsorgstjenesteloven kap. 10'],
    ['Når kan vi bruke HOL § 10-2?', 'Helse- og omsorgstjenesteloven kap. 10'],
    ['Benytte BoSIN- \nveilederen «Fra institusjon til privateid', 'BoSIN-veilederen'],
    ['kartleggingsverktøyet AUDIT-C', 'AUDIT-C'],
    ['jf. regjeringens \n\nProp 83L. (2025).', 'Prop. 83 L (2025)'],
  ])('finds %j as %s', (text, name) => {
    expect(findReferences(text)).toEqual([name]);
  });

  it('returns each reference once, in order of first mention', () => {
    expect(findReferences('Bruk individuell plan, samtykkeerklæring og igjen individuell plan')).toEqual([
      'Individuell plan',
      'Samtykkeerklæring',
    ]);
  });

  it('does not see references in text that has none', () => {
    expect(findReferences('')).toEqual([]);
    expect(findReferences('Standard for tjenester er viktig, og vi har en plan.')).toEqual([]);
    expect(findReferences('tips om kapittel 10 i boka; holdninger til samtykke')).toEqual([]);
    expect(findReferences('Helse og mestring har ansvar; oppsøkende arbeid i bydelen')).toEqual([]);
  });

  it('finds the four standards item 11 of Gamle Oslo lists, across blank lines', () => {
    const text = plan('gamle-oslo-2022-2025.txt');
    const item11 = text.slice(text.indexOf('11 Tiltakene i Oslostandardene'), text.indexOf('12 Internettassistert'));
    expect(findReferences(item11)).toEqual(
      expect.arrayContaining(SEVEN_STANDARDS),
    );
  });
});

describe('REFERENCES', () => {
  it('gives the public URL of each published standard that plan 000 links, and none invented', () => {
    const gamleOslo = plan('gamle-oslo-2022-2025.txt');
    for (const ref of REFERENCES) {
      if (ref.url) expect(gamleOslo).toContain(ref.url);
    }
    const withUrl = REFERENCES.filter((r) => r.kind === 'standard' && r.url).map((r) => r.name);
    expect(withUrl).toHaveLength(5);
    expect(referenceByName('Oslostandard for booppfølging')?.url).toBeNull();
  });

  it('has unique names and a kind for each', () => {
    expect(new Set(REFERENCES.map((r) => r.name)).size).toBe(REFERENCES.length);
    expect(referenceByName('Helse- og omsorgstjenesteloven kap. 10')?.kind).toBe('law');
    expect(referenceByName('Oslostandard for rusfaglig arbeid')?.kind).toBe('standard');
  });
});
