import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, readManifest } from '../../src/corpus/load.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import { copiesPlan, fold, plainText } from '../../eval/metrics.js';
import { loadQuestions, type Question, type Target } from '../../eval/schema.js';

/** The question set cannot rot: every id, section and unit it expects exists in the real corpus. */

const questions = loadQuestions('eval/questions.yaml');
const inScope = questions.filter((q) => !q.outOfScope);
/** Every question set under eval/ (the main set and any held-out set) must hold to the corpus. */
const sets = ['eval', 'eval/bank'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f)));
let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus('corpus');
});

const doc = (id: string): CorpusDocument | undefined => corpus.documents.find((d) => d.id === id);
const where = (q: Question, t: Target) => `${q.id}: ${t.documentId}#${t.measureId ?? `§${t.sectionId}`}`;

/** The plan's own words at a target: units, measure text, section text. */
function textAt(t: Target): string {
  const d = doc(t.documentId)!;
  if (t.measureId !== undefined) {
    const m = d.measures.find((x) => x.id === t.measureId)!;
    return [...m.responsible, ...m.accountable, m.text, m.description ?? '', m.goal ?? ''].join(' | ');
  }
  // A section's heading names its unit too («3.3 Mestring og omsorg»).
  const section = d.sections.find((s) => s.id === t.sectionId)!;
  return `${section.title} | ${section.text}`;
}

describe('eval/questions.yaml', () => {
  it('has the sizes the brief asks for', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(120);
    expect(questions.filter((q) => q.outOfScope).length).toBeGreaterThanOrEqual(30);
    expect(questions.filter((q) => q.tags.includes('near-miss')).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.history?.length).length).toBeGreaterThanOrEqual(3);
    expect(questions.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(10);
    for (const tag of ['typo', 'no-aeoeaa', 'vague', 'district-named', 'id', 'abbreviation', 'reference', 'unit', 'ocr'] as const) {
      expect(questions.filter((q) => q.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers every plan in the manifest, the tabled plans well', () => {
    for (const entry of readManifest('corpus').documents) {
      const n = inScope.filter((q) => q.expect.some((t) => t.documentId === entry.id)).length;
      expect(n, entry.id).toBeGreaterThanOrEqual(entry.layout === 'sections' ? 5 : 25);
    }
  });

  it('contains the product examples', () => {
    const texts = new Set(questions.map((q) => q.q));
    for (const q of [
      'Hvem har ansvar for nalokson-utdeling på Nordstrand?',
      'Hva er FACT?',
      'Hva står TSB for?',
      'Hvem kontakter jeg ved bekymring for en 16-åring på Grünerløkka?',
      'Hvilke planer viser til Oslostandard for pårørendesamarbeid, og i hvilke tiltak?',
    ]) expect(texts.has(q), q).toBe(true);
  });
});

describe.each(sets)('%s', (file) => {
  const set = loadQuestions(file);

  it('expects only documents, measures and sections that exist in the corpus', () => {
    const problems: string[] = [];
    for (const q of set.filter((x) => !x.outOfScope)) {
      for (const t of q.expect) {
        const d = doc(t.documentId);
        if (!d) problems.push(`${where(q, t)}: no such document`);
        else if (t.measureId !== undefined && !d.measures.some((m) => m.id === t.measureId)) problems.push(`${where(q, t)}: no such measure`);
        else if (t.sectionId !== undefined && !d.sections.some((s) => s.id === t.sectionId)) problems.push(`${where(q, t)}: no such section`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('expects only units that the plan names at one of the expected sources', () => {
    const problems: string[] = [];
    for (const q of set.filter((x) => !x.outOfScope)) {
      const valid = q.expect.filter((t) => {
        const d = doc(t.documentId);
        return t.measureId !== undefined ? d?.measures.some((m) => m.id === t.measureId) : d?.sections.some((s) => s.id === t.sectionId);
      });
      const texts = valid.map((t) => fold(textAt(t)));
      for (const unit of q.units) {
        if (!texts.some((text) => text.includes(fold(unit)))) problems.push(`${q.id}: «${unit}» not at ${q.expect.map((t) => t.measureId ?? t.sectionId).join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('paraphrases: no question copies eight words in a row from a plan', () => {
    const planText = readManifest('corpus')
      .documents.map((e) => plainText(readFileSync(path.join('corpus', e.file), 'utf8')))
      .join(' ');
    const copied = set.filter((q) => copiesPlan(q.q, planText));
    expect(copied.map((q) => q.id)).toEqual([]);
  });
});
