import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminError, addDocument, listDocuments, removeDocument, type AddInput } from '../../src/corpus/admin.js';
import { ExtractError } from '../../src/corpus/extract/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { openSearcher } from '../../src/search/index.js';
import { makeBlankPdf, makeEncryptedPdf, makePdf, tempCorpus, type TempCorpus } from '../support/documents.js';

/** add/remove into a temporary copy of corpus/: what changes, and that a failure changes nothing. */

const files = path.join(tmpdir(), `veileder-admin-${process.pid}`);
let planPdf: string;

const meta = (over: Partial<AddInput> = {}): AddInput => ({
  file: planPdf,
  id: 'testdal-2025-2028',
  title: 'Handlingsplan for rusarbeid i Bydel Testdal 2025–2028',
  owner: 'Bydel Testdal',
  period: '2025-2028',
  kind: 'plan',
  ...over,
});

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(files, name);
  writeFileSync(p, bytes);
  return p;
}

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files, { recursive: true });
  planPdf = write(
    'testdal.pdf',
    await makePdf([
      '1 Innledning',
      'Bydel Testdal lager en plan for rusarbeid blant eldre.',
      '',
      '2 Tiltak',
      'Tiltak 1: Seniorsenteret Solgløtt tilbyr samtalegrupper om alkohol for eldre.',
      'Ansvar: Seniortjenesten',
    ]),
  );
});

describe('add', () => {
  let corpus: TempCorpus;
  beforeAll(() => {
    corpus = tempCorpus();
  });

  it('stores the PDF’s text under plans/, appends the manifest entry keeping its comments, and rebuilds the index', async () => {
    const manifestBefore = readFileSync(path.join(corpus.dir, 'manifest.yaml'), 'utf8');
    const result = await addDocument(meta({ url: 'https://www.oslo.kommune.no/bydeler/testdal/plan.pdf' }), { config: corpus.config });
    expect(result).toMatchObject({ format: 'pdf', measures: 1, entry: { id: 'testdal-2025-2028', file: 'plans/testdal-2025-2028.txt', layout: 'generic' } });

    const manifest = readFileSync(path.join(corpus.dir, 'manifest.yaml'), 'utf8');
    expect(manifest.startsWith(manifestBefore.trimEnd())).toBe(true);
    expect(manifest).toContain('# id:      stable public id');
    expect(manifest.slice(manifestBefore.trimEnd().length)).toContain(
      [
        '  - id: testdal-2025-2028',
        '    file: plans/testdal-2025-2028.txt',
        '    title: Handlingsplan for rusarbeid i Bydel Testdal 2025–2028',
        '    owner: Bydel Testdal',
        '    period: { from: 2025, to: 2028 }',
        '    url: https://www.oslo.kommune.no/bydeler/testdal/plan.pdf',
        '    language: nb',
        '    kind: plan',
        '    layout: generic',
      ].join('\n'),
    );
    const stored = readFileSync(path.join(corpus.dir, 'plans/testdal-2025-2028.txt'), 'utf8');
    expect(stored).toContain('Seniorsenteret Solgløtt tilbyr samtalegrupper om alkohol for eldre.');

    const measure = loadCorpus(corpus.dir).documents.find((d) => d.id === 'testdal-2025-2028')!.measures[0]!;
    expect(measure).toMatchObject({ id: '1', responsible: ['Seniortjenesten'], section: '2 Tiltak' });

    // The index on disk already holds it: it opens without a rebuild.
    const searcher = await openSearcher({ config: corpus.config, build: 'never' });
    expect(searcher.corpus.documents.map((d) => d.id)).toContain('testdal-2025-2028');
    expect(listDocuments(corpus.dir).at(-1)).toMatchObject({ id: 'testdal-2025-2028', present: true });
  });

  it('then refuses the same id again, and changes nothing', async () => {
    const before = corpus.snapshot();
    const err = await addDocument(meta(), { config: corpus.config }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminError);
    expect((err as AdminError).code).toBe('DUPLICATE_ID');
    expect((err as Error).message).toMatch(/finnes allerede.*npm run ingest -- remove testdal-2025-2028/);
    expect(corpus.snapshot()).toEqual(before);
  });

  it('remove takes the entry and the file away; the manifest is as it was before add, byte for byte', async () => {
    const original = readFileSync(path.resolve('corpus/manifest.yaml'), 'utf8');
    const removed = await removeDocument('testdal-2025-2028', { config: corpus.config });
    expect(removed.title).toBe('Handlingsplan for rusarbeid i Bydel Testdal 2025–2028');
    expect(readFileSync(path.join(corpus.dir, 'manifest.yaml'), 'utf8')).toBe(original);
    expect(Object.keys(corpus.snapshot())).not.toContain('plans/testdal-2025-2028.txt');
    const searcher = await openSearcher({ config: corpus.config, build: 'never' });
    expect(searcher.corpus.documents.map((d) => d.id)).not.toContain('testdal-2025-2028');
  });
});

