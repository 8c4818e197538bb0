import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../eval/schema.js';

function setFile(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'veileder-eval-')), 'questions.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('loadQuestions', () => {
  it('reads a valid set with defaults filled in', () => {
    const qs = loadQuestions(
      setFile(`questions:
  - { id: a, q: "nalokson nordstrand", lang: nb, expect: [{ documentId: nordstrand-2021-2023, measureId: N30 }] }
  - { id: b, q: "været i morgen", lang: nb, outOfScope: true }
`),
    );
    expect(qs.map((q) => [q.id, q.units, q.tags, q.outOfScope, q.spansPlans])).toEqual([
      ['a', [], [], false, false],
      ['b', [], [], true, false],
    ]);
  });

  it.each([
    ['an in-scope question without expect', `  - { id: a, q: "x", lang: nb }`, /spørsmål 1 \(a\).*minst én expect/],
    ['an out-of-scope question with units', `  - { id: a, q: "x", lang: nb, outOfScope: true, units: [NAV] }`, /ingen expect eller units/],
    ['a target with both measure and section', `  - { id: a, q: "x", lang: nb, expect: [{ documentId: d-1, measureId: "1", sectionId: "2" }] }`, /enten measureId eller sectionId/],
    ['an unknown tag', `  - { id: a, q: "x", lang: nb, tags: [spelling], expect: [{ documentId: d-1, measureId: "1" }] }`, /spørsmål 1 \(a\): tags\.0/],
    ['history without the follow-up tag', `  - { id: a, q: "x", lang: nb, history: [{ role: user, text: "y" }], expect: [{ documentId: d-1, measureId: "1" }] }`, /follow-up/],
    ['spansPlans with sources from one plan only', `  - { id: a, q: "x", lang: nb, spansPlans: true, expect: [{ documentId: d-1, measureId: "1" }, { documentId: d-1, measureId: "2" }] }`, /minst to planer/],
    ['a duplicate id', `  - { id: a, q: "x", lang: nb, outOfScope: true }\n  - { id: a, q: "y", lang: nb, outOfScope: true }`, /«a» står to ganger/],
  ])('rejects %s, naming the file and the question', (_name, body, message) => {
    const file = setFile(`questions:\n${body}\n`);
    expect(() => loadQuestions(file)).toThrow(message);
    expect(() => loadQuestions(file)).toThrow(file);
  });
});
