import type { Turn } from '../answer/types.js';
import type { FeedbackStore } from '../feedback/store.js';

/**
 * Everything Veileder keeps beyond one request, behind one interface with two implementations:
 * SQLite (the embedded default, one file in DATA_DIR) and PostgreSQL (DATABASE_URL, shared by every
 * replica). Each part is what a second instance or a restart must not lose or split:
 * answers and votes (feedback), Slack's retry dedupe, Teams reply chains and the message→answer link
 * for votes, and the channel→district bindings. Migrations run when a store is opened.
 */

/** One delivery taken on once across every replica (Slack event ids, replayed commands and clicks). */
export interface Deduper {
  /** True the first time `key` is seen within the window (take it on), false for a repeat.
   *  When the store cannot be reached it answers true (logged): answering twice beats never. */
  firstSighting(key: string): Promise<boolean>;
}

/** Teams: the earlier turns of a conversation (a reply chain has its own id) and which stored answer a sent message carries. */
export interface ConversationStore {
  /** The conversation's last `max` turns, oldest first. */
  turns(conversationId: string, max: number): Promise<Turn[]>;
  /** Records a question (already free of personal data) and its answer, keeping the last `keep` turns. */
  addExchange(conversationId: string, question: string, answer: string, keep: number): Promise<void>;
  /** Remembers that the bot message `activityId` carries the stored answer `answerId`. */
  link(activityId: string, answerId: string): Promise<void>;
  answerIdOf(activityId: string): Promise<string | undefined>;
}

/** A channel's district binding (same shape as src/channels/bindings.ts' Binding). */
export interface Binding {
  district: string;
  /** Who bound it (a Slack or Teams user id) and when. */
  by: string;
  at: string;
}

/** Same interface as src/channels/bindings.ts' DistrictBindings (keys `slack:T…:C…`, `teams:<tenant>:<conversation>`). */
export interface BindingStore {
  get(key: string): Promise<Binding | null>;
  /** Binds the channel to a district; `null` removes the binding. Throws when it could not be stored. */
  set(key: string, district: string | null, by: string): Promise<void>;
  list(): Promise<Record<string, Binding>>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly feedback: FeedbackStore;
  readonly dedupe: Deduper;
  readonly conversations: ConversationStore;
  readonly bindings: BindingStore;
  /** Resolves when the database answers (GET /readyz), rejects otherwise; bounded by a short time-out. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** How long a write may wait (SQLite: another connection's lock; PostgreSQL: the query), in ms. */
  busyTimeoutMs?: number;
  /** How long a dedupe key is remembered (default 15 minutes, longer than Slack's retries). */
  dedupeTtlMs?: number;
}

/** Raised when a store cannot be opened (database unreachable, migration failed): start-up stops with the message. */
export class StoreOpenError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export const DEDUPE_TTL_MS = 15 * 60_000;
