import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.js';
import { CITATION_LIMITS, buildAiMessageEntity, withMarkers } from '../../../src/channels/teams/citations.js';
import { corpusCitations } from './support/corpus-citations.js';

const citations = corpusCitations();
const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'q',
  answer: 'a',
  found: true,
  language: 'nb',
  citations,
  warnings: [],
  ...over,
});

describe('Teams citation entities from the real plans', () => {
  const entity = buildAiMessageEntity(answer());

  it('marks the message AI-generated and numbers one citation per source, best first', () => {
    expect(entity.additionalType).toEqual(['AIGeneratedContent']);
    expect(entity.citation.map((c) => c.position)).toEqual(citations.map((_, i) => i + 1));
  });

  it('keeps every field within Teams’ limits (name 80, abstract 160, 3 keywords of 28)', () => {
    for (const c of entity.citation) {
      expect(Array.from(c.appearance.name).length).toBeLessThanOrEqual(CITATION_LIMITS.name);
      expect(Array.from(c.appearance.abstract).length).toBeLessThanOrEqual(CITATION_LIMITS.abstract);
      expect(c.appearance.keywords.length).toBeLessThanOrEqual(CITATION_LIMITS.keywords);
      for (const k of c.appearance.keywords) expect(Array.from(k).length).toBeLessThanOrEqual(CITATION_LIMITS.keyword);
    }
    const tryggere = entity.citation[citations.findIndex((c) => c.documentId === 'oslo-tryggere-liv-2026-2029')]!;
    expect(tryggere.appearance.name).toMatch(/^Tryggere liv – Handlingsplan for rusfeltet i Oslo.*…$/);
  });

  it('names the plan, the measure, the unit and the period; the detail card holds them in full', () => {
    citations.forEach((c, i) => {
      const { appearance } = entity.citation[i]!;
      expect(appearance.keywords).toContain(c.expired ? `${c.period}, perioden er over`.slice(0, 28) : c.period);
      if (c.measureId) expect(appearance.keywords[0]).toBe(`Tiltak ${c.measureId}`);
      const detail = JSON.parse(appearance.text!) as { type: string; body: Array<{ facts?: Array<{ value: string }> }> };
      expect(detail.type).toBe('AdaptiveCard');
      const facts = detail.body.flatMap((b) => b.facts ?? []).map((f) => f.value);
      expect(facts.join(' ')).toContain(c.period);
      if (c.responsible[0]) expect(facts.join(' ')).toContain(c.responsible[0].replace(/[\\*_~[\]`]/g, '\\$&'));
    });
  });

  it('adds a URL only where the source has one', () => {
    const withUrl = buildAiMessageEntity(answer({ citations: [{ ...citations[0]!, url: 'https://www.oslo.kommune.no/plan' }] }));
    expect(withUrl.citation[0]!.appearance.url).toBe('https://www.oslo.kommune.no/plan');
    expect(entity.citation.filter((c, i) => !citations[i]!.url).every((c) => !('url' in c.appearance))).toBe(true);
  });

  it('carries no more than 20 citations', () => {
    const many = buildAiMessageEntity(answer({ citations: Array.from({ length: 25 }, () => citations[0]!) }));
    expect(many.citation).toHaveLength(CITATION_LIMITS.citations);
  });
});

describe('[n] markers in the message text', () => {
  it('keeps markers ask() wrote (after escaping) and appends the missing ones', () => {
    expect(withMarkers('Velferdsetaten \\[1\\] og NAV \\[3\\].', 3)).toBe('Velferdsetaten [1] og NAV [3]. [2]');
  });
  it('leaves a bracketed number that points to no citation escaped', () => {
    expect(withMarkers('Se \\[7\\].', 2)).toBe('Se \\[7\\]. [1] [2]');
  });
  it('adds nothing when there are no citations', () => {
    expect(withMarkers('Planene svarer ikke på dette.', 0)).toBe('Planene svarer ikke på dette.');
  });
});
