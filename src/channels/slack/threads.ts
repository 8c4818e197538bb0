/**
 * The channel threads Veileder has answered in, so a follow-up there is answered without a new
 * @mention — and nothing else in a channel is. Remembered in memory (bounded, oldest first out, for
 * a week); after a restart a thread is recognised by Veileder's own reply in it (history.ts), and a
 * thread found not to be ours is not looked up again for ten minutes.
 */
export interface AnsweredThreads {
  remember(channel: string, threadTs: string): void;
  /** true: ours; false: looked up recently and not ours; undefined: not known. */
  known(channel: string, threadTs: string): boolean | undefined;
  rememberNotOurs(channel: string, threadTs: string): void;
}

export function createAnsweredThreads({ max = 10_000, ttlMs = 7 * 24 * 3_600_000, negativeTtlMs = 10 * 60_000, now = Date.now } = {}): AnsweredThreads {
  const entries = new Map<string, { ours: boolean; at: number }>();
  const key = (channel: string, ts: string) => `${channel}:${ts}`;
  const put = (k: string, ours: boolean) => {
    entries.delete(k);
    entries.set(k, { ours, at: now() });
    while (entries.size > max) entries.delete(entries.keys().next().value!);
  };
  return {
    remember: (channel, ts) => put(key(channel, ts), true),
    rememberNotOurs: (channel, ts) => put(key(channel, ts), false),
    known(channel, ts) {
      const e = entries.get(key(channel, ts));
      if (!e) return undefined;
      if (now() - e.at > (e.ours ? ttlMs : negativeTtlMs)) {
        entries.delete(key(channel, ts));
        return undefined;
      }
      return e.ours;
    },
  };
}
