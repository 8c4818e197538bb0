import type Database from 'better-sqlite3';
import type { ClientBase } from 'pg';

/**
 * Schema migrations, run when a store is opened (every start). Each list only grows: a migration once
 * released is never edited, a change is a new entry. SQLite counts what has run in `PRAGMA user_version`;
 * PostgreSQL in the table `schema_migrations`, under an advisory lock so replicas starting together
 * run each migration once.
 */

type SqliteMigration = (db: Database.Database) => void;

const SQLITE: SqliteMigration[] = [
  // 1: the feedback store as released before migrations were numbered (a file from then is brought up to it).
  (db) => {
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
  },
  // 2: what lived in one process' memory or a JSON file: Slack dedupe, Teams reply chains and vote links, district bindings.
  (db) => {
    db.exec(`CREATE TABLE dedupe (key TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
    CREATE INDEX dedupe_seen_at ON dedupe (seen_at);
    CREATE TABLE teams_turns (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_id TEXT NOT NULL,
      role TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX teams_turns_conversation ON teams_turns (conversation_id, id);
    CREATE INDEX teams_turns_created_at ON teams_turns (created_at);
    CREATE TABLE teams_links (activity_id TEXT PRIMARY KEY, answer_id TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE INDEX teams_links_created_at ON teams_links (created_at);
    CREATE TABLE channel_districts (key TEXT PRIMARY KEY, district TEXT NOT NULL, bound_by TEXT NOT NULL, bound_at TEXT NOT NULL);`);
  },
];

export const SQLITE_SCHEMA_VERSION = SQLITE.length;

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < SQLITE.length; v++) {
    db.transaction(() => {
      SQLITE[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

const POSTGRES: string[] = [
  // 1: everything at once (PostgreSQL came with the replicas).
  `CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    channel TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    found BOOLEAN NOT NULL,
    language TEXT NOT NULL,
    citations JSONB NOT NULL,
    warnings JSONB NOT NULL,
    vote TEXT CHECK (vote IN ('up', 'down')),
    voted_at TIMESTAMPTZ,
    comment TEXT
  );
  CREATE INDEX answers_created_at ON answers (created_at, id);
  CREATE INDEX answers_report ON answers (created_at DESC) WHERE vote = 'down' OR NOT found;
  CREATE TABLE pruned_counts (
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    found BOOLEAN NOT NULL,
    vote TEXT NOT NULL,
    answers BIGINT NOT NULL,
    PRIMARY KEY (month, channel, found, vote)
  );
  CREATE TABLE dedupe (key TEXT PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL);
  CREATE INDEX dedupe_seen_at ON dedupe (seen_at);
  CREATE TABLE teams_turns (
    id BIGSERIAL PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX teams_turns_conversation ON teams_turns (conversation_id, id);
  CREATE INDEX teams_turns_created_at ON teams_turns (created_at);
  CREATE TABLE teams_links (activity_id TEXT PRIMARY KEY, answer_id TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
  CREATE INDEX teams_links_created_at ON teams_links (created_at);
  CREATE TABLE channel_districts (key TEXT PRIMARY KEY, district TEXT NOT NULL, bound_by TEXT NOT NULL, bound_at TIMESTAMPTZ NOT NULL);`,
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES.length;
/** Any constant shared by every replica: pg_advisory_xact_lock's key for migrations. */
const MIGRATION_LOCK = 0x7665696c; // 'veil'

/** Runs the migrations not yet run, each in its own transaction, one replica at a time. Returns the versions run. */
export async function migratePostgres(client: ClientBase): Promise<number[]> {
  const ran: number[] = [];
  // A session lock around everything, the table creation included: two replicas starting together wait in turn.
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (let v = 1; v <= POSTGRES.length; v++) {
      if (done.has(v)) continue;
      await client.query('BEGIN');
      try {
        await client.query(POSTGRES[v - 1]!);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      ran.push(v);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
  return ran;
}
