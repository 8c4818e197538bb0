import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Answer, Turn } from '../answer/types.js';
import {
  FeedbackStoreError,
  type FeedbackChannel,
  type FeedbackStore,
  type PrunedCount,
  type StoredAnswer,
  type Vote,
} from '../feedback/store.js';
import { childLogger } from '../log.js';
import { redact } from '../privacy/redact.js';
import { migrateSqlite } from './migrations.js';
import { DEDUPE_TTL_MS, type Binding, type Store, type StoreOptions } from './types.js';

/**
 * The embedded store: one SQLite file (FEEDBACK_DB, default DATA_DIR/feedback.sqlite) through
 * better-sqlite3. Enough for one instance: it survives a restart, but two instances on two machines
 * do not share it (use PostgreSQL, src/store/postgres.ts). A write waits at most `busyTimeoutMs` for
 * another connection's lock, and not at all while the file is known to be locked.
 */

interface Row {
  id: string;
  created_at: string;
  channel: FeedbackChannel;
  question: string;
  answer: string;
  found: number;
  language: Answer['language'];
  citations: string;
  warnings: string;
  vote: Vote | null;
  voted_at: string | null;
  comment: string | null;
}

const toStored = (r: Row): StoredAnswer => ({
  id: r.id,
  createdAt: r.created_at,
  channel: r.channel,
  question: r.question,
  answer: r.answer,
  found: r.found === 1,
  language: r.language,
  citations: JSON.parse(r.citations) as Answer['citations'],
  warnings: JSON.parse(r.warnings) as string[],
  vote: r.vote,
  votedAt: r.voted_at,
  comment: r.comment,
});

/** Rows deleted per transaction by prune(): each one short, so no write waits long behind it. */
export const PRUNE_BATCH = 500;
/** Opening may wait longer than a write: nothing is answered before the store is open. */
const OPEN_BUSY_TIMEOUT_MS = 5_000;

