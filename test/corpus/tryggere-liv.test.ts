import { describe, expect, it } from 'vitest';
import { parseTryggereLiv } from '../../src/corpus/parsers/tryggere-liv.js';
import { parsePlan } from '../support/plan.js';

const DOC = 'oslo-tryggere-liv-2026-2029';
const plan = parsePlan(DOC, parseTryggereLiv);

describe('parseTryggereLiv', () => {
  it('reads 24 forebygging (1F–24F) and 19 skadereduksjon (1S–19S) tiltak, each with its byrådsavdeling code', () => {
    const f = Array.from({ length: 24 }, (_, i) => `${i + 1}F`);
    const s = Array.from({ length: 19 }, (_, i) => `${i + 1}S`);
    expect(plan.measures.map((m) => m.id)).toEqual([...f, ...s]);
    for (const m of plan.measures) {
      expect(m.accountable.length, m.id).toBeGreaterThan(0);
      for (const code of m.accountable) expect(['SET', 'HLS', 'UTD']).toContain(code);
      expect(m.goal, m.id).toBeTruthy();
      expect(m.responsible.length, m.id).toBeGreaterThan(0);
    }
    expect(plan.byId('1F').section).toBe('7 Innsatsområder, resultatmål og tiltak forebygging (F)');
    expect(plan.byId('1S').section).toBe('8 Innsatsområder, resultatmål og tiltak skadeforebygging (S)');
  });

  it.each([
    ['1F', ['SET'], ['KORUS Oslo', 'Velferdsetaten']],
    ['4F', ['SET'], ['Velferdsetaten', 'Utdanningsetaten', 'Helseetaten']],
    ['7F', ['UTD'], ['Utdanningsetaten']],
    ['10F', ['SET'], ['Barne- og familieetaten', 'Bydelene']],
    ['13F', ['SET', 'HLS'], ['Bydelene']],
    ['14F', ['HLS', 'UTD'], ['Bydelene', 'Skolene']],
    ['15F', ['UTD'], ['Skolene']],
    ['16F', ['SET', 'HLS'], ['KORUS Oslo', 'Helseetaten']],
    ['19F', ['HLS'], ['Bydelene']],
    ['20F', ['SET', 'HLS'], ['Velferdsetaten', 'Helseetaten', 'Bydelene']],
    ['22F', ['SET'], ['RUSInfo', 'Velferdsetaten']],
    ['4S', ['HLS'], ['Bydelene']],
    ['6S', ['HLS'], ['Helseetaten']],
    ['7S', ['SET'], ['Velferdsetaten', 'Oslo Universitetssykehus HF']],
    ['10S', ['SET'], ['Velferdsetaten']],
    ['15S', ['SET'], ['Velferdsetaten', 'Bymiljøetaten']],
    ['16S', ['SET'], ['Bydelene', 'Bydel St Hanshaugen', 'Bydel Bjerke', 'Helseetaten']],
    ['19S', ['SET'], ['Bydelene', 'Velferdsetaten']],
  ])('%s: accountable %j (as written), responsible %j', (id, accountable, responsible) => {
    const m = plan.byId(id);
    expect(m.accountable).toEqual(accountable);
    expect(m.responsible).toEqual(responsible);
  });

  it.each([
    ['1F', 'Forebyggende tiltak på rusfeltet er arenafleksible og kunnskapsbaserte og i tråd med FN-standarder. Tiltak som ikke er kunnskapsbasert er avviklet.'],
    ['5F', 'Forebyggende tiltak på rusfeltet er arenafleksible og kunnskapsbaserte og i tråd med FN-standarder. Tiltak som ikke er kunnskapsbasert er avviklet.'],
    ['9F', 'Ruskonsulent ung i bydelene har et tydelig mandat for arbeidet og innsatsen er kunnskapsbasert'],
    ['14F', 'Skolen er en rusfri arena'],
    ['10S', 'Antall overdoser og overdosedødsfall er redusert'],
    ['12S', 'Antall overdoser og overdosedødsfall er redusert'],
    ['19S', 'Flere personer med rusproblemer og de som har oppnådd mindre problematisk rusbruk har en meningsfull hverdag med utdanning, arbeid og/eller aktivitet'],
  ])('%s has the resultatmål it stands under', (id, goal) => {
    expect(plan.byId(id).goal).toBe(goal);
  });

  it('joins a tiltak cut by a page break, and keeps its «- …» points as description', () => {
    expect(plan.byId('9F').text).toMatch(/utarbeider i samarbeid med bydelene mandat for funksjonen og styrker det faglige samarbeidet med Uteseksjonen\.$/);
    expect(plan.byId('15F').text).toMatch(/har utviklet rusproblemer i henhold til rutiner for elevoppfølging/);
    expect(plan.byId('11S').text).toMatch(/Tiltaket inneholder også kontakt med de statlige sykehusene/);
    expect(plan.byId('14F').text).toMatch(/^Bydelene og skolene skal etablere et godt samarbeid/);
    expect(plan.byId('4F').description).toMatch(/^– I samarbeid med Helseetaten undersøkes det hvordan Helsestasjon for ungdom/);
    expect(plan.byId('10S').description?.split('\n')).toEqual([
      '– Nytt brukerrom skal kunne benyttes av personer som er folkeregistrert utenfor Oslo.',
      '– Velferdsetaten utreder hvordan et prøveprosjekt med en brukerromsfunksjon på en eller flere av Oslo kommunes rusinstitusjoner kan gjennomføres, der dette egner seg',
    ]);
    expect(plan.byId('1F').description).toBeUndefined();
  });

  it.each([
    ['1F', ['Europeisk håndbok om evidensbasert rusforebyggende arbeid (EUPC)']],
    ['11F', ['Prop. 83 L (2025)']],
    ['16F', ['Motiverende intervjuteknikk', 'AUDIT-C']],
    ['12S', ['Oslostandard for overdoseforebyggende arbeid i bydelene']],
    ['17S', ['IPS']],
    ['19S', ['IPS']],
    ['10S', []],
  ])('%s points to %j', (id, references) => {
    expect(plan.byId(id).references).toEqual(references);
  });

  it('yields the eight chapters as sections; the tables stay out of them', () => {
    expect(plan.sections.map((s) => s.title)).toEqual([
      'Innledning',
      'Forankring',
      'Prosess',
      'Rusfeltet i Oslo',
      'Utfordringsbildet',
      'Mandat for sentrumsarbeidet',
      'Innsatsområder, resultatmål og tiltak forebygging (F)',
      'Innsatsområder, resultatmål og tiltak skadeforebygging (S)',
    ]);
    const f = plan.sections[6]!.text;
    expect(f).toContain('Kunnskapsbaserte forebyggingstiltak');
    expect(f).not.toMatch(/1F\.|Resultatmål Tiltak|\bSET\b/);
  });
});
