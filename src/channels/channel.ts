import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Answer, AskContext } from '../answer/types.js';
import type { Config } from '../config.js';
import type { FeedbackStore } from '../feedback/store.js';
import type { DistrictBindings } from './bindings.js';
import type { Store } from '../store/types.js';

/** What every channel adapter gets: it translates messages to ask() and Answers back, nothing more. */
export interface ChannelDeps {
  ask: (question: string, context?: AskContext) => Promise<Answer>;
  feedback: FeedbackStore;
  config: Config;
  log: Logger;
  /** Channel → district bindings, one store for all channels (server.ts); a channel opens the file store itself without. */
  bindings?: DistrictBindings;
  /** State shared by replicas and kept across restarts (Slack dedupe, Teams reply chains and vote links,
   *  district bindings); `feedback` is its feedback part. Without it a channel keeps these in memory (tests). */
  store?: Store;
}

/** A channel mounted on the one HTTP server (src/server.ts), with an optional lifecycle of its own. */
export interface Channel {
  name: 'web' | 'slack' | 'teams';
  /** Adds the channel's routes to the server's express app. */
  mount?(app: Express): void;
  /** Starts what does not run on the shared server (Slack Socket Mode). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** One line for the start-up log, e.g. "Slack (HTTP) på /slack/events". */
  describe(): string;
}
