import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import pg from 'pg';
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
import { migratePostgres } from './migrations.js';
import { PRUNE_BATCH } from './sqlite.js';
import { DEDUPE_TTL_MS, StoreOpenError, type Binding, type Store, type StoreOptions } from './types.js';

/**
 * The shared store: PostgreSQL at DATABASE_URL, one pool per instance, every replica on the same
 * database. Same behaviour as the SQLite store (the same tests run against both): a write that
 * cannot be done within `busyTimeoutMs` (default 2 s here: a network round trip, not a file lock) is
 * logged and counted, an answer then goes out without its id, a vote is refused with
 * FeedbackStoreError. Everything that decides «once across replicas» is one statement: the dedupe
 * claim is an upsert that returns a row only to the first taker, retention deletes with SKIP LOCKED so
 * two replicas pruning together count each deleted answer once.
 */

interface Row {
  id: string;
  created_at: Date;
  channel: FeedbackChannel;
  question: string;
  answer: string;
  found: boolean;
  language: Answer['language'];
  citations: Answer['citations'];
  warnings: string[];
  vote: Vote | null;
  voted_at: Date | null;
  comment: string | null;
}

const toStored = (r: Row): StoredAnswer => ({
  id: r.id,
  createdAt: r.created_at.toISOString(),
  channel: r.channel,
  question: r.question,
  answer: r.answer,
  found: r.found,
  language: r.language,
  citations: r.citations,
  warnings: r.warnings,
  vote: r.vote,
  votedAt: r.voted_at ? r.voted_at.toISOString() : null,
  comment: r.comment,
});

/** The host and database of a URL, for messages and logs: never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(ugyldig DATABASE_URL)';
  }
}

export interface PostgresStoreOptions extends StoreOptions {
  log?: Logger;
  /** Connections per instance (default 10). */
  poolSize?: number;
  /** How long opening waits for the database to answer, in ms (default 10 s). */
  connectTimeoutMs?: number;
}

