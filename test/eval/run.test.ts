import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** `npm run eval` as a hook runs it: a real process, stdout for the report, stderr for the rest. */

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

async function evalCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['eval/run.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', OPENAI_API_KEY: '', EMBEDDINGS_PROVIDER: 'hashing' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const small = path.join(mkdtempSync(path.join(tmpdir(), 'veileder-eval-')), 'questions.yaml');
writeFileSync(
  small,
  `questions:
  - { id: nalokson, q: "nalokson nordstrand", lang: nb, expect: [{ documentId: nordstrand-2021-2023, measureId: N30 }], units: [NAV ved Helse, mestring og bolig] }
  - { id: vaer, q: "blir det regn i morgen?", lang: nb, outOfScope: true }
`,
);

describe('npm run eval', () => {
  it('ends the readable report with the four headline figures', async () => {
    const { code, stdout } = await evalCli(['--questions', small, '--mode', 'lexical']);
    expect(code).toBe(0);
    const last = stdout.trimEnd().split('\n').slice(-4);
    expect(last.map((l) => l.split(/\s+/)[0])).toEqual(['hit@1', 'hit@3', 'unit-accuracy', 'refusal']);
    for (const line of last) expect(line).toMatch(/^\S+\s+(?:[01]\.\d{3}|–)\s/);
    expect(stdout).toContain('1 spørsmål i planene');
  }, 120_000);

  it('rejects unknown options and a broken question set with a message on stderr and nothing on stdout', async () => {
    const broken = path.join(path.dirname(small), 'broken.yaml');
    writeFileSync(broken, 'questions:\n  - { id: a, q: "x", lang: nb }\n');
    const [badMode, badSet] = await Promise.all([evalCli(['--mode', 'fuzzy']), evalCli(['--questions', broken])]);
    expect(badMode).toMatchObject({ code: 2, stdout: '' });
    expect(badMode.stderr).toContain('Bruk: npm run eval');
    expect(badSet).toMatchObject({ code: 1, stdout: '' });
    expect(badSet.stderr).toContain('spørsmål 1 (a): et spørsmål innenfor planene trenger minst én expect');
  }, 120_000);
});
