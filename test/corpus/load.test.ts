import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { corpusCodeFingerprint, documentHash, loadCorpus, readManifest } from '../../src/corpus/load.js';
import { CORPUS_DIR } from '../support/normalized.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of corpus/ whose manifest has been edited by `edit`. */
function corpusWith(edit: (manifest: string) => string): { dir: string; manifest: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'veileder-load-'));
  temps.push(dir);
  cpSync(CORPUS_DIR, dir, { recursive: true });
  const manifest = path.join(dir, 'manifest.yaml');
  writeFileSync(manifest, edit(readFileSync(manifest, 'utf8')));
  return { dir, manifest };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function failure(dir: string): CorpusError {
  try {
    loadCorpus(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return err as CorpusError;
  }
  throw new Error('loadCorpus returned a corpus from a broken folder');
}

describe('loadCorpus: errors name the file and the line', () => {
  it('invalid YAML', () => {
    const { dir, manifest } = corpusWith((m) => m.replace('    title: Handlingsplan for rusarbeid i Bydel Grünerløkka 2021–2024', '    title: [unclosed'));
    const err = failure(dir);
    expect(err.code).toBe('MANIFEST_INVALID');
    expect(err.file).toBe(manifest);
    expect(err.line).toBeGreaterThan(0);
    expect(err.message).toMatch(new RegExp(`^${manifest}:\\d+: ugyldig YAML`));
  });

  it('an unknown layout, at the line of that field', () => {
    let at = 0;
    const { dir, manifest } = corpusWith((m) => {
      const out = m.replace('    layout: tryggere-liv', '    layout: tabell');
      at = lineOf(out, 'layout: tabell');
      return out;
    });
    const err = failure(dir);
    expect(err.code).toBe('MANIFEST_INVALID');
    expect(err.message.startsWith(`${manifest}:${at}: documents.1.layout`)).toBe(true);
  });

  it('a missing required field, at the line of its entry', () => {
    let at = 0;
    const { dir, manifest } = corpusWith((m) => {
      const out = m.replace('    owner: Bydel Nordstrand\n', '');
      at = lineOf(out, '- id: nordstrand-2021-2023');
      return out;
    });
    const err = failure(dir);
    expect(err.message).toContain('documents.4.owner');
    expect(err.file).toBe(manifest);
    expect(err.line).toBe(at);
  });

  it('a document id used twice, at the line of the second', () => {
    let at = 0;
    const { dir } = corpusWith((m) => {
      const out = m.replace('  - id: nordstrand-2021-2023', '  - id: grunerlokka-2021-2024');
      at = lineOf(out, 'file: plans/nordstrand') - 1;
      return out;
    });
    const err = failure(dir);
    expect(err.code).toBe('DUPLICATE_ID');
    expect(err.line).toBe(at);
  });

  it('a plan path outside the corpus folder', () => {
    const { dir } = corpusWith((m) => m.replace('file: plans/nordstrand-2021-2023.txt', 'file: ../../etc/passwd'));
    const err = failure(dir);
    expect(err.code).toBe('MANIFEST_INVALID');
    expect(err.message).toContain('må ligge i korpusmappen');
  });

  it('an empty plan file, naming the file and its manifest line', () => {
    const { dir, manifest } = corpusWith((m) => m);
    const plan = path.join(dir, 'plans', 'psykisk-helse-rus-2022-2024.txt');
    writeFileSync(plan, '\n  \n');
    const err = failure(dir);
    expect(err.code).toBe('FILE_EMPTY');
    expect(err.message).toBe(
      `${plan}: filen er tom (oppført i ${manifest} linje ${lineOf(readFileSync(manifest, 'utf8'), 'file: plans/psykisk-helse')})`,
    );
  });

  it('a missing manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'veileder-load-'));
    temps.push(dir);
    expect(failure(dir).code).toBe('MANIFEST_NOT_FOUND');
  });
});

describe('loadCorpus on corpus/', () => {
  it('builds every document of the manifest, in its order, with a content hash', () => {
    const corpus = loadCorpus(CORPUS_DIR);
    expect(corpus.documents.map((d) => d.id)).toEqual(readManifest(CORPUS_DIR).documents.map((d) => d.id));
    for (const d of corpus.documents) expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(corpus.glossary.length).toBeGreaterThan(20);
  });

  it('gives every document a new hash when the parsing code changes, so a built index goes stale', () => {
    const entry = readManifest(CORPUS_DIR).documents[0]!;
    const raw = readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8');
    expect(corpusCodeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash(raw, entry)).toBe(documentHash(raw, entry, corpusCodeFingerprint()));
    expect(documentHash(raw, entry, 'parsers of yesterday')).not.toBe(documentHash(raw, entry));
    expect(documentHash(`${raw}\nen ny linje`, entry)).not.toBe(documentHash(raw, entry));
  });
});
