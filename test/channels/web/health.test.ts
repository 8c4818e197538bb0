import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/web-server.js';

let ready = false;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ ready: () => ready });
});
afterAll(() => server.close());

describe('GET /healthz and /readyz', () => {
  it('is healthy at once, ready only when the index is loaded, and asks wait until then', async () => {
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);

    const starting = await fetch(new URL('/readyz', server.url));
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('5');
    const early = await server.post('/api/ask', { question: 'Hva er tiltak 10S?' });
    expect(early.status).toBe(503);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/starter fortsatt/);

    ready = true;
    const readyRes = await fetch(new URL('/readyz', server.url));
    expect(readyRes.status).toBe(200);
    expect(await readyRes.json()).toEqual({ status: 'ready' });
    expect((await server.post('/api/ask', { question: 'Hva er tiltak 10S?' })).status).toBe(200);
  });
});
