import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * Two `npm start` processes on one PostgreSQL under a bounded load of questions and votes; one is
 * killed with SIGKILL half-way. Every answer that came back with its X-Answer-Id and every vote that
 * came back 200 — from either process, before or after the kill — must be in the database.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-kill-'));
let postgres: TestPostgres;
let url: string;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startInstance(name: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, DATA_DIR: path.join(dir, name), LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: '', MICROSOFT_APP_ID: '', TEAMS_ENABLED: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  children.push(child);
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    const ready = await fetch(new URL('readyz', base)).then((r) => r.status, () => 0);
    if (ready === 200) return { base, child };
    if (Date.now() > deadline) throw new Error(`${name} not ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  postgres = await startPostgres();
  url = await postgres.freshDatabase();
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const QUESTIONS = ['Hva er tiltak 10S?', 'Hvem har ansvar for brukerrom?', 'Hva er FACT?', 'Hva sier planen om naloksone?'];

describe('killing one of two instances under load', () => {
  it('loses no answer or vote that was acknowledged', async () => {
    const [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
    const acknowledged: string[] = [];
    const votes = new Map<string, 'up' | 'down'>();
    let failedOnA = 0;
    let n = 0;
    const TOTAL = 60;
    const worker = async () => {
      while (n < TOTAL) {
        const i = n++;
        // Half the questions to each instance, each vote to the other one, as a proxy would spread them.
        const [to, other] = i % 2 === 0 ? [a, b] : [b, a];
        if (i === TOTAL / 3) a.child.kill('SIGKILL');
        try {
          const res = await fetch(new URL('api/ask', to.base), {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTIONS[i % QUESTIONS.length] }),
          });
          const id = res.headers.get('x-answer-id');
          await res.arrayBuffer();
          if (res.status !== 200 || !id) continue;
          acknowledged.push(id);
          const vote = i % 3 === 0 ? 'down' : 'up';
          const voted = await fetch(new URL('api/feedback', other.base), {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId: id, vote }),
          }).catch(() => undefined);
          if (voted?.status === 200) votes.set(id, vote);
        } catch {
          if (to === a) failedOnA++;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    // The kill happened mid-load: A answered before it, refused after, B went on answering.
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(failedOnA).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(TOTAL / 2);
    expect(votes.size).toBeGreaterThan(TOTAL / 4);

    const store: Store = await openPostgresStore(url, { log: pino({ level: 'silent' }) });
    try {
      const missing: string[] = [];
      const wrongVote: string[] = [];
      for (const id of acknowledged) {
        const stored = await store.feedback.get(id);
        if (!stored) missing.push(id);
        else if (votes.has(id) && stored.vote !== votes.get(id)) wrongVote.push(id);
      }
      expect(missing).toEqual([]);
      expect(wrongVote).toEqual([]);
    } finally {
      await store.close();
      b.child.kill('SIGTERM');
    }
  }, 240_000);
});
