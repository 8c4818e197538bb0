import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { documentUnits, passages, retrievalUnits, unitText } from '../../src/search/units.js';

describe('retrieval units', () => {
  const corpus = loadCorpus('corpus');

  it('makes one unit per measure, carrying its id, goal, responsible units, section and plan', () => {
    const doc = corpus.documents.find((d) => d.id === 'grunerlokka-2021-2024')!;
    const unit = documentUnits(doc).find((u) => u.measureId === '2.2.2')!;
    const measure = doc.measures.find((m) => m.id === '2.2.2')!;
    expect(unit.kind).toBe('measure');
    expect(unit.text).toContain(measure.text.trim());
    for (const r of measure.responsible) expect(unit.text).toContain(r);
    expect(unit.indexText).toContain('Tiltak 2.2.2');
    expect(unit.indexText).toContain(doc.title);
    expect(unit.sectionId).toBe(doc.sections.find((s) => measure.section?.includes(s.title))?.id ?? null);
  });

  it('covers every measure of every plan exactly once', () => {
    const units = retrievalUnits(corpus);
    for (const doc of corpus.documents) {
      const ids = units.filter((u) => u.documentId === doc.id && u.kind === 'measure').map((u) => u.measureId);
      expect(ids).toEqual(doc.measures.map((m) => m.id));
    }
  });

  it('makes the text of a unit again from the corpus, as it was when the unit was indexed', () => {
    const kept = retrievalUnits(corpus);
    const built = corpus.documents.flatMap((d) => documentUnits(d));
    expect(kept).toHaveLength(built.length);
    kept.forEach((u, i) => expect(unitText(u, corpus.documents.find((d) => d.id === u.documentId)!)).toBe(built[i]!.text));
  });

  it('cuts prose into passages of whole sentences, a few hundred characters each', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Setning nummer ${i + 1} handler om oppfølging av pårørende i bydelen.`).join(' ');
    const parts = passages(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(900);
      expect(p).toMatch(/^Setning .*\.$/);
    }
  });

  it('joins the lines broken inside a paragraph, and lets short paragraphs share a passage', () => {
    expect(passages('Første linje av et\navsnitt.\n\nAndre avsnitt.')).toEqual(['Første linje av et avsnitt. Andre avsnitt.']);
  });
});
