import type { Logger } from 'pino';
import { z } from 'zod';
import type { Answer } from '../answer/types.js';
import { openSqliteStore } from '../store/sqlite.js';

/**
 * The feedback store shared by Slack, Teams and the web chat: SQLite (FEEDBACK_DB, src/store/sqlite.ts)
 * or PostgreSQL (DATABASE_URL, src/store/postgres.ts), both behind this interface.
 * Every answer given is recorded (its question is already free of personal data: ask() redacts it),
 * so a 👍/👎 can point to it by id, and `npm run report` can list what the corpus does not answer.
 *
 * Storing never holds up an answer: a write waits at most `busyTimeoutMs` for another connection's
 * lock (and not at all while the store is known to be locked), and a failed write is logged and
 * counted — the answer then goes out without an id. Answers older than the retention are deleted;
 * what they were (month, channel, found, vote) is kept as counts without any text (prune()).
 * The SQL is in src/store/.
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
  /** Records an answer given; resolves with the id a vote refers to, or null when the store could not take
   *  it now (logged and counted): the answer is then given without an id. Never rejects. */
  record(answer: Answer, channel: FeedbackChannel): Promise<string | null>;
  /** Records a vote on an answer, its comment free of personal data; false when the id is unknown.
   *  Rejects with FeedbackStoreError (after at most the short busy time-out) when it could not be stored. */
  vote(id: string, vote: Vote, comment?: string | null): Promise<boolean>;
  get(id: string): Promise<StoredAnswer | undefined>;
  /** Answers voted 👎 and answers with found=false, newest first. */
  report(limit?: number): Promise<StoredAnswer[]>;
  /** Deletes the answers given before `before`, keeping them as counts (prunedCounts()), and the Teams turns
   *  and vote links of that age and expired dedupe keys; a batch at a time, yielding between batches (and
   *  stopping there once `signal` aborts). Resolves with how many answers were deleted. */
  prune(before: Date, signal?: AbortSignal): Promise<number>;
  /** The counts kept of deleted answers, oldest month first. */
  prunedCounts(): Promise<PrunedCount[]>;
  /** Writes that failed since the store was opened. */
  readonly failedWrites: number;
  /** Closes the whole store this feedback store belongs to. */
  close(): Promise<void>;
}

export interface FeedbackStoreOptions {
  /** How long a write waits for another connection's lock, in ms (default 100). */
  busyTimeoutMs?: number;
  log?: Logger;
}

/** `file` ':memory:' keeps everything in memory (tests). The SQLite store's feedback part (src/store/sqlite.ts). */
export function createFeedbackStore(file: string, opts: FeedbackStoreOptions = {}): FeedbackStore {
  return openSqliteStore(file, opts).feedback;
}
