import { describe, expect, it } from 'vitest';
import { buildGlossary, isAbbreviation, longFormFor } from '../../src/corpus/glossary.js';
import { readManifest } from '../../src/corpus/load.js';
import { CORPUS_DIR, normalizedPlan } from '../support/normalized.js';

const ids = readManifest(CORPUS_DIR).documents.map((d) => d.id);
const texts = new Map(ids.map((id) => [id, normalizedPlan(id).text]));
const glossary = buildGlossary(ids.map((id) => ({ documentId: id, passages: [texts.get(id)!] })));
const entry = (abbr: string) => {
  const e = glossary.find((g) => g.abbreviation === abbr);
  if (!e) throw new Error(`no glossary entry ${abbr}`);
  return e;
};
const flat = (id: string) => texts.get(id)!.replace(/\s+/g, ' ');

describe('buildGlossary on the five plans', () => {
  it.each([
    ['TSB', 'tverrfaglig spesialisert rusbehandling', 'nordstrand-2021-2023'],
    ['LASSO', 'lavterskel substitusjonsbehandling', 'oslo-tryggere-liv-2026-2029'],
    ['RPH', 'Rask psykisk helsehjelp', 'oslo-tryggere-liv-2026-2029'],
    ['IPS', 'Individual placement and support', 'oslo-tryggere-liv-2026-2029'],
    ['HAP', 'hasjavvenningsprogram', 'nordstrand-2021-2023'],
    ['IP', 'individuell plan', 'nordstrand-2021-2023'],
    ['HFU', 'Helsestasjon for ungdom', 'nordstrand-2021-2023'],
    ['DOV', 'digital oppsøkende virksomhet', 'oslo-tryggere-liv-2026-2029'],
  ])('%s = «%s», as %s states it', (abbr, expansion, documentId) => {
    const e = entry(abbr);
    expect(e.expansion).toBe(expansion);
    expect(e.documentId).toBe(documentId);
    // The expansion stands verbatim in the plan, and the cited sentence is the plan's own.
    expect(flat(documentId)).toContain(`${expansion} (${abbr})`);
    expect(e.source).toContain(`${expansion} (${abbr})`);
    expect(flat(documentId)).toContain(e.source!.replace(/…$/, ''));
  });

  it.each([
    ['NAV', ['gamle-oslo-2022-2025', 'grunerlokka-2021-2024', 'nordstrand-2021-2023']],
    ['KUL', ['grunerlokka-2021-2024']],
    ['SaLTo', ['gamle-oslo-2022-2025', 'grunerlokka-2021-2024', 'nordstrand-2021-2023']],
    ['FACT', ['gamle-oslo-2022-2025', 'grunerlokka-2021-2024', 'nordstrand-2021-2023']],
    ['LAR', ['oslo-tryggere-liv-2026-2029', 'nordstrand-2021-2023']],
    ['ROP', ['gamle-oslo-2022-2025', 'nordstrand-2021-2023']],
    ['DPS', ['gamle-oslo-2022-2025', 'grunerlokka-2021-2024', 'nordstrand-2021-2023']],
    ['BoSIN', ['nordstrand-2021-2023']],
    ['SET', ['oslo-tryggere-liv-2026-2029']],
    ['HLS', ['oslo-tryggere-liv-2026-2029']],
    ['UTD', ['oslo-tryggere-liv-2026-2029']],
  ])('%s is used without an expansion in the plans: listed, never expanded', (abbr, usedIn) => {
    const e = entry(abbr);
    expect(e.expansion).toBeNull();
    expect(e.usedIn).toEqual(usedIn);
    expect(e.source).toMatch(new RegExp(`(?<![\\p{L}])${abbr}(?![\\p{L}])`, 'u'));
  });

  it('states no expansion that its plan does not write next to the abbreviation', () => {
    for (const g of glossary.filter((x) => x.expansion)) {
      const text = flat(g.documentId!);
      expect(text.includes(`${g.expansion} (${g.abbreviation})`) || text.includes(`${g.abbreviation} (${g.expansion})`), g.abbreviation).toBe(true);
    }
  });

  it('leaves table headings and ordinary words out', () => {
    const abbreviations = glossary.map((g) => g.abbreviation);
    for (const word of ['MÅL', 'TILTAK', 'ANSVARLIG', 'STATUS', 'UngiOslo', 'Oslo']) expect(abbreviations).not.toContain(word);
  });
});

describe('glossary helpers', () => {
  it('recognises abbreviations by their capitals', () => {
    expect(['TSB', 'SaLTo', 'BoSIN', 'NAV'].every(isAbbreviation)).toBe(true);
    expect(['Oslo', 'UngArena', 'bydel', 'X'].some(isAbbreviation)).toBe(false);
  });

  it('finds a long form only when it spells the abbreviation', () => {
    expect(longFormFor('KID', 'godkjente instruktører for kurs i depresjonsmestring')).toBe('kurs i depresjonsmestring');
    expect(longFormFor('SWITCH', 'overgang fra injiserende opiatbruk til inhalasjon')).toBeNull();
  });
});