describe('bad files and bad metadata: a clear error, nothing changed, no rebuild', () => {
  let corpus: TempCorpus;
  let rebuilds = 0;
  const deps = () => ({ config: corpus.config, rebuild: async () => void rebuilds++ });
  beforeAll(() => {
    corpus = tempCorpus();
  });

  const cases: [string, () => Promise<AddInput>, string, RegExp][] = [
    ['a .pdf that is not a PDF', async () => meta({ file: write('falsk.pdf', 'Bare tekst, lagret med feil navn.') }), 'FORMAT_MISMATCH', /heter \.pdf men er ren tekst/],
    ['an encrypted PDF', async () => meta({ file: write('kryptert.pdf', await makeEncryptedPdf()) }), 'ENCRYPTED', /passordbeskyttet/],
    ['a PDF without text', async () => meta({ file: write('skannet.pdf', await makeBlankPdf()) }), 'EMPTY_TEXT', /fant ingen tekst i PDF-en: den er trolig skannet.*ocrmypdf/],
    ['an empty text file', async () => meta({ file: write('tom.txt', '\n\n') }), 'EMPTY_TEXT', /fant ingen tekst/],
    ['a file that does not exist', async () => meta({ file: path.join(files, 'borte.pdf') }), 'FILE_NOT_FOUND', /finnes ikke/],
    ['an id taken by a plan', async () => meta({ id: 'nordstrand-2021-2023' }), 'DUPLICATE_ID', /finnes allerede/],
    ['a bad id', async () => meta({ id: 'Bydel Testdal!' }), 'INVALID_METADATA', /--id: bruk små bokstaver/],
    ['a period written «2025»', async () => meta({ period: '2025' }), 'INVALID_METADATA', /--period: skriv perioden som to årstall/],
    ['a period backwards', async () => meta({ period: '2028-2025' }), 'INVALID_METADATA', /--period: period\.to må være/],
    ['an unknown kind', async () => meta({ kind: 'veileder' as AddInput['kind'] }), 'INVALID_METADATA', /--kind: skriv standard, plan eller other/],
    ['a url that is no address', async () => meta({ url: 'oslo.kommune.no/plan' }), 'INVALID_METADATA', /--url: skriv en hel adresse/],
    ['missing title and owner', async () => ({ file: planPdf, id: 'x-2025', period: '2025-2028', kind: 'plan' }) as AddInput, 'INVALID_METADATA', /--title mangler[\s\S]*--owner mangler/],
  ];

  it.each(cases)('%s', async (_name, input, code, message) => {
    const before = corpus.snapshot();
    const err = await addDocument(await input(), deps()).catch((e: unknown) => e);
    expect(err instanceof AdminError || err instanceof ExtractError).toBe(true);
    expect((err as AdminError).code).toBe(code);
    expect((err as Error).message).toMatch(message);
    expect(corpus.snapshot()).toEqual(before);
    expect(rebuilds).toBe(0);
  });

  it('a failing index build puts the corpus back, for add and for remove', async () => {
    const before = corpus.snapshot();
    const failing = { config: corpus.config, rebuild: async () => Promise.reject(new Error('disken er full')) };
    const added = await addDocument(meta(), failing).catch((e: unknown) => e);
    expect((added as AdminError).code).toBe('REBUILD_FAILED');
    expect((added as Error).message).toMatch(/disken er full.*satt tilbake/);
    expect(corpus.snapshot()).toEqual(before);

    const removed = await removeDocument('grunerlokka-2021-2024', failing).catch((e: unknown) => e);
    expect((removed as AdminError).code).toBe('REBUILD_FAILED');
    expect(corpus.snapshot()).toEqual(before);
  });

  it('remove of an unknown id names the ids there are', async () => {
    const err = await removeDocument('finnes-ikke', deps()).catch((e: unknown) => e);
    expect((err as AdminError).code).toBe('NOT_FOUND');
    expect((err as Error).message).toMatch(/Dokumentene er: gamle-oslo-2022-2025, .*nordstrand-2021-2023/);
  });
});
