import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { runReportCli, type ReportRow } from '../../src/cli/report.js';
import { createFeedbackStore } from '../../src/feedback/store.js';

const run = promisify(execFile);

async function report(args: string[], db: string): Promise<string> {
  let out = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  expect(await runReportCli([...args, '--db', db], { stdout })).toBe(0);
  return out;
}

describe('npm run report', () => {
  let dir: string;
  let db: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'veileder-report-'));
    db = path.join(dir, 'feedback.sqlite');
    const store = createFeedbackStore(db);
    const answered = await ask('Hva er tiltak 10S i Tryggere liv?');
    const unanswered = await ask('Hvor mange parkeringsplasser har rådhuset?');
    const withPhone = await ask('Ring meg på 912 34 567: hva er tiltak 3S?');
    expect(answered.found).toBe(true);
    expect(unanswered.found).toBe(false);
    ids.down = (await store.record(answered, 'slack'))!;
    await store.vote(ids.down, 'down');
    ids.up = (await store.record(answered, 'teams'))!;
    await store.vote(ids.up, 'up');
    ids.phone = (await store.record(withPhone, 'slack'))!;
    await store.vote(ids.phone, 'down');
    ids.missing1 = (await store.record(unanswered, 'web'))!;
    ids.missing2 = (await store.record(unanswered, 'slack'))!;
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the 👎 and the unanswered questions, the same question once with a count, and not the 👍', async () => {
    const rows = JSON.parse(await report(['--json'], db)) as ReportRow[];
    expect(rows).toHaveLength(3);
    const missing = rows.find((r) => r.ids.includes(ids.missing1!))!;
    expect(missing).toMatchObject({ question: 'Hvor mange parkeringsplasser har rådhuset?', count: 2, notFound: 2, votesDown: 0, topSource: null });
    expect(missing.channels.sort()).toEqual(['slack', 'web']);
    const down = rows.find((r) => r.ids.includes(ids.down!))!;
    expect(down).toMatchObject({ question: 'Hva er tiltak 10S i Tryggere liv?', count: 1, votesDown: 1, channels: ['slack'] });
    expect(down.topSource).toBe('oslo-tryggere-liv-2026-2029#10S');
    expect(JSON.stringify(rows)).not.toContain(ids.up);
    // The phone number never reached the store, so it cannot reach the report.
    expect(rows.find((r) => r.ids.includes(ids.phone!))!.question).toContain('hva er tiltak 3S?');
    expect(JSON.stringify(rows)).not.toMatch(/912 ?34 ?567/);
  });

  it('prints a readable table with a summary', async () => {
    const out = await report([], db);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Sist spurt\s+Antall\s+Hvorfor\s+Kanal\s+Spørsmål\s+Beste kilde$/);
    expect(out).toMatch(/2\s+2× ikke funnet\s+(web,slack|slack,web)\s+Hvor mange parkeringsplasser har rådhuset\?/);
    expect(out).toMatch(/1\s+1× tommel ned\s+slack\s+Hva er tiltak 10S i Tryggere liv\?\s+oslo-tryggere-liv-2026-2029#10S/);
    expect(lines.at(-1)).toMatch(/^3 spørsmål: 2 med 👎, [23] som planene ikke svarte på\.$/);
    expect(out).not.toMatch(/912 ?34 ?567/);
  });

  it('says so when there is nothing to report or no database yet, and explains bad flags', async () => {
    const empty = path.join(dir, 'empty.sqlite');
    createFeedbackStore(empty).close();
    expect(await report([], empty)).toContain('Ingenting å legge til nå');
    expect(await report([], path.join(dir, 'none.sqlite'))).toContain('Fant ingen feedback-database');
    await expect(runReportCli(['--limit', 'mange'], { stdout: process.stdout })).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(runReportCli(['--limt', '5'], { stdout: process.stdout })).rejects.toThrow(/^Ugyldig valg: .*\nBruk:/s);
  });

  it('runs as `npm run report -- --json` with FEEDBACK_DB from the environment', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'report', '--', '--json'], {
      env: { ...process.env, FEEDBACK_DB: db, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    const rows = JSON.parse(stdout) as ReportRow[];
    expect(rows.map((r) => r.count).sort()).toEqual([1, 1, 2]);
  });
});
