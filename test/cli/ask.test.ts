import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Answer } from '../../src/answer/types.js';

/** The ask CLI as a user runs it: a real process, stdout for answers only, logs on stderr. */

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-cli-'));
const env = {
  ...process.env,
  CORPUS_DIR: path.resolve('corpus'),
  DATA_DIR: path.join(dir, 'data'),
  EMBEDDINGS_PROVIDER: 'hashing',
  OPENAI_API_KEY: '',
  LOG_LEVEL: 'info',
  VEILEDER_TODAY: '2026-11-22',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

beforeAll(async () => {
  // The first run builds the index into DATA_DIR; the rest load it.
  const first = await run(['--json', 'Hva er tiltak 10S?']);
  expect(first.code).toBe(0);
}, 120_000);

describe('npm run ask', { timeout: 90_000 }, () => {
  it('prints the answer and numbered sources readably', async () => {
    const r = await run(['Hva er tiltak 10S?']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Ansvarlig: Velferdsetaten \(byrådsavdeling SET\)\. Tiltak 10S/);
    expect(out).toContain('\nKilder:\n[1] Tryggere liv – Handlingsplan for rusfeltet i Oslo 2026–2029: Forebygging og skadereduksjon (2026–2029) — tiltak 10S\n    Ansvarlig: Velferdsetaten, SET');
    expect(out).not.toContain('{"level"');
    expect(r.stderr).toContain('"msg":"ask"');
  });

  it('--json prints the Answer as one JSON object', async () => {
    const r = await run(['--json', 'Hvem', 'deler', 'ut', 'nalokson', 'i', 'Bydel', 'Nordstrand?']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const a = Answer.parse(JSON.parse(r.stdout));
    expect(a.question).toBe('Hvem deler ut nalokson i Bydel Nordstrand?');
    expect(a.citations[0]).toMatchObject({ documentId: 'nordstrand-2021-2023', expired: true });
    expect(a.citations[0]!.responsible).toContain('NAV ved Helse, mestring og bolig');
  });

  it('--batch FILE prints one JSON object a line, in order, nothing else', async () => {
    const file = path.join(dir, 'questions.txt');
    writeFileSync(file, 'Hva er tiltak 10S?\n\nHva står TSB for?\nhvor lang foreldrepermisjon har jeg krav på?\n');
    const r = await run(['--batch', file]);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => Answer.parse(JSON.parse(l)));
    expect(out.map((a) => a.question)).toEqual([
      'Hva er tiltak 10S?',
      'Hva står TSB for?',
      'hvor lang foreldrepermisjon har jeg krav på?',
    ]);
    expect(out[0]!.citations[0]!.measureId).toBe('10S');
    expect(out[1]!.answer).toMatch(/^TSB står for tverrfaglig spesialisert rusbehandling/);
    expect(out[2]!.found).toBe(false);
    expect(r.stderr).toContain('ask --batch done');
  });

  it('--batch - reads the questions from stdin', async () => {
    const r = await run(['--batch', '-'], 'Hva er tiltak 10S?\nHva er tiltak 1F?\n');
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).citations[0].measureId)).toEqual(['10S', '1F']);
  });

  it('keeps personal data out of stdout and the log', async () => {
    const r = await run(['--json', 'Ring meg på 987 65 432 eller kari@example.no: hva er tiltak 10S?']);
    const a = Answer.parse(JSON.parse(r.stdout));
    expect(a.warnings[0]).toMatch(/^Personopplysninger \(telefonnummer og e-postadresse\) ble fjernet/);
    for (const s of ['987 65 432', '98765432', 'kari@example.no']) {
      expect(r.stdout).not.toContain(s);
      expect(r.stderr).not.toContain(s);
    }
  });

  it('tells the user what to do, in Norwegian, when the arguments are wrong', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/Skriv et spørsmål\.\nBruk:/);
    const missing = await run(['--batch', path.join(dir, 'finnes-ikke.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Fant ikke filen/);
    const unknown = await run(['--jsn', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Bruk:/);
    expect(unknown.stderr).toMatch(/^Ugyldig valg: /);
  });
});
