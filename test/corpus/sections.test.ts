import { describe, expect, it } from 'vitest';
import { numberedHeadings, paragraphText, parseSections, splitSections } from '../../src/corpus/parsers/sections.js';
import { normalizedPlan } from '../support/normalized.js';

describe('parseSections: plan 002 (psykisk helse og rus 2022–2024)', () => {
  const { entry, text } = normalizedPlan('psykisk-helse-rus-2022-2024');
  const plan = parseSections(text, entry);

  it('has sections only, no measures', () => {
    expect(plan.measures).toEqual([]);
    expect(plan.sections.map((s) => s.title)).toEqual([
      'Handlingsplan psykisk helse og rus 2022 – 2024',
      'Innledning',
      'Bydelens planstruktur',
      'I bydelen jobber vi for at',
      'For å få til det trenger vi',
    ]);
    expect(new Set(plan.sections.map((s) => s.id)).size).toBe(plan.sections.length);
  });

  it('gives each section its readable text, paragraphs joined and bullets one to a line', () => {
    const [, innledning, struktur, , trenger] = plan.sections;
    expect(innledning!.text).toMatch(/^Byrådsavdelingen har gitt bydelene i oppdrag å utarbeide lokale ruspolitiske handlingsplaner\. En slik plan/);
    expect(innledning!.text).toContain('Byrådets to hovedmål i ruspolitikken er:\n• Færre innbyggere utvikler rusproblemer\n• Innbyggere med rusproblemer får bistand');
    expect(struktur!.text).toMatch(/^Denne planens sammenheng med bydelens øvrige planverk\. Bydelens overordnede strategiske plattform ble vedtatt av Bydelsutvalget/);
    expect(trenger!.text).toContain('• Forebygging\n– Lavterskel tilbud med fokus på økt livsmestring og livskvalitet');
  });
});

describe('section helpers', () => {
  it('takes numbered headings only in order, not numbers that open a sentence', () => {
    const lines = ['1. Innledning', 'Tekst.', '8. trinn er viktig.', '2 Mål', '30 prosent av de kartlagte', '2.1 Delmål', '1.5 Feil rekkefølge', '3. Tiltak'];
    expect(numberedHeadings(lines).map((h) => `${h.number} ${h.title}`)).toEqual(['1 Innledning', '2 Mål', '2.1 Delmål', '3 Tiltak']);
  });

  it('joins PDF lines into paragraphs and hyphenated words into one', () => {
    expect(paragraphText(['Det er flere tjenester som', 'tilbyr samtaler ved rus-', 'behandling.', '', 'Ny del.'])).toBe(
      'Det er flere tjenester som tilbyr samtaler ved rusbehandling.\n\nNy del.',
    );
    // A blank line inside a sentence (the OCR plan) does not break the paragraph.
    expect(paragraphText(['Svikt i', '', 'tjenesteytingen kan skade.'])).toBe('Svikt i tjenesteytingen kan skade.');
  });

  it('splits a numbered text into sections whose text stops at the next heading', () => {
    const sections = splitSections('1 Innledning\nOm planen.\n1.1 Bakgrunn\nHvorfor.\n2 Tiltak\nHva.\n');
    expect(sections).toEqual([
      { id: '1', number: '1', title: 'Innledning', text: 'Om planen.' },
      { id: '1.1', number: '1.1', title: 'Bakgrunn', text: 'Hvorfor.' },
      { id: '2', number: '2', title: 'Tiltak', text: 'Hva.' },
    ]);
  });
});
