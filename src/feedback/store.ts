import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Answer } from '../answer/types.js';
import { redact } from '../privacy/redact.js';

/**
 * The feedback store shared by Slack, Teams and the web chat (SQLite, file path from FEEDBACK_DB).
 * Every answer given is recorded (its question is already free of personal data: ask() redacts it),
 * so a 👍/👎 can point to it by id, and `npm run report` can list what the corpus does not answer.
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

export interface FeedbackStore {
  /** Records an answer given; returns the id a vote refers to. */
  record(answer: Answer, channel: FeedbackChannel): string;
  /** Records a vote on an answer, its comment free of personal data; false when the id is unknown. */
  vote(id: string, vote: Vote, comment?: string | null): boolean;
  get(id: string): StoredAnswer | undefined;
  /** Answers voted 👎 and answers with found=false, newest first. */
  report(limit?: number): StoredAnswer[];
  close(): void;
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

/** `file` ':memory:' keeps everything in memory (tests). */
export function createFeedbackStore(file: string): FeedbackStore {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
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
  const insert = db.prepare(
    'INSERT INTO answers (id, created_at, channel, question, answer, found, language, citations, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE answers SET vote = ?, voted_at = ?, comment = ? WHERE id = ?');
  const select = db.prepare<[string], Row>('SELECT * FROM answers WHERE id = ?');
  const reportQuery = db.prepare<[number], Row>(
    "SELECT * FROM answers WHERE vote = 'down' OR found = 0 ORDER BY created_at DESC LIMIT ?",
  );
  return {
    record(answer, channel) {
      const id = randomUUID();
      insert.run(id, new Date().toISOString(), channel, answer.question, answer.answer, answer.found ? 1 : 0,
        answer.language, JSON.stringify(answer.citations), JSON.stringify(answer.warnings));
      return id;
    },
    vote(id, vote, comment = null) {
      // A comment is typed as freely as a question: it passes the same gate before it is stored.
      return update.run(vote, new Date().toISOString(), comment ? redact(comment).text : null, id).changes === 1;
    },
    get(id) {
      const row = select.get(id);
      return row && toStored(row);
    },
    report(limit = 200) {
      return reportQuery.all(limit).map(toStored);
    },
    close() {
      db.close();
    },
  };
}
