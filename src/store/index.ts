import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { describeDatabaseUrl, openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Binding, BindingStore, ConversationStore, Deduper, Store } from './types.js';
export { StoreOpenError } from './types.js';

/** PostgreSQL when DATABASE_URL is set (shared by replicas), else the SQLite file FEEDBACK_DB. Runs the migrations. */
export async function openStore(config: Config, log: Logger): Promise<Store> {
  if (config.DATABASE_URL) {
    const store = await openPostgresStore(config.DATABASE_URL, { log });
    log.info({ store: 'postgres', database: describeDatabaseUrl(config.DATABASE_URL) }, 'store: PostgreSQL');
    return store;
  }
  return openSqliteStore(config.feedbackDb, { log });
}
