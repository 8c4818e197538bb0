import type { Request, RequestHandler } from 'express';
import { ApiError, sendError } from './errors.js';

/**
 * Per-client fixed-window rate limiting (RATE_LIMIT_PER_MINUTE): each client gets `limit` requests per
 * window; beyond that a 429 with `Retry-After` (seconds until the window resets). Clients are keyed by
 * their socket address (express `req.ip`; no proxy is trusted).
 */

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the client's window resets (≥ 1). */
  resetSeconds: number;
}

export interface RateLimiter {
  hit(key: string): RateDecision;
  /** Clients with a window in memory. */
  clients(): number;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs?: number;
  now?: () => number;
  /** Windows kept before expired ones are swept (memory bound against many clients). */
  sweepAbove?: number;
}

export function createRateLimiter({ limit, windowMs = 60_000, now = Date.now, sweepAbove = 10_000 }: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const sweep = (t: number) => {
    for (const [key, w] of windows) if (t - w.start >= windowMs) windows.delete(key);
  };
  return {
    hit(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        if (!w && windows.size >= sweepAbove) sweep(t);
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const resetSeconds = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
      return { allowed: w.count <= limit, limit, remaining: Math.max(0, limit - w.count), resetSeconds };
    },
    clients: () => windows.size,
  };
}

export const clientKey = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (req, res, next) => {
    const d = limiter.hit(clientKey(req));
    res.setHeader('RateLimit-Limit', String(d.limit));
    res.setHeader('RateLimit-Remaining', String(d.remaining));
    res.setHeader('RateLimit-Reset', String(d.resetSeconds));
    if (d.allowed) return next();
    res.setHeader('Retry-After', String(d.resetSeconds));
    sendError(
      res,
      new ApiError('RATE_LIMITED', `For mange spørsmål på kort tid. Vent ${d.resetSeconds} sekunder og prøv igjen.`),
    );
  };
}
