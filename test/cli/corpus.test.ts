import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCorpusCli } from '../../src/cli/corpus.js';
import { Corpus } from '../../src/corpus/types.js';
import { CORPUS_DIR } from '../support/normalized.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary copy of corpus/ that a test may break. */
function corpusCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'veileder-corpus-'));
  temps.push(dir);
  cpSync(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

function cli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCorpusCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function npmCorpus(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'corpus', '--', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run --silent corpus', () => {
  it('--json prints the whole structured corpus as one JSON document', async () => {
    const { code, stdout } = await npmCorpus(['--json']);
    expect(code).toBe(0);
    const corpus = Corpus.parse(JSON.parse(stdout));
    const counts = Object.fromEntries(corpus.documents.map((d) => [d.id, d.measures.length]));
    expect(counts).toEqual({
      'gamle-oslo-2022-2025': 41,
      'oslo-tryggere-liv-2026-2029': 43,
      'psykisk-helse-rus-2022-2024': 0,
      'grunerlokka-2021-2024': 28,
      'nordstrand-2021-2023': 49,
    });
    for (const d of corpus.documents) expect(d.sections.length, d.id).toBeGreaterThan(0);
    const nalokson = corpus.documents.find((d) => d.id === 'nordstrand-2021-2023')!.measures.find((m) => m.text.includes('Nalokson'));
    expect(nalokson?.responsible).toEqual(['NAV ved Helse, mestring og bolig']);
    expect(corpus.glossary.find((g) => g.abbreviation === 'TSB')?.expansion).toBe('tverrfaglig spesialisert rusbehandling');
  });

  it('a broken manifest in --dir: the file and line on stderr, exit code 1, nothing on stdout', async () => {
    const dir = corpusCopy();
    const manifest = path.join(dir, 'manifest.yaml');
    const lines = readFileSync(manifest, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('period: { from: 2021, to: 2023 }'));
    lines[at] = lines[at]!.replace('to: 2023', 'to: 2019');
    writeFileSync(manifest, lines.join('\n'));
    const { code, stdout, stderr } = await npmCorpus(['--json', '--dir', dir]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${manifest}:${at + 1}: documents.4.period`);
  });
});

describe('runCorpusCli', () => {
  it('prints a readable summary: documents, periods, measure counts and units', () => {
    const { code, out, err } = cli([]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('nordstrand-2021-2023 (OCR reparert)');
    expect(out).toContain('Eier: Bydel Nordstrand · periode 2021–2023');
    expect(out).toContain('23 avsnitt, 49 tiltak');
    expect(out).toMatch(/Ansvarlige enheter \(\d+\): .*NAV ved Helse, mestring og bolig \(\d+\)/);
    expect(out).toContain('TSB = tverrfaglig spesialisert rusbehandling (nordstrand-2021-2023)');
  });

  it('names a missing plan file and the manifest line that lists it', () => {
    const dir = corpusCopy();
    rmSync(path.join(dir, 'plans', 'grunerlokka-2021-2024.txt'));
    const listedAt = readFileSync(path.join(dir, 'manifest.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('file: plans/grunerlokka-2021-2024.txt')) + 1;
    const { code, out, err } = cli(['--dir', dir]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${path.join(dir, 'plans', 'grunerlokka-2021-2024.txt')}: filen finnes ikke (oppført i ${path.join(dir, 'manifest.yaml')} linje ${listedAt})`);
  });

  it('answers a wrong option with the usage, exit code 2', () => {
    const { code, out, err } = cli(['--jsn']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Bruk: npm run --silent corpus');
  });
});
