import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../../../src/answer/ask.js';
import { createFeedbackStore } from '../../../src/feedback/store.js';
import { openSearcher } from '../../../src/search/index.js';
import { createServer, type VeilederServer } from '../../../src/server.js';
import { testConfig } from '../../support/web-server.js';

let ready = false;
let server: VeilederServer;
let url: string;
const feedback = createFeedbackStore(':memory:');

beforeAll(async () => {
  const config = testConfig();
  // The index opens while the server already listens: not ready until it is loaded.
  const searcher = openSearcher({ config, build: 'memory' });
  const ask = createAsk({ config, searcher: () => searcher });
  server = await createServer({ config, ask, feedback, ready: () => ready });
  url = await server.listen();
  await searcher;
});
afterAll(async () => {
  await server.close();
  await feedback.close();
});

const post = (path: string, body: unknown) =>
  fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /healthz and /readyz', () => {
  it('is healthy at once, ready only when the index is loaded, and asks wait until then', async () => {
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);

    const starting = await fetch(new URL('/readyz', url));
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('5');
    const early = await post('/api/ask', { question: 'Hva er tiltak 10S?' });
    expect(early.status).toBe(503);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/starter fortsatt/);

    ready = true;
    const readyRes = await fetch(new URL('/readyz', url));
    expect(readyRes.status).toBe(200);
    expect(await readyRes.json()).toEqual({ status: 'ready' });
    const answered = await post('/api/ask', { question: 'Hva er tiltak 10S?' });
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { found: boolean }).found).toBe(true);
  });
});