/** `file` ':memory:' keeps everything in memory (tests). */
export function openSqliteStore(file: string, opts: StoreOptions & { log?: Logger } = {}): Store {
  const busyTimeoutMs = opts.busyTimeoutMs ?? 100;
  const dedupeTtlMs = opts.dedupeTtlMs ?? DEDUPE_TTL_MS;
  const log = opts.log ?? childLogger({ module: 'store' });
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: OPEN_BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  migrateSqlite(db);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);

  const insert = db.prepare(
    'INSERT INTO answers (id, created_at, channel, question, answer, found, language, citations, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE answers SET vote = ?, voted_at = ?, comment = ? WHERE id = ?');
  const select = db.prepare<[string], Row>('SELECT * FROM answers WHERE id = ?');
  const reportQuery = db.prepare<[number], Row>(
    "SELECT * FROM answers WHERE vote = 'down' OR found = 0 ORDER BY created_at DESC LIMIT ?",
  );
  // A batch of the oldest answers before a time: counted into pruned_counts, then deleted. '' is «no vote».
  const countBatch = db.prepare<[string, number]>(
    `INSERT INTO pruned_counts (month, channel, found, vote, answers)
     SELECT substr(created_at, 1, 7), channel, found, coalesce(vote, ''), count(*)
     FROM (SELECT * FROM answers WHERE created_at < ? ORDER BY created_at, id LIMIT ?)
     WHERE true GROUP BY 1, 2, 3, 4
     ON CONFLICT (month, channel, found, vote) DO UPDATE SET answers = answers + excluded.answers`,
  );
  const deleteBatch = db.prepare<[string, number]>(
    'DELETE FROM answers WHERE id IN (SELECT id FROM answers WHERE created_at < ? ORDER BY created_at, id LIMIT ?)',
  );
  const pruneBatch = db.transaction((before: string) => {
    countBatch.run(before, PRUNE_BATCH);
    return deleteBatch.run(before, PRUNE_BATCH).changes;
  });
  const pruneRest = db.transaction((before: string, dedupeBefore: string) => {
    db.prepare('DELETE FROM teams_turns WHERE created_at < ?').run(before);
    db.prepare('DELETE FROM teams_links WHERE created_at < ?').run(before);
    db.prepare('DELETE FROM dedupe WHERE seen_at < ?').run(dedupeBefore);
  });
  const countsQuery = db.prepare<[], { month: string; channel: FeedbackChannel; found: number; vote: string; answers: number }>(
    'SELECT month, channel, found, vote, answers FROM pruned_counts ORDER BY month, channel, found, vote',
  );
  // A key is taken on when it is new or its last sighting is older than the window.
  const claim = db.prepare<[string, string, string], { key: string }>(
    `INSERT INTO dedupe (key, seen_at) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE dedupe.seen_at < ?
     RETURNING key`,
  );
  const turnsQuery = db.prepare<[string, number], { role: Turn['role']; text: string }>(
    'SELECT role, text FROM (SELECT id, role, text FROM teams_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const insertTurn = db.prepare('INSERT INTO teams_turns (conversation_id, role, text, created_at) VALUES (?, ?, ?, ?)');
  const trimTurns = db.prepare(
    'DELETE FROM teams_turns WHERE conversation_id = ? AND id NOT IN (SELECT id FROM teams_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?)',
  );
  const addExchange = db.transaction((conversationId: string, question: string, answer: string, keep: number) => {
    const at = new Date().toISOString();
    insertTurn.run(conversationId, 'user', question, at);
    insertTurn.run(conversationId, 'assistant', answer, at);
    trimTurns.run(conversationId, conversationId, keep);
  });
  const insertLink = db.prepare(
    'INSERT INTO teams_links (activity_id, answer_id, created_at) VALUES (?, ?, ?) ON CONFLICT (activity_id) DO UPDATE SET answer_id = excluded.answer_id',
  );
  const selectLink = db.prepare<[string], { answer_id: string }>('SELECT answer_id FROM teams_links WHERE activity_id = ?');
  const upsertBinding = db.prepare(
    `INSERT INTO channel_districts (key, district, bound_by, bound_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET district = excluded.district, bound_by = excluded.bound_by, bound_at = excluded.bound_at`,
  );
  const deleteBinding = db.prepare('DELETE FROM channel_districts WHERE key = ?');
  const selectBinding = db.prepare<[string], { district: string; bound_by: string; bound_at: string }>(
    'SELECT district, bound_by, bound_at FROM channel_districts WHERE key = ?',
  );
  const allBindings = db.prepare<[], { key: string; district: string; bound_by: string; bound_at: string }>(
    'SELECT key, district, bound_by, bound_at FROM channel_districts ORDER BY key',
  );

  let failedWrites = 0;
  // While another connection holds the lock, writes give up at once instead of each waiting the time-out.
  let locked = false;
  /** Runs a write; on failure logs and counts it and returns `failed`. */
  const write = <T>(op: string, run: () => T, failed: (err: unknown) => T): T => {
    try {
      const value = run();
      if (locked) {
        locked = false;
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
        log.info({ op }, 'feedback store writable again');
      }
      return value;
    } catch (err) {
      failedWrites++;
      const sqlite = (err as { code?: string }).code;
      if (!locked && typeof sqlite === 'string' && sqlite.startsWith('SQLITE_BUSY')) {
        locked = true;
        db.pragma('busy_timeout = 0');
      }
      log.warn({ code: 'FEEDBACK_STORE_FAILED', op, sqlite, err: (err as Error).message, failedWrites }, 'feedback store: write failed');
      return failed(err);
    }
  };
  const rethrow = (err: unknown): never => {
    throw err;
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    db.close();
  };

  const feedback: FeedbackStore = {
    async record(answer, channel) {
      const id = randomUUID();
      return write('record', () => {
        insert.run(id, new Date().toISOString(), channel, answer.question, answer.answer, answer.found ? 1 : 0,
          answer.language, JSON.stringify(answer.citations), JSON.stringify(answer.warnings));
        return id;
      }, () => null);
    },
    async vote(id, vote, comment = null) {
      // A comment is typed as freely as a question: it passes the same gate before it is stored.
      const text = comment ? redact(comment).text : null;
      return write('vote', () => update.run(vote, new Date().toISOString(), text, id).changes === 1, (err) => {
        throw new FeedbackStoreError(err);
      });
    },
    async get(id) {
      const row = select.get(id);
      return row && toStored(row);
    },
    async report(limit = 200) {
      return reportQuery.all(limit).map(toStored);
    },
    async prune(before, signal) {
      const cutoff = before.toISOString();
      write('prune', () => pruneRest(cutoff, new Date(Date.now() - dedupeTtlMs).toISOString()), rethrow);
      let deleted = 0;
      for (;;) {
        const n = write('prune', () => pruneBatch(cutoff), rethrow);
        deleted += n;
        if (n < PRUNE_BATCH) return deleted;
        await yieldToEventLoop();
        if (!db.open || signal?.aborted) return deleted;
      }
    },
    async prunedCounts() {
      return countsQuery.all().map((r): PrunedCount => ({
        month: r.month, channel: r.channel, found: r.found === 1, vote: r.vote === '' ? null : (r.vote as Vote), answers: r.answers,
      }));
    },
    get failedWrites() {
      return failedWrites;
    },
    close,
  };

  return {
    kind: 'sqlite',
    feedback,
    dedupe: {
      async firstSighting(key) {
        const now = Date.now();
        return write('dedupe', () => claim.get(key, new Date(now).toISOString(), new Date(now - dedupeTtlMs).toISOString()) !== undefined, () => true);
      },
    },
    conversations: {
      async turns(conversationId, max) {
        return turnsQuery.all(conversationId, max).map((t) => ({ role: t.role, text: t.text }));
      },
      async addExchange(conversationId, question, answer, keep) {
        write('turns', () => addExchange(conversationId, question, answer, keep), () => undefined);
      },
      async link(activityId, answerId) {
        write('link', () => insertLink.run(activityId, answerId, new Date().toISOString()), () => undefined);
      },
      async answerIdOf(activityId) {
        return selectLink.get(activityId)?.answer_id;
      },
    },
    bindings: {
      async get(key) {
        const row = selectBinding.get(key);
        return row ? { district: row.district, by: row.bound_by, at: row.bound_at } : null;
      },
      async set(key, district, by) {
        write('binding', () => (district === null ? deleteBinding.run(key) : upsertBinding.run(key, district, by, new Date().toISOString())), rethrow);
      },
      async list() {
        const out: Record<string, Binding> = {};
        for (const r of allBindings.all()) out[r.key] = { district: r.district, by: r.bound_by, at: r.bound_at };
        return out;
      },
    },
    async ping() {
      if (!db.open) throw new Error('the SQLite store is closed');
      db.prepare('SELECT 1').get();
    },
    close,
  };
}