/** Opens the pool and runs the migrations; rejects with StoreOpenError (a message saying what to check) when it cannot. */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const busyTimeoutMs = opts.busyTimeoutMs ?? 2_000;
  const dedupeTtlMs = opts.dedupeTtlMs ?? DEDUPE_TTL_MS;
  const log = opts.log ?? childLogger({ module: 'store' });
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    query_timeout: busyTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'veileder',
  });
  // An idle connection that breaks (database restarted) must not take the process with it.
  pool.on('error', (err) => log.warn({ code: 'DATABASE_CONNECTION_LOST', err: err.message, database: where }, 'store: idle database connection lost'));

  try {
    // A connection of its own without the writes' short time-out: another replica may hold the
    // migration lock for as long as its migrations take.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000, application_name: 'veileder-migrate' });
    await client.connect();
    try {
      const ran = await migratePostgres(client);
      if (ran.length) log.info({ database: where, migrations: ran }, 'store: PostgreSQL migrations run');
    } finally {
      await client.end();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(
      `Kom ikke fram til PostgreSQL på ${where} (${(err as Error).message}). Sjekk DATABASE_URL, at databasen kjører og at brukeren har lov til å lage tabeller.`,
      err,
    );
  }

  let failedWrites = 0;
  const fail = (op: string, err: unknown) => {
    failedWrites++;
    log.warn({ code: 'FEEDBACK_STORE_FAILED', op, pg: (err as { code?: string }).code, err: (err as Error).message, failedWrites }, 'store: write failed');
  };
  const q = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => pool.query<R>(sql, params);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pool.end();
  };

  const feedback: FeedbackStore = {
    async record(answer, channel) {
      const id = randomUUID();
      try {
        await q(
          'INSERT INTO answers (id, created_at, channel, question, answer, found, language, citations, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [id, new Date(), channel, answer.question, answer.answer, answer.found, answer.language, JSON.stringify(answer.citations), JSON.stringify(answer.warnings)],
        );
        return id;
      } catch (err) {
        fail('record', err);
        return null;
      }
    },
    async vote(id, vote, comment = null) {
      const text = comment ? redact(comment).text : null;
      try {
        const res = await q('UPDATE answers SET vote = $1, voted_at = $2, comment = $3 WHERE id = $4', [vote, new Date(), text, id]);
        return res.rowCount === 1;
      } catch (err) {
        fail('vote', err);
        throw new FeedbackStoreError(err);
      }
    },
    async get(id) {
      const res = await q<Row>('SELECT * FROM answers WHERE id = $1', [id]);
      return res.rows[0] && toStored(res.rows[0]);
    },
    async report(limit = 200) {
      const res = await q<Row>("SELECT * FROM answers WHERE vote = 'down' OR NOT found ORDER BY created_at DESC LIMIT $1", [limit]);
      return res.rows.map(toStored);
    },
    async prune(before, signal) {
      try {
        await q('DELETE FROM teams_turns WHERE created_at < $1', [before]);
        await q('DELETE FROM teams_links WHERE created_at < $1', [before]);
        await q('DELETE FROM dedupe WHERE seen_at < $1', [new Date(Date.now() - dedupeTtlMs)]);
      } catch (err) {
        fail('prune', err);
        throw err;
      }
      let deleted = 0;
      for (;;) {
        let n: number;
        try {
          // Counted and deleted in one statement; rows another replica is deleting right now are skipped.
          const res = await q<{ n: number }>(
            `WITH batch AS (
               DELETE FROM answers WHERE id IN (
                 SELECT id FROM answers WHERE created_at < $1 ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
               RETURNING created_at, channel, found, vote),
             counted AS (
               INSERT INTO pruned_counts (month, channel, found, vote, answers)
               SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM'), channel, found, coalesce(vote, ''), count(*) FROM batch GROUP BY 1, 2, 3, 4
               ON CONFLICT (month, channel, found, vote) DO UPDATE SET answers = pruned_counts.answers + excluded.answers)
             SELECT count(*)::int AS n FROM batch`,
            [before, PRUNE_BATCH],
          );
          n = res.rows[0]?.n ?? 0;
        } catch (err) {
          fail('prune', err);
          throw err;
        }
        deleted += n;
        if (n < PRUNE_BATCH) return deleted;
        await yieldToEventLoop();
        if (closed || signal?.aborted) return deleted;
      }
    },
    async prunedCounts() {
      const res = await q<{ month: string; channel: FeedbackChannel; found: boolean; vote: string; answers: string }>(
        'SELECT month, channel, found, vote, answers FROM pruned_counts ORDER BY month, channel, found, vote',
      );
      return res.rows.map((r): PrunedCount => ({
        month: r.month, channel: r.channel, found: r.found, vote: r.vote === '' ? null : (r.vote as Vote), answers: Number(r.answers),
      }));
    },
    get failedWrites() {
      return failedWrites;
    },
    close,
  };

  return {
    kind: 'postgres',
    feedback,
    dedupe: {
      async firstSighting(key) {
        try {
          const res = await q(
            `INSERT INTO dedupe (key, seen_at) VALUES ($1, now())
             ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE dedupe.seen_at < now() - make_interval(secs => $2)
             RETURNING key`,
            [key, dedupeTtlMs / 1000],
          );
          return res.rowCount === 1;
        } catch (err) {
          fail('dedupe', err);
          return true;
        }
      },
    },
    conversations: {
      async turns(conversationId, max) {
        const res = await q<{ role: Turn['role']; text: string }>(
          'SELECT role, text FROM (SELECT id, role, text FROM teams_turns WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2) t ORDER BY id',
          [conversationId, max],
        );
        return res.rows.map((t) => ({ role: t.role, text: t.text }));
      },
      async addExchange(conversationId, question, answer, keep) {
        try {
          await q(
            `WITH added AS (INSERT INTO teams_turns (conversation_id, role, text) VALUES ($1, 'user', $2), ($1, 'assistant', $3) RETURNING id)
             DELETE FROM teams_turns WHERE conversation_id = $1 AND id < (
               SELECT min(id) FROM (SELECT id FROM teams_turns WHERE conversation_id = $1 UNION ALL SELECT id FROM added ORDER BY id DESC LIMIT $4) kept)`,
            [conversationId, question, answer, keep],
          );
        } catch (err) {
          fail('turns', err);
        }
      },
      async link(activityId, answerId) {
        try {
          await q(
            'INSERT INTO teams_links (activity_id, answer_id) VALUES ($1, $2) ON CONFLICT (activity_id) DO UPDATE SET answer_id = excluded.answer_id',
            [activityId, answerId],
          );
        } catch (err) {
          fail('link', err);
        }
      },
      async answerIdOf(activityId) {
        const res = await q<{ answer_id: string }>('SELECT answer_id FROM teams_links WHERE activity_id = $1', [activityId]);
        return res.rows[0]?.answer_id;
      },
    },
    bindings: {
      async get(key) {
        const res = await q<{ district: string; bound_by: string; bound_at: Date }>(
          'SELECT district, bound_by, bound_at FROM channel_districts WHERE key = $1',
          [key],
        );
        const row = res.rows[0];
        return row ? { district: row.district, by: row.bound_by, at: row.bound_at.toISOString() } : null;
      },
      async set(key, district, by) {
        if (district === null) await q('DELETE FROM channel_districts WHERE key = $1', [key]);
        else {
          await q(
            `INSERT INTO channel_districts (key, district, bound_by, bound_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (key) DO UPDATE SET district = excluded.district, bound_by = excluded.bound_by, bound_at = excluded.bound_at`,
            [key, district, by],
          );
        }
      },
      async list() {
        const res = await q<{ key: string; district: string; bound_by: string; bound_at: Date }>(
          'SELECT key, district, bound_by, bound_at FROM channel_districts ORDER BY key',
        );
        const out: Record<string, Binding> = {};
        for (const r of res.rows) out[r.key] = { district: r.district, by: r.bound_by, at: r.bound_at.toISOString() };
        return out;
      },
    },
    async ping() {
      await q('SELECT 1');
    },
    close,
  };
}
