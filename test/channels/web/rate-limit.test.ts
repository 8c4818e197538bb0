import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/channels/web/rate-limit.js';
import { startTestServer, type TestServer } from '../../support/web-server.js';

describe('createRateLimiter', () => {
  it('allows `limit` requests per client per window, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.hit('a').allowed).toBe(true);
    now += 10_000;
    expect(limiter.hit('a')).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.hit('b').allowed).toBe(true);
    const denied = limiter.hit('a');
    expect(denied).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 50 });
    now += 50_000;
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('forgets expired clients so many clients do not grow memory without bound', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => now, sweepAbove: 3 });
    for (const k of ['a', 'b', 'c']) limiter.hit(k);
    expect(limiter.clients()).toBe(3);
    now = 500;
    limiter.hit('d'); // nothing has expired yet: kept
    expect(limiter.clients()).toBe(4);
    now = 5_000;
    limiter.hit('e'); // a–d expired and are swept
    expect(limiter.clients()).toBe(1);
    expect(limiter.hit('e').allowed).toBe(false);
  });
});

describe('rate limiting on POST /api/ask', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After and a Norwegian message beyond RATE_LIMIT_PER_MINUTE', async () => {
    for (let i = 0; i < 2; i++) expect((await server.post('/api/ask', { question: 'Hva er tiltak 10S?' })).status).toBe(200);
    const res = await server.post('/api/ask', { question: 'Hva er tiltak 10S?' });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain(`Vent ${retryAfter} sekunder`);
    // health checks are not limited
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
  });
});
