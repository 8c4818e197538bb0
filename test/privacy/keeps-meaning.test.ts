import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unitsOf } from '../../src/answer/units.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { mentionsPersonalMatter } from '../../src/privacy/names.js';
import { redact } from '../../src/privacy/redact.js';
import { DISTRICTS } from '../../src/search/districts.js';

/**
 * The other side of the privacy gate: what staff really ask keeps its meaning. Every question of the
 * eval sets, every unit, district, plan title and measure id of the real corpus, and every year and
 * period the plans use comes out of redact() unchanged — also in a question that names a diagnosis,
 * where every name is removed.
 */

const corpus = loadCorpus('corpus');
const questions = ['eval/questions.yaml', 'eval/holdout.yaml'].flatMap(
  (f) => (parse(readFileSync(f, 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q),
);

function unchanged(q: string) {
  expect(redact(q), q).toEqual({ text: q, kinds: [] });
}

describe('redact() keeps ordinary questions as they are', () => {
  it('every question of the eval sets', () => {
    expect(questions.length).toBeGreaterThan(300);
    for (const q of questions) unchanged(q);
  });

  it('staff questions with districts, measure ids, abbreviations, periods and colleagues', () => {
    for (const q of [
      'hvem har ansvar for nalokson på nordstrand',
      'tiltak 3.2.1 grünerløkka',
      'hva er FACT',
      'ROP-lidelser 2022-2024',
      'ROP-lidelser 2022–2024',
      'min kollega Kari lurer på hva LAR er',
      'hva er tiltak 10S og 4F i Tryggere liv?',
      'Hva gjør Velferdsetaten for rusavhengige i Søndre Nordstrand?',
      'Avdeling Mestring og Helse har ansvar for hva i planen 2022–2025?',
      'tiltak 2.1.3 2.1.4 og 2.2.1 for personer med psykose',
      'Planen gjelder 2022 2023 2024 2025',
      'Bydelen har 23 456 789 kroner til tiltak for rusavhengige',
      'møtet 23.09.2025 om LAR i Gamle Oslo',
      'Folk med ADHD, hva gjør vi?',
      'Schizofreni hos unge: hva sier Oslostandarden?',
      'Brukere har rett til individuell plan ved ROP-lidelse',
      'Hva gjør Rusetaten og Uteseksjonen for bostedsløse?',
      'ungjobb sommerjobb for ungdom 13-23',
    ]) unchanged(q);
  });

  it('every unit, district, plan title and measure id of the corpus, next to a diagnosis', () => {
    const names = [
      ...unitsOf(corpus),
      ...DISTRICTS.map((d) => `Bydel ${d}`),
      ...corpus.documents.map((d) => d.title),
    ];
    expect(names.length).toBeGreaterThan(30);
    for (const n of names) {
      unchanged(`Hva gjør ${n} for personer med schizofreni?`);
      unchanged(`${n} har ansvar for oppfølging av personer med ROP-lidelse.`);
    }
    for (const d of corpus.documents) {
      for (const m of d.measures) unchanged(`Hva er tiltak ${m.id} (${d.period.from}–${d.period.to}) for personer med psykose?`);
    }
  });

  it('any staff question with periods, measure ids, counts, dates and units put in anywhere (property)', () => {
    const ids = corpus.documents.flatMap((d) => d.measures.map((m) => m.id));
    const units = unitsOf(corpus);
    const insert = fc.oneof(
      fc.constantFrom('2022–2025', '2021-2024', '2022 - 2025', 'i 2023', 'planperioden 2026–2029', 'fra 2021 til 2024'),
      fc.constantFrom(...ids).map((id) => `tiltak ${id}`),
      fc.constantFrom('305 personer', '12 345 innbyggere', '23 456 789 kroner', 'kr 2 500 000', '40 prosent', 'ungdom 13-23'),
      fc.constantFrom('møtet 23.09.2025', 'frist 1.3.2026', 'fra 01.01.2024'),
      fc.constantFrom(...units),
      fc.constantFrom(...DISTRICTS).map((d) => `i bydel ${d.toLowerCase()}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.array(fc.tuple(insert, fc.nat()), { maxLength: 3 }), fc.boolean(), (q, inserts, colleague) => {
        const words = q.split(' ');
        for (const [text, at] of inserts) words.splice(at % (words.length + 1), 0, text);
        // A colleague's name stays in a question about no person.
        if (colleague && !mentionsPersonalMatter(words.join(' '))) words.unshift('min kollega Kari lurer på:');
        unchanged(words.join(' '));
      }),
      { numRuns: 2000, seed: 2025 },
    );
  });
});
