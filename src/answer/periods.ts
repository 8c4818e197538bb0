import type { Period } from '../corpus/types.js';

/** Plan periods: how they are written, and whether a plan's period has ended. */

export function formatPeriod(p: Period): string {
  return p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
}

/** A plan for 2021–2024 runs to the end of 2024: it has expired from 1 January 2025. */
export function isExpired(p: Period, today: Date): boolean {
  return p.to < today.getFullYear();
}

/** Today for period checks: the caller's date, else VEILEDER_TODAY (YYYY-MM-DD), else the clock. */
export function resolveToday(contextToday: Date | undefined, configured: string | undefined, now: () => Date): Date {
  if (contextToday && !Number.isNaN(contextToday.getTime())) return contextToday;
  if (configured) {
    const d = new Date(`${configured}T12:00:00Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return now();
}

/**
 * Among citations on the same matter as the best one (`sameMatter`), measures before prose passages
 * and, within each, current plans before expired ones; otherwise the order is kept. Plans the
 * question names itself are never moved down.
 */
export function currentFirst<T extends { expired: boolean; documentId: string; measureId: string | null }>(
  items: T[],
  sameMatter: (item: T) => boolean = () => true,
  pinned: ReadonlySet<string> = new Set(),
): T[] {
  if (items.length < 2) return items;
  const rank = (c: T) => {
    if (!sameMatter(c)) return 9;
    return (pinned.has(c.documentId) ? 0 : 4) + (c.measureId ? 0 : 2) + (c.expired ? 1 : 0);
  };
  return items
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}
