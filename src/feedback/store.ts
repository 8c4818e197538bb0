import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Answer } from '../answer/types.js';
import { childLogger } from '../log.js';
import { redact } from '../privacy/redact.js';

/**
 * The feedback store shared by Slack, Teams and the web chat (SQLite, file path from FEEDBACK_DB).
 * Every answer given is recorded (its question is already free of personal data: ask() redacts it),
 * so a 👍/👎 can point to it by id, and `npm run report` can list what the corpus does not answer.
 *
 * Storing never holds up an answer: a write waits at most `busyTimeoutMs` for another connection's
 * lock (and not at all while the store is known to be locked), and a failed write is logged and
 * counted — the answer then goes out without an id. Answers older than the retention are deleted;
 * what they were (month, channel, found, vote) is kept as counts without any text (prune()).
 * All SQL is in this file.
 */

export const Vote = z.enum(['up', 'down']);
export type Vote = z.infer<typeof Vote>;
export type FeedbackChannel = 'slack' | 'teams' | 'web' | 'cli';

export interface StoredAnswer {
  id: string;
  createdAt: string;
  channel: FeedbackChannel;
  question: string;
  answer: string;
  found: boolean;
  language: Answer['language'];
  citations: Answer['citations'];
  /** ask()'s warnings (plan period ended, personal data removed …), so a redrawn answer keeps them. */
  warnings: string[];
  vote: Vote | null;
  votedAt: string | null;
  comment: string | null;
}

/** What is kept of deleted answers: how many there were, by month asked, channel, found and vote. */
export interface PrunedCount {
  /** YYYY-MM the answers were given */
  month: string;
  channel: FeedbackChannel;
  found: boolean;
  vote: Vote | null;
  answers: number;
}

/** A write the store could not take now (database locked or failing): the vote was not stored. */
export class FeedbackStoreError extends Error {
  readonly code = 'FEEDBACK_UNAVAILABLE';
  constructor(override readonly cause: unknown) {
    super('Tilbakemeldingen kunne ikke lagres akkurat nå. Prøv igjen om litt.');
  }
}

export interface FeedbackStore {
  /** Records an answer given; returns the id a vote refers to, or null when the store could not take
   *  it now (logged and counted): the answer is then given without an id. Never throws. */
  record(answer: Answer, channel: FeedbackChannel): string | null;
  /** Records a vote on an answer, its comment free of personal data; false when the id is unknown.
   *  Throws FeedbackStoreError (after at most the short busy time-out) when it could not be stored. */
  vote(id: string, vote: Vote, comment?: string | null): boolean;
  get(id: string): StoredAnswer | undefined;
  /** Answers voted 👎 and answers with found=false, newest first. */
  report(limit?: number): StoredAnswer[];
  /** Deletes the answers given before `before`, keeping them as counts (prunedCounts()); a batch at a
   *  time, yielding between batches (and stopping there once `signal` aborts). Resolves with how many were deleted. */
  prune(before: Date, signal?: AbortSignal): Promise<number>;
  /** The counts kept of deleted answers, oldest month first. */
  prunedCounts(): PrunedCount[];
  /** Writes that failed since the store was opened. */
  readonly failedWrites: number;
  close(): void;
}

export interface FeedbackStoreOptions {
  /** How long a write waits for another connection's lock, in ms (default 100). */
  busyTimeoutMs?: number;
  log?: Logger;
}

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
const PRUNE_BATCH = 500;
/** Opening may wait longer than a write: nothing is answered before the store is open. */
const OPEN_BUSY_TIMEOUT_MS = 5_000;

/** `file` ':memory:' keeps everything in memory (tests). */
export function createFeedbackStore(file: string, opts: FeedbackStoreOptions = {}): FeedbackStore {
  const busyTimeoutMs = opts.busyTimeoutMs ?? 100;
  const log = opts.log ?? childLogger({ module: 'feedback' });
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: OPEN_BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    found INTEGER NOT NULL,
    citations TEXT NOT NULL,
    vote TEXT,
    voted_at TEXT,
    comment TEXT
  )`);
  // Columns added after the first release: a database made before them gets them with defaults.
  const columns = new Set(db.prepare<[], { name: string }>('PRAGMA table_info(answers)').all().map((c) => c.name));
  if (!columns.has('language')) db.exec("ALTER TABLE answers ADD COLUMN language TEXT NOT NULL DEFAULT 'nb'");
  if (!columns.has('warnings')) db.exec("ALTER TABLE answers ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'");
  db.exec(`CREATE INDEX IF NOT EXISTS answers_created_at ON answers (created_at, id);
  CREATE TABLE IF NOT EXISTS pruned_counts (
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    found INTEGER NOT NULL,
    vote TEXT NOT NULL,
    answers INTEGER NOT NULL,
    PRIMARY KEY (month, channel, found, vote)
  )`);
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
  const countsQuery = db.prepare<[], { month: string; channel: FeedbackChannel; found: number; vote: string; answers: number }>(
    'SELECT month, channel, found, vote, answers FROM pruned_counts ORDER BY month, channel, found, vote',
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

  return {
    record(answer, channel) {
      const id = randomUUID();
      return write('record', () => {
        insert.run(id, new Date().toISOString(), channel, answer.question, answer.answer, answer.found ? 1 : 0,
          answer.language, JSON.stringify(answer.citations), JSON.stringify(answer.warnings));
        return id;
      }, () => null);
    },
    vote(id, vote, comment = null) {
      // A comment is typed as freely as a question: it passes the same gate before it is stored.
      const text = comment ? redact(comment).text : null;
      return write('vote', () => update.run(vote, new Date().toISOString(), text, id).changes === 1, (err) => {
        throw new FeedbackStoreError(err);
      });
    },
    get(id) {
      const row = select.get(id);
      return row && toStored(row);
    },
    report(limit = 200) {
      return reportQuery.all(limit).map(toStored);
    },
    async prune(before, signal) {
      const cutoff = before.toISOString();
      let deleted = 0;
      for (;;) {
        const n = write('prune', () => pruneBatch(cutoff), (err) => {
          throw err;
        });
        deleted += n;
        if (n < PRUNE_BATCH) return deleted;
        await yieldToEventLoop();
        if (!db.open || signal?.aborted) return deleted;
      }
    },
    prunedCounts() {
      return countsQuery.all().map((r) => ({ month: r.month, channel: r.channel, found: r.found === 1, vote: r.vote === '' ? null : (r.vote as Vote), answers: r.answers }));
    },
    get failedWrites() {
      return failedWrites;
    },
    close() {
      db.close();
    },
  };
}
