import type { Deduper } from '../../store/types.js';

/**
 * Remembers the Events API deliveries already taken on, so a retry (Slack resends with
 * `x-slack-retry-num` when it did not see an ack in time, and Socket Mode redelivers) is not answered
 * twice. Keyed by `event_id`; entries expire after `ttlMs` and the oldest go first beyond `max`.
 * The server passes the store's deduper (sharedEventDeduper), so a retry reaching another replica is skipped too.
 */
export interface EventDeduper {
  /** True the first time an id is seen (take it on), false for a repeat within the window. */
  firstSighting(eventId: string): boolean | Promise<boolean>;
  readonly size?: number;
}

/** The store's deduper (src/store/), shared by every replica and kept across restarts; keys get a `slack:` prefix. */
export function sharedEventDeduper(store: Deduper): EventDeduper {
  return { firstSighting: (eventId) => store.firstSighting(`slack:${eventId}`) };
}

export function createEventDeduper({ ttlMs = 15 * 60_000, max = 10_000, now = Date.now } = {}): EventDeduper {
  const seen = new Map<string, number>();
  const prune = (t: number) => {
    for (const [id, at] of seen) {
      if (t - at <= ttlMs && seen.size <= max) break;
      seen.delete(id);
    }
  };
  return {
    firstSighting(eventId) {
      const t = now();
      prune(t);
      const at = seen.get(eventId);
      if (at !== undefined && t - at <= ttlMs) return false;
      seen.set(eventId, t);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
