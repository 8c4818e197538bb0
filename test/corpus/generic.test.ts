import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedText } from '../../src/corpus/admin.js';
import { normalize, vocabularyOf } from '../../src/corpus/normalize.js';
import { parseGeneric, splitUnits } from '../../src/corpus/parsers/generic.js';
import { ManifestEntry, type ParsedDocument } from '../../src/corpus/types.js';

/** The generic parser on a plan-shaped fixture of our own making (test/corpus/fixtures/generic-plan.txt). */

const entry = ManifestEntry.parse({
  id: 'eksempelby-2025-2028',
  file: 'plans/eksempelby-2025-2028.txt',
  title: 'Handlingsplan for rus og psykisk helse i Bydel Eksempelby 2025–2028',
  owner: 'Bydel Eksempelby',
  period: { from: 2025, to: 2028 },
  kind: 'plan',
  layout: 'generic',
});

/** As loadCorpus reads a stored file: storedText (what `ingest add` writes), then normalize. */
function parse(text: string): ParsedDocument {
  return parseGeneric(normalize(storedText(text), { ocr: false, vocabulary: vocabularyOf([]) }), entry);
}

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/generic-plan.txt'), 'utf8');

describe('a plan-shaped document', () => {
  const { sections, measures } = parse(fixture);
  const byId = (id: string) => measures.find((m) => m.id === id)!;

  it('finds the five measures, with the plan’s own numbers and one id of our making', () => {
    expect(measures.map((m) => m.id)).toEqual(['1', '2', 'T1', '3.1', '3.2']);
    expect(measures.every((m) => m.documentId === entry.id)).toBe(true);
  });

  it('«Tiltak 1: …» with «Ansvar: A og B» on the next line: the text, both units, its section', () => {
    expect(byId('1')).toMatchObject({
      text: 'Bydelen åpner kveldskafeen Lysthuset for ungdom mellom 15 og 20 år, tre kvelder i uken.',
      responsible: ['Ungdomstjenesten', 'Helsestasjonen for ungdom'],
      section: '2.1 Møteplasser',
    });
    expect(byId('2')).toMatchObject({ responsible: ['Utekontakten'], goal: 'Flere unge får kontakt med en voksen.' });
  });

  it('a lone «Ansvar:» paragraph takes the paragraph before it as the measure', () => {
    expect(byId('T1')).toMatchObject({
      text: 'Skolene gir alle elever i 9. trinn undervisning om cannabis etter programmet Klar tale.',
      responsible: ['Skolehelsetjenesten', 'Barnevernet'],
      section: '2.2 Skole',
    });
  });

  it('a table with an «Ansvarlig» column: one measure a row, with its number, status and units («Helse og mestring» kept whole)', () => {
    expect(byId('3.1')).toMatchObject({
      text: 'Samtalegruppe for pårørende hver tirsdag i Frivillighetshuset Kvisten',
      responsible: ['Helse og mestring'],
      status: 'Påbegynt',
      section: '3 Tiltak for voksne',
    });
    expect(byId('3.2').responsible).toEqual(['NAV', 'Helse og mestring']);
  });

  it('everything else is section text: numbered chapters, a table without a unit column as readable lines', () => {
    const intro = sections.find((s) => s.id === '1')!;
    expect(intro.title).toBe('Innledning');
    expect(intro.text).toMatch(/^Bydel Eksempelby vil gi unge og voksne med rusproblemer/);
    const services = sections.find((s) => s.id === '4')!;
    expect(services.text).toContain('- Tjeneste: Lysthuset; Åpningstid: Tirsdag, onsdag og torsdag 18–22');
    expect(services.text).toContain('Bydelen evaluerer planen hvert år.');
    // Measure text is not repeated in the sections.
    expect(sections.some((s) => s.text.includes('Lavterskel tannhelsetilbud'))).toBe(false);
  });

  it('the standard the introduction names is found in the section text', () => {
    expect(sections.find((s) => s.id === '1')!.text).toMatch(/Oslostandard for pårørendesamarbeid/);
  });
});

describe('other shapes', () => {
  it('«# …» headings (from HTML/DOCX) and an inline «Ansvar:» at the end of a paragraph', () => {
    const { sections, measures } = parse(
      '# Plan\n\n## Forebygging\n\nVi lager en foreldreskole om alkohol. Ansvar: Familiesenteret.\n\n## Oppfølging\n\nVanlig tekst uten ansvar.',
    );
    // «# Plan» holds nothing of its own: no empty section for it.
    expect(sections.map((s) => s.title)).toEqual(['Forebygging', 'Oppfølging']);
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ id: 'T1', text: 'Vi lager en foreldreskole om alkohol.', responsible: ['Familiesenteret'], section: 'Forebygging' });
  });

  it('a text with no headings and no units is one passage, no measures', () => {
    const { sections, measures } = parse('Bydelen jobber med rus.\n\nDet er mange som trenger hjelp.');
    expect(measures).toEqual([]);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.text).toMatch(/Bydelen jobber med rus\./);
  });

  it('the measure’s references come from its text', () => {
    const { measures } = parse('1 Tiltak\n\nRutine for samarbeid etter Oslostandard for rusfaglig arbeid.\nAnsvarlig: Rustjenesten\n\n2 Annet\n\nTekst.');
    expect(measures[0]!.references).toEqual(['Oslostandard for rusfaglig arbeid']);
  });
});

describe('splitUnits', () => {
  it('splits at commas, slashes and «og» between names, and keeps «Helse og mestring»', () => {
    expect(splitUnits('NAV, KUL / Helse og mestring og Barnevernet.')).toEqual(['NAV', 'KUL', 'Helse og mestring', 'Barnevernet']);
  });
});
