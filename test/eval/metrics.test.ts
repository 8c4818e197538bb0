import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { citationLocator, firstRank, fold, missingUnits } from '../../eval/metrics.js';

const hit = (documentId: string, measureId: string | null, sectionId: string | null = null) => ({ documentId, measureId, sectionId });

function citation(documentId: string, measureId: string | null, section: string | null, text: string): Citation {
  return {
    documentId, measureId, section, text, documentTitle: '', owner: '', period: '', responsible: [], accountable: [],
    references: [], url: null, score: 1, expired: false,
  };
}

describe('eval metrics', () => {
  it('folds case, æøå and diacritics the way staff type without them', () => {
    expect(fold('Avdeling  Mestring og Helse')).toBe('avdeling mestring og helse');
    expect(fold('Grünerløkka pårørende Ærlig')).toBe('grunerlokka parorende aerlig');
  });

  it('ranks the first result that matches any expected target; same document is not enough', () => {
    const results = [hit('grunerlokka-2021-2024', '3.3.2'), hit('nordstrand-2021-2023', 'N29'), hit('nordstrand-2021-2023', 'N30')];
    expect(firstRank(results, [{ documentId: 'nordstrand-2021-2023', measureId: 'N30' }])).toBe(3);
    expect(firstRank(results, [{ documentId: 'nordstrand-2021-2023', measureId: 'N31' }])).toBeNull();
    expect(firstRank([hit('oslo-tryggere-liv-2026-2029', '11 S')], [{ documentId: 'oslo-tryggere-liv-2026-2029', measureId: '11S' }])).toBe(1);
    expect(firstRank([hit('nordstrand-2021-2023', null, '3.1.1')], [{ documentId: 'nordstrand-2021-2023', sectionId: '3.1.1' }])).toBe(1);
    expect(firstRank([hit('gamle-oslo-2022-2025', null, '3.1.1')], [{ documentId: 'nordstrand-2021-2023', sectionId: '3.1.1' }])).toBeNull();
  });

  it('names the units an answer leaves out, ignoring case and æøå', () => {
    const answer = 'Ansvarlig: NAV ved Helse, mestring og bolig. Tiltak N30 i Ruspolitisk handlingsplan for Bydel Nordstrand.';
    expect(missingUnits(answer, ['nav ved helse, mestring og bolig'])).toEqual([]);
    expect(missingUnits(answer, ['NAV', 'Oppvekst og velferd'])).toEqual(['Oppvekst og velferd']);
  });

  it('locates citations in the real corpus by section title or by the sentence they quote', () => {
    const locate = citationLocator(loadCorpus('corpus'));
    expect(locate(citation('nordstrand-2021-2023', null, '3.1.1 NAV Nordstrand', 'På NAV Nordstrand …'))).toEqual(hit('nordstrand-2021-2023', null, '3.1.1'));
    expect(locate(citation('grunerlokka-2021-2024', '2.2.2', '2.2 Tiltak tidlig innsats', '…'))).toEqual(hit('grunerlokka-2021-2024', '2.2.2', '2.2'));
    const glossary = citation('nordstrand-2021-2023', null, 'Ruspolitisk handlingsplan 2021–2023, Bydel Nordstrand',
      'Bydelen hadde 305 personer i tverrfaglig spesialisert rusbehandling (TSB) i 2021 og 85 personer i LAR.');
    expect(locate(glossary)).toEqual(hit('nordstrand-2021-2023', null, '2.1'));
  });
});
