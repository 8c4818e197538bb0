import type { Logger } from 'pino';
import type { FeedbackStore } from './store.js';

/**
 * Retention of the feedback store: answers (with their question, votes and comments) older than
 * RETENTION_DAYS are deleted at start and then every few hours; what they were is kept as counts
 * by month, channel, found and vote (FeedbackStore.prune). A failed run (database locked) is logged
 * and tried again at the next one.
 */

export const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  /** The run now under way or last finished: how many answers it deleted (0 when it failed). */
  readonly lastRun: Promise<number>;
  stop(): void;
}

export function scheduleRetention(
  store: FeedbackStore,
  days: number,
  log: Logger,
  opts: { intervalMs?: number; now?: () => Date } = {},
): Retention {
  const now = opts.now ?? (() => new Date());
  const stopping = new AbortController();
  const run = async (): Promise<number> => {
    const before = new Date(now().getTime() - days * DAY_MS);
    try {
      if (stopping.signal.aborted) return 0;
      const deleted = await store.prune(before, stopping.signal);
      if (deleted) log.info({ deleted, before: before.toISOString(), retentionDays: days }, 'feedback: old answers deleted, kept as counts');
      return deleted;
    } catch (err) {
      if (!stopping.signal.aborted) log.warn({ code: 'FEEDBACK_RETENTION_FAILED', err: (err as Error).message }, 'feedback: deleting old answers failed; tried again later');
      return 0;
    }
  };
  let lastRun = run();
  const timer = setInterval(() => {
    lastRun = lastRun.then(run);
  }, opts.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    get lastRun() {
      return lastRun;
    },
    stop() {
      stopping.abort();
      clearInterval(timer);
    },
  };
}
