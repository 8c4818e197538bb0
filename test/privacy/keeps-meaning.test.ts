import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unitsOf } from '../../src/answer/units.js';
import { loadCorpus } from '../../src/corpus/load.js';
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
      for (const m of d.measures) unchanged(`Hva er tiltak ${m.id} (${d.period}) for personer med psykose?`);
    }
  });
});
