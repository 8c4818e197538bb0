import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { main } from '../../src/cli/ingest.js';
import { ExtractError } from '../../src/corpus/extract/index.js';
import { openSearcher } from '../../src/search/index.js';
import { makeDocx, makePdf, tempCorpus, type TempCorpus } from '../support/documents.js';

/**
 * `npm run ingest -- add/remove/list` into a temporary copy of corpus/: a PDF and a DOCX the test
 * makes itself are added, a question only they answer is answered from them (cited), and after
 * `remove` it no longer is.
 */

const TODAY = new Date('2026-11-22T12:00:00Z');
let corpus: TempCorpus;
let files: string;

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  const code = await main(argv, { stdout, config: corpus.config });
  return { code, out };
}

/** Asks against the index on disk, as `npm start` would load it. */
async function askOnDisk(question: string): Promise<Answer> {
  const searcher = await openSearcher({ config: corpus.config, build: 'never' });
  return createAsk({ searcher, config: corpus.config, llm: null })(question, { today: TODAY });
}

const PDF_QUESTION = 'Hvem har ansvar for samtalegrupper om alkohol for eldre på Seniorsenteret Solgløtt?';
const DOCX_QUESTION = 'Hvem har ansvar for foreldrekurs om e-sigaretter og snus?';
const cites = (a: Answer, id: string) => a.citations.some((c) => c.documentId === id);

beforeAll(async () => {
  corpus = tempCorpus();
  files = path.join(corpus.dir, '..', 'inn');
  mkdirSync(files);
  writeFileSync(
    path.join(files, 'testdal.pdf'),
    await makePdf([
      'Handlingsplan for rusarbeid i Bydel Testdal 2025–2028',
      '',
      '1 Innledning',
      'Bydel Testdal vil forebygge rusproblemer blant eldre innbyggere.',
      '',
      '2 Tiltak for eldre',
      'Tiltak 1: Seniorsenteret Solgløtt tilbyr samtalegrupper om alkohol for eldre hver måned.',
      'Ansvar: Seniortjenesten',
    ]),
  );
  writeFileSync(
    path.join(files, 'fjellby.docx'),
    await makeDocx({
      title: 'Handlingsplan for Bydel Fjellby 2025–2028',
      sections: [
        { heading: '1 Om planen', paragraphs: ['Planen gjelder forebygging blant barn og unge i Bydel Fjellby.'] },
        {
          heading: '2 Tiltak',
          paragraphs: [],
          table: [
            ['Nr', 'Tiltak', 'Ansvarlig'],
            ['2.1', 'Foreldrekurs om e-sigaretter og snus for foreldre på mellomtrinnet', 'Familiesenteret Kompasset'],
          ],
        },
      ],
    }),
  );
  // The index of the corpus as it is, with the plain build path.
  expect((await run([])).code).toBe(0);
});

describe('npm run ingest -- add / remove', () => {
  it('before: the question is not answered from a plan that is not there', async () => {
    const a = await askOnDisk(PDF_QUESTION);
    expect(cites(a, 'testdal-2025-2028')).toBe(false);
  });

  it('add a PDF: stored, indexed, and the question only it answers is answered from it, cited', async () => {
    const { code, out } = await run([
      'add', path.join(files, 'testdal.pdf'),
      '--id', 'testdal-2025-2028',
      '--title', 'Handlingsplan for rusarbeid i Bydel Testdal 2025–2028',
      '--owner', 'Bydel Testdal',
      '--period', '2025-2028',
      '--kind', 'plan',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^La til «Handlingsplan for rusarbeid i Bydel Testdal 2025–2028» \(testdal-2025-2028, pdf\) som plans\/testdal-2025-2028\.txt: \d+ avsnitt, 1 tiltak\./);

    const a = await askOnDisk(PDF_QUESTION);
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ documentId: 'testdal-2025-2028', measureId: '1', responsible: ['Seniortjenesten'], period: '2025–2028' });
    expect(a.answer).toMatch(/^Ansvarlig: Seniortjenesten\. Tiltak 1 i «Handlingsplan for rusarbeid i Bydel Testdal 2025–2028»/);
  });

  it('add a DOCX (a table with an «Ansvarlig» column) as well: its measure answers its question', async () => {
    const { code } = await run([
      'add', path.join(files, 'fjellby.docx'),
      '--id', 'fjellby-2025-2028', '--title', 'Handlingsplan for Bydel Fjellby 2025–2028', '--owner', 'Bydel Fjellby',
      '--period', '2025–2028', '--kind', 'plan', '--url', 'https://www.oslo.kommune.no/bydeler/fjellby/plan.docx',
    ]);
    expect(code).toBe(0);
    const a = await askOnDisk(DOCX_QUESTION);
    expect(a.citations[0]).toMatchObject({
      documentId: 'fjellby-2025-2028',
      measureId: '2.1',
      responsible: ['Familiesenteret Kompasset'],
      url: 'https://www.oslo.kommune.no/bydeler/fjellby/plan.docx',
    });
  });

  it('list shows both, and the standards registry (--json)', async () => {
    const { code, out } = await run(['list', '--json']);
    expect(code).toBe(0);
    const listed = JSON.parse(out) as { documents: { id: string; present: boolean }[]; standards: { name: string; status: string }[] };
    expect(listed.documents.map((d) => d.id).slice(-2)).toEqual(['testdal-2025-2028', 'fjellby-2025-2028']);
    expect(listed.standards.find((s) => s.name === 'Oslostandard for booppfølging')!.status).toBe('not-yet-published');
    const text = await run(['list']);
    expect(text.out).toMatch(/ {2}testdal-2025-2028 {2}\[plan, 2025–2028\] {2}Handlingsplan for rusarbeid i Bydel Testdal 2025–2028 — Bydel Testdal/);
    expect(text.out).toMatch(/Oslostandard for bomiljøarbeid {2}\[ikke publisert ennå\]/);
  });

  it('a bad file is refused with a clear error and changes nothing', async () => {
    const fake = path.join(files, 'plan.pdf');
    writeFileSync(fake, '<html><body><p>Dette er en nettside lagret som PDF.</p></body></html>');
    const before = corpus.snapshot();
    const err = await run(['add', fake, '--id', 'falsk-2025-2028', '--title', 'Falsk plan', '--owner', 'Bydel X', '--period', '2025-2028', '--kind', 'plan']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/heter \.pdf men er en HTML-side, ikke en PDF/);
    expect(corpus.snapshot()).toEqual(before);
  });

  it('remove: the question is no longer answered from the removed plan', async () => {
    const { code, out } = await run(['remove', 'testdal-2025-2028']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Fjernet «Handlingsplan for rusarbeid i Bydel Testdal 2025–2028» \(testdal-2025-2028\)/);
    const a = await askOnDisk(PDF_QUESTION);
    expect(cites(a, 'testdal-2025-2028')).toBe(false);
    // The other added plan is still there.
    expect((await askOnDisk(DOCX_QUESTION)).citations[0]?.documentId).toBe('fjellby-2025-2028');
  });

  it('usage errors exit 2 without touching anything', async () => {
    const before = corpus.snapshot();
    expect((await run(['add'])).code).toBe(2);
    expect((await run(['remove'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['add', 'x.pdf', '--colour', 'blue'])).code).toBe(2);
    expect(corpus.snapshot()).toEqual(before);
  });
});
