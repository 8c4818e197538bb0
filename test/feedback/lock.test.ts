import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/web-server.js';

/**
 * Another process holding a write lock on the feedback database (BEGIN EXCLUSIVE in its own SQLite
 * connection) must not hold up or fail answers from the real server: the answer comes back at once
 * without its X-Answer-Id, the failure is logged and counted, and storing resumes once the lock is gone.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-lock-'));
const db = path.join(dir, 'feedback.sqlite');
const lines: Array<Record<string, unknown>> = [];
const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
let server: TestServer;

/** A second process that takes the write lock and keeps it until told to let go on stdin. */
async function holdLock(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN EXCLUSIVE');
    db.prepare("UPDATE answers SET comment = comment WHERE 0").run();
    process.stdout.write('locked\\n');
    process.stdin.on('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('locked\n');
  return child;
}

const ask = (question: string) => server.post('/api/ask', { question });

beforeAll(async () => {
  server = await startTestServer({ env: { FEEDBACK_DB: db }, log });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a locked feedback database', () => {
  it('neither stalls nor fails answers; votes say they could not be stored; storing resumes after', async () => {
    const before = await ask('Hva er tiltak 10S?');
    const earlierId = before.headers.get('x-answer-id');
    expect(earlierId).toMatch(/^[0-9a-f-]{36}$/);

    const locker = await holdLock(db);
    try {
      const started = performance.now();
      const answers = await Promise.all(['Hva er tiltak 10S?', 'Hvem har ansvar for brukerrom?', 'Hva er tiltak 10S?'].map(ask));
      const ms = performance.now() - started;
      for (const res of answers) {
        expect(res.status).toBe(200);
        expect(res.headers.get('x-answer-id')).toBeNull();
      }
      const first = (await answers[0]!.json()) as { found: boolean; citations: Array<{ measureId: string | null }> };
      expect(first.found).toBe(true);
      expect(first.citations[0]?.measureId).toBe('10S');
      // Before: each write waited better-sqlite3's 5 s busy time-out, the whole server with it, then 500.
      expect(ms).toBeLessThan(2_000);

      const vote = await server.post('/api/feedback', { answerId: earlierId, vote: 'down' });
      expect(vote.status).toBe(503);
      expect(await vote.json()).toEqual({
        error: { code: 'FEEDBACK_UNAVAILABLE', message: 'Tilbakemeldingen kunne ikke lagres akkurat nå. Prøv igjen om litt.' },
      });

      const failures = lines.filter((l) => l.code === 'FEEDBACK_STORE_FAILED');
      expect(failures.map((l) => l.op)).toEqual(['record', 'record', 'record', 'vote']);
      expect(failures.at(-1)).toMatchObject({ sqlite: 'SQLITE_BUSY', failedWrites: 4 });
      expect(server.feedback.failedWrites).toBe(4);
      expect(JSON.stringify(lines)).not.toMatch(/tiltak 10S|brukerrom/i);
    } finally {
      locker.stdin!.write('release\n');
      await once(locker, 'exit');
    }

    const after = await ask('Hvem har ansvar for brukerrom?');
    const id = after.headers.get('x-answer-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await server.feedback.get(id!))?.question).toBe('Hvem har ansvar for brukerrom?');
    const vote = await server.post('/api/feedback', { answerId: earlierId, vote: 'down' });
    expect(vote.status).toBe(200);
    expect((await server.feedback.get(earlierId!))?.vote).toBe('down');
  });
});
