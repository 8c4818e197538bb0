import { describe, expect, it } from 'vitest';
import { parseGrunerlokka } from '../../src/corpus/parsers/grunerlokka.js';
import { parsePlan } from '../support/plan.js';

const DOC = 'grunerlokka-2021-2024';
const plan = parsePlan(DOC, parseGrunerlokka);

const IDS = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `2.1.${n}`),
  ...[1, 2, 3, 4].map((n) => `2.2.${n}`),
  ...[1, 2, 3, 4].map((n) => `3.1.${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `3.2.${n}`),
  ...[1, 2, 3].map((n) => `3.3.${n}`),
];

describe('parseGrunerlokka', () => {
  it('reads the 28 tiltak 2.1.1–3.3.3, each in its sub-chapter', () => {
    expect(plan.measures.map((m) => m.id)).toEqual(IDS);
    expect(plan.byId('2.1.1').section).toBe('2.1 Forebyggingstiltak'); // the heading stands after its table
    expect(plan.byId('2.2.2').section).toBe('2.2 Tiltak tidlig innsats');
    expect(plan.byId('3.1.4').section).toBe('3.1 Tiltak egnet bolig');
    expect(plan.byId('3.3.3').section).toBe('3.3 Tiltak rushelse');
  });

  it.each([
    ['2.1.2', ['KUL', 'NAV', 'Helse og mestring', 'Barnevernet']],
    ['2.1.3', ['KUL']],
    ['2.1.4', ['KUL', 'Familiehuset', 'Barnevernet']],
    ['2.1.6', ['KUL']],
    ['2.1.7', ['KUL', 'Barnevernet', 'Familiehuset', 'Oslohjelpa']],
    ['2.1.8', ['Helse og mestring']],
    ['2.2.1', ['NAV', 'Helse og mestring', 'KUL']],
    ['2.2.2', ['NAV', 'KUL']],
    ['2.2.3', ['alle']],
    ['2.2.4', ['alle']],
    ['3.1.1', ['NAV', 'Helse og mestring']],
    ['3.1.3', ['NAV', 'Helse og mestring']],
    ['3.2.6', ['NAV']],
    ['3.2.7', ['NAV']],
    ['3.2.8', ['KUL', 'Familiehuset', 'Barnevernet', 'NAV']],
    ['3.3.1', ['Helse og mestring', 'NAV', 'KUL']],
    ['3.3.2', ['NAV', 'KUL', 'Helse og mestring']],
    ['3.3.3', ['Helse og mestring']],
    // No «Ansvar:» in the plan for these: nothing is made up.
    ['2.1.1', []],
    ['2.1.9', []],
    ['3.2.2', []],
  ])('%s: «Ansvar» gives %j', (id, responsible) => {
    expect(plan.byId(id).responsible).toEqual(responsible);
  });

  it.each([
    ['2.1.6', ['SaLTo handlingsprogram']],
    ['2.2.2', ['Samtykkeerklæring', 'Oslostandard for oppsøkende arbeid med utsatte unge']],
    ['2.2.3', ['Oslostandard for pårørendesamarbeid']],
    ['2.2.4', ['Oslostandard for rusfaglig arbeid']],
    ['3.1.1', ['Oslostandard for booppfølging']],
    ['3.1.3', ['Individuell plan']],
    ['3.2.2', ['IPS']],
    ['3.2.4', ['Samtykkeerklæring']],
    ['3.3.2', ['Oslostandard for overdoseforebyggende arbeid i bydelene']],
    ['3.2.6', []],
  ])('%s points to %j', (id, references) => {
    expect(plan.byId(id).references).toEqual(references);
  });

  it('splits a row into tiltak, beskrivelse and mål', () => {
    const m = plan.byId('2.2.2');
    expect(m.text).toBe('Bruke samtykkeerklæring for å lette samarbeid med pårørende');
    expect(m.description).toMatch(/^Samarbeid med pårørende tidlig i en kartleggingsfase\. Samtykkeerklæring og skjema/);
    expect(m.goal).toBe('Dele informasjon for å gi bedre hjelp. Ivareta personvern.');
    const first = plan.byId('2.1.1');
    expect(first.text).toBe('Kompetanseheving i barnehagene med hensyn til identifikasjon og tidlig respons');
    expect(first.description).toBe(
      'Barnehagene følger beredskapsplanen for forebygging og avdekking av vold og seksuelle overgrep. Identifikasjon av rus er en del av dette arbeidet.',
    );
    expect(first.goal).toMatch(/^Målet er at ansatte i barnehagene skal ha kompetanse/);
    // A tiltak cell broken by an empty line goes on in lower case.
    expect(plan.byId('2.2.1').text).toBe('Alle som henvender seg til bydelen angående rusproblemer, skal raskt få oppfølgingssamtale med kvalifisert rådgiver');
    expect(plan.byId('3.1.4').description).toBeUndefined();
  });

  it('keeps chapter prose cut into a table out of the tiltak, in its chapter', () => {
    const fields = plan.measures.flatMap((m) => [m.text, m.description ?? '', m.goal ?? '']).join('\n');
    expect(fields).not.toContain('Helsedirektoratet peker på risiko');
    expect(fields).not.toContain('Tiltak Beskrivelse Mål');
    expect(fields).not.toMatch(/Ansvar(?:lige)?:/);
    const chapter2 = plan.sections.find((s) => s.number === '2')!;
    expect(chapter2.title).toBe('Færre innbyggere utvikler rusproblemer – forebygging og tidlig innsats');
    expect(chapter2.text).toContain('Helsedirektoratet peker på risiko- og beskyttelsesfaktorer.');
  });

  it('yields chapters and sub-chapters; a sub-chapter that is only a table lists its tiltak', () => {
    expect(plan.sections.map((s) => s.number)).toEqual(['1', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3']);
    expect(plan.sections[0]!.title).toBe('Innledning');
    expect(plan.sections.find((s) => s.number === '3.3')!.text.split('\n')).toEqual([
      '3.3.1 Redusere injiserende misbruk ved motivasjons- og informasjonsarbeid',
      '3.3.2 Ta i bruk standard for overdoseforebygging',
      '3.3.3 Videreføre satsningen på FACT for alle aldersgrupper',
    ]);
  });

  it('reads the raw PDF extraction to the same tiltak and units', () => {
    const raw = parsePlan(DOC, parseGrunerlokka, { raw: true });
    expect(raw.measures.map((m) => [m.id, m.responsible, m.references])).toEqual(plan.measures.map((m) => [m.id, m.responsible, m.references]));
  });
});
