import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { sharedHistoryStore } from '../../src/channels/teams/history.js';
import { FeedbackStoreError } from '../../src/feedback/store.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreOpenError, type Store, type StoreOptions } from '../../src/store/types.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * One suite, both stores: what a channel or the report sees must not depend on which database holds
 * it. Each case opens two stores on the same database (two instances, or one restarted) to show that
 * what one wrote the other reads. PostgreSQL is a real server on 127.0.0.1 (test/support/postgres.ts).
 */

const quiet = pino({ level: 'silent' });
const dir = mkdtempSync(path.join(tmpdir(), 'veileder-store-'));
let postgres: TestPostgres;
let answered: Answer;
let unanswered: Answer;

beforeAll(async () => {
  postgres = await startPostgres();
  answered = await ask('Hva er tiltak 10S i Tryggere liv?');
  unanswered = await ask('Hvor mange parkeringsplasser har rådhuset?');
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Backend {
  name: string;
  /** A new empty database; `open` opens one more store on it (another instance, or after a restart). */
  fresh(): Promise<{ open: (opts?: StoreOptions) => Promise<Store> }>;
}

let files = 0;
const backends: Backend[] = [
  {
    name: 'SQLite',
    async fresh() {
      const file = path.join(dir, `s${++files}.sqlite`);
      return { open: async (opts) => openSqliteStore(file, { ...opts, log: quiet }) };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await postgres.freshDatabase();
      return { open: (opts) => openPostgresStore(url, { ...opts, log: quiet }) };
    },
  },
];

describe.each(backends)('the $name store', (backend) => {
  const both = async (opts?: StoreOptions) => {
    const db = await backend.fresh();
    const a = await db.open(opts);
    const b = await db.open(opts);
    return { a, b, db, close: () => Promise.all([a.close(), b.close()]) };
  };

  it('records answers and votes, gives them back with citations and warnings, and reports 👎 and unanswered', async () => {
    const { a, b, close } = await both();
    try {
      const up = (await a.feedback.record(answered, 'slack'))!;
      const down = (await a.feedback.record(answered, 'teams'))!;
      const missing = (await a.feedback.record(unanswered, 'web'))!;
      expect(await b.feedback.vote(up, 'up')).toBe(true);
      expect(await b.feedback.vote(down, 'down', 'Ring meg på 912 34 567, enheten mangler')).toBe(true);
      expect(await b.feedback.vote('no-such-answer', 'up')).toBe(false);

      const stored = await a.feedback.get(down);
      expect(stored).toMatchObject({ channel: 'teams', question: answered.question, answer: answered.answer, found: true, language: 'nb', vote: 'down' });
      expect(stored!.citations[0]?.measureId).toBe('10S');
      expect(stored!.citations).toEqual(answered.citations);
      expect(stored!.warnings).toEqual(answered.warnings);
      expect(stored!.comment).toBe('Ring meg på [telefonnummer], enheten mangler');
      expect(Date.parse(stored!.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await a.feedback.get('no-such-answer')).toBeUndefined();
      expect((await b.feedback.report()).map((r) => r.id).sort()).toEqual([down, missing].sort());
      expect(a.feedback.failedWrites).toBe(0);
    } finally {
      await close();
    }
  });

  it('takes a Slack delivery once across instances, and again only after the window', async () => {
    const { a, b, close } = await both({ dedupeTtlMs: 400 });
    try {
      const claims = await Promise.all([a, b, a, b].map((s) => s.dedupe.firstSighting('slack:Ev0001')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await b.dedupe.firstSighting('slack:Ev0002')).toBe(true);
      await new Promise((r) => setTimeout(r, 600));
      expect(await a.dedupe.firstSighting('slack:Ev0001')).toBe(true);
      expect(await b.dedupe.firstSighting('slack:Ev0001')).toBe(false);
    } finally {
      await close();
    }
  });

  it('keeps a Teams reply chain and the message→answer link where another instance finds them', async () => {
    const { a, b, close } = await both();
    try {
      const ha = sharedHistoryStore(a.conversations, { maxTurns: 4, maxTurnChars: 5 });
      const hb = sharedHistoryStore(b.conversations, { maxTurns: 4, maxTurnChars: 5 });
      await ha.addExchange('19:chan@thread.tacv2;messageid=1', 'q1', 'a1');
      await hb.addExchange('19:chan@thread.tacv2;messageid=1', 'q2', 'a2');
      await ha.addExchange('19:chan@thread.tacv2;messageid=1', 'q3-long-question', 'a3');
      await ha.addExchange('a:personal', 'other', 'x');
      expect(await hb.turns('19:chan@thread.tacv2;messageid=1')).toEqual([
        { role: 'user', text: 'q2' },
        { role: 'assistant', text: 'a2' },
        { role: 'user', text: 'q3-lo' },
        { role: 'assistant', text: 'a3' },
      ]);
      expect(await hb.turns('unknown')).toEqual([]);

      const answerId = (await a.feedback.record(answered, 'teams'))!;
      await ha.link('activity-1', answerId);
      expect(await hb.answerIdOf('activity-1')).toBe(answerId);
      expect(await hb.answerIdOf('activity-2')).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('binds a channel to a district where every instance sees it, and removes the binding', async () => {
    const { a, b, close } = await both();
    try {
      expect(await b.bindings.get('slack:T1:C1')).toBeNull();
      await a.bindings.set('slack:T1:C1', 'Nordstrand', 'U0ADMIN');
      await a.bindings.set('teams:tenant-1:19:x@thread.tacv2', 'Gamle Oslo', 'aad-1');
      expect(await b.bindings.get('slack:T1:C1')).toMatchObject({ district: 'Nordstrand', by: 'U0ADMIN' });
      await b.bindings.set('slack:T1:C1', 'Grünerløkka', 'U0OTHER');
      expect(await a.bindings.get('slack:T1:C1')).toMatchObject({ district: 'Grünerløkka', by: 'U0OTHER' });
      await a.bindings.set('teams:tenant-1:19:x@thread.tacv2', null, 'aad-1');
      const all = await b.bindings.list();
      expect(Object.keys(all)).toEqual(['slack:T1:C1']);
      expect(Date.parse(all['slack:T1:C1']!.at)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await close();
    }
  });

  it('survives a restart: two instances opening the database again together find everything', async () => {
    const db = await backend.fresh();
    const first = await db.open();
    const id = (await first.feedback.record(answered, 'web'))!;
    await first.bindings.set('slack:T1:C9', 'Alna', 'U1');
    await first.close();
    // Two instances starting together on an existing database.
    const [again, other] = await Promise.all([db.open(), db.open()]);
    try {
      expect(await again.feedback.get(id)).toMatchObject({ question: answered.question });
      expect(await other.bindings.get('slack:T1:C9')).toMatchObject({ district: 'Alna' });
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('retention deletes answers, Teams turns and links of that age once, keeping only counts', async () => {
    const { a, b, close } = await both({ dedupeTtlMs: 1 });
    try {
      const ids = [
        (await a.feedback.record(answered, 'slack'))!,
        (await a.feedback.record(answered, 'slack'))!,
        (await b.feedback.record(unanswered, 'web'))!,
      ];
      await a.feedback.vote(ids[0]!, 'down');
      await a.conversations.addExchange('conv', 'q', 'a', 6);
      await a.conversations.link('activity-9', ids[0]!);
      await a.dedupe.firstSighting('slack:old');
      await a.bindings.set('slack:T1:C1', 'Alna', 'U1');
      await new Promise((r) => setTimeout(r, 20));
      const cutoff = new Date(Date.now() + 1_000);
      // Both instances prune at once (each replica runs retention): every answer is counted once.
      const deleted = await Promise.all([a.feedback.prune(cutoff), b.feedback.prune(cutoff)]);
      expect(deleted[0] + deleted[1]).toBe(3);
      for (const id of ids) expect(await b.feedback.get(id)).toBeUndefined();
      expect(await b.conversations.turns('conv', 6)).toEqual([]);
      expect(await b.conversations.answerIdOf('activity-9')).toBeUndefined();
      expect(await b.dedupe.firstSighting('slack:old')).toBe(true);
      // Bindings are settings, not answers: retention leaves them.
      expect(await b.bindings.get('slack:T1:C1')).toMatchObject({ district: 'Alna' });
      const month = new Date().toISOString().slice(0, 7);
      expect(await a.feedback.prunedCounts()).toEqual([
        { month, channel: 'slack', found: true, vote: null, answers: 1 },
        { month, channel: 'slack', found: true, vote: 'down', answers: 1 },
        { month, channel: 'web', found: false, vote: null, answers: 1 },
      ]);
    } finally {
      await close();
    }
  });

  it('gives an answer no id, refuses a vote and takes a delivery on when the database is gone', async () => {
    const db = await backend.fresh();
    const store = await db.open({ busyTimeoutMs: 300 });
    const id = (await store.feedback.record(answered, 'web'))!;
    await store.close();
    expect(await store.feedback.record(answered, 'web')).toBeNull();
    await expect(store.feedback.vote(id, 'up')).rejects.toBeInstanceOf(FeedbackStoreError);
    expect(await store.dedupe.firstSighting('slack:Ev9')).toBe(true);
    expect(store.feedback.failedWrites).toBe(3);
    await expect(store.ping()).rejects.toThrow();
  });
});

describe('opening PostgreSQL', () => {
  it('says where it could not connect, without the password, and what to check', async () => {
    const err = await openPostgresStore('postgres://veileder:hemmelig@127.0.0.1:1/veileder', { log: quiet, connectTimeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as StoreOpenError).code).toBe('DATABASE_UNAVAILABLE');
    expect((err as Error).message).toMatch(/^Kom ikke fram til PostgreSQL på 127\.0\.0\.1:1\/veileder .*Sjekk DATABASE_URL/);
    expect((err as Error).message).not.toContain('hemmelig');
  });
});
