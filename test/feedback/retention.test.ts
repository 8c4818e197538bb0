import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { runReportCli } from '../../src/cli/report.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { scheduleRetention } from '../../src/feedback/retention.js';
import { createFeedbackStore } from '../../src/feedback/store.js';
import { startTestServer } from '../support/web-server.js';

/** Retention: answers older than RETENTION_DAYS are deleted (at start and periodically), votes kept as counts. */

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = pino({ level: 'silent' });
const DAY = 24 * 60 * 60 * 1000;

/** Moves an answer back in time, through a second connection as a past would have written it. */
function age(file: string, id: string, days: number, now = Date.now()): void {
  const db = new Database(file);
  db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(new Date(now - days * DAY).toISOString(), id);
  db.close();
}

/** Every text the database file holds, all tables. */
function everything(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  const text = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t.name}`).all()));
  db.close();
  return text;
}

async function report(args: string[], db: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let out = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  expect(await runReportCli([...args, '--db', db], { stdout }, env)).toBe(0);
  return out;
}

let answered: Answer;
let unanswered: Answer;

describe('retention of the feedback store', () => {
  it('deletes answers older than the retention, their question and comment with them, keeping the votes as counts', async () => {
    answered = await ask('Hva er tiltak 10S i Tryggere liv?');
    unanswered = await ask('Hvor mange parkeringsplasser har rådhuset?');
    const file = path.join(dir, 'prune.sqlite');
    const store = createFeedbackStore(file);
    const old = [(await store.record(answered, 'slack'))!, (await store.record(answered, 'web'))!, (await store.record(unanswered, 'teams'))!];
    await store.vote(old[0]!, 'down', 'Mangler oppfølgingen av pårørende');
    await store.vote(old[1]!, 'up');
    const recent = (await store.record(unanswered, 'web'))!;
    await store.vote(recent, 'down');
    const now = Date.parse('2026-11-22T12:00:00Z');
    for (const id of old) age(file, id, 91, now);
    age(file, recent, 89, now);

    const retention = scheduleRetention(store, 90, quiet, { now: () => new Date(now) });
    expect(await retention.lastRun).toBe(3);
    retention.stop();

    for (const id of old) expect(await store.get(id)).toBeUndefined();
    expect(await store.get(recent)).toMatchObject({ question: unanswered.question, vote: 'down' });
    expect((await store.report()).map((a) => a.id)).toEqual([recent]);
    expect(await store.prunedCounts()).toEqual([
      { month: '2026-08', channel: 'slack', found: true, vote: 'down', answers: 1 },
      { month: '2026-08', channel: 'teams', found: false, vote: null, answers: 1 },
      { month: '2026-08', channel: 'web', found: true, vote: 'up', answers: 1 },
    ]);
    await store.close();
    const kept = everything(file);
    expect(kept).not.toContain('Mangler oppfølgingen');
    expect(kept).not.toContain(answered.question);
    expect(kept).toContain(unanswered.question); // the recent one
  });

  it('deletes in short batches, any number of them, and adds to the counts on every run', async () => {
    const file = path.join(dir, 'many.sqlite');
    const store = createFeedbackStore(file);
    const db = new Database(file);
    const insert = db.prepare("INSERT INTO answers (id, created_at, channel, question, answer, found, citations, vote) VALUES (?, ?, 'web', 'q', 'a', 1, '[]', ?)");
    const fill = (from: number, n: number, at: string) => db.transaction(() => {
      for (let i = from; i < from + n; i++) insert.run(`a${i}`, at, i % 3 === 0 ? 'down' : null);
    })();
    fill(0, 1_234, '2026-01-15T10:00:00.000Z');
    let now = Date.parse('2026-03-01T00:00:00Z');
    const retention = scheduleRetention(store, 30, quiet, { now: () => new Date(now), intervalMs: 20 });
    expect(await retention.lastRun).toBe(1_234);
    fill(2_000, 10, '2026-01-20T10:00:00.000Z');
    now += 2 * DAY;
    await expect.poll(async () => (await store.prunedCounts()).reduce((n, c) => n + c.answers, 0), { timeout: 5_000 }).toBe(1_244);
    retention.stop();
    db.close();
    expect(await store.prunedCounts()).toEqual([
      { month: '2026-01', channel: 'web', found: true, vote: null, answers: 829 },
      { month: '2026-01', channel: 'web', found: true, vote: 'down', answers: 415 },
    ]);
    expect(await store.report()).toEqual([]);
    await store.close();
  });

  it('runs at start of the server with RETENTION_DAYS, and npm run report still sums up what was deleted', async () => {
    const file = path.join(dir, 'server.sqlite');
    const before = createFeedbackStore(file);
    const old = (await before.record(unanswered, 'slack'))!;
    await before.vote(old, 'down');
    const recent = (await before.record(answered, 'web'))!;
    await before.close();
    age(file, old, 40);
    const lines: string[] = [];
    const server = await startTestServer({
      env: { FEEDBACK_DB: file, RETENTION_DAYS: '30' },
      log: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }),
    });
    try {
      await expect.poll(() => server.feedback.get(old), { timeout: 5_000 }).toBeUndefined();
      expect((await server.feedback.get(recent))?.question).toBe(answered.question);
      expect(lines.join('\n')).toMatch(/"deleted":1,.*"retentionDays":30/);
    } finally {
      await server.close();
    }
    const month = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 7);
    const text = await report([], file, { ...process.env, RETENTION_DAYS: '30' });
    expect(text).toContain(`Slettet etter 30 dager (bare tellingen er igjen, ${month} – ${month}): 1 svar, 0 med 👍, 1 med 👎, 1 som planene ikke svarte på.`);
    expect(JSON.parse(await report(['--json'], file))).toEqual([]);
  });

  it('is 90 days unless RETENTION_DAYS says otherwise, and refuses a retention of no days', () => {
    expect(loadConfig({}).RETENTION_DAYS).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '365' }).RETENTION_DAYS).toBe(365);
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS: 'for alltid' })).toThrow(/RETENTION_DAYS/);
  });
});
