import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../src/answer/ask.js';
import type { Answer } from '../src/answer/types.js';
import { createLogger } from '../src/log.js';
import { createMetrics } from '../src/metrics.js';
import { openSearcher } from '../src/search/index.js';
import { createServer } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { startTestServer, testConfig, type TestServer } from './support/web-server.js';

/** What an operator relies on: /metrics, request ids through a question's log lines, a stop that lets questions finish. */

const lines: Array<Record<string, unknown>> = [];
const log = createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }), 'info');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ log });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('GET /metrics', () => {
  it('counts questions, refusals, latency and votes in Prometheus format', async () => {
    const answered = await server.post('/api/ask', { question: 'Hva er tiltak 10S?' });
    await server.post('/api/ask', { question: 'Hvor mange parkeringsplasser har rådhuset?' });
    await server.post('/api/feedback', { answerId: answered.headers.get('x-answer-id'), vote: 'down' });
    const res = await fetch(new URL('/metrics', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^veileder_questions_total\{channel="web",found="true",app="veileder"\} 1$/m);
    expect(text).toMatch(/^veileder_questions_total\{channel="web",found="false",app="veileder"\} 1$/m);
    expect(text).toMatch(/^veileder_refusals_total\{channel="web",intent="[a-z+-]+",app="veileder"\} 1$/m);
    expect(text).toMatch(/^veileder_answer_duration_seconds_count\{app="veileder",channel="web"\} 2$/m);
    expect(text).toMatch(/^veileder_votes_total\{vote="down",app="veileder"\} 1$/m);
    expect(text).toMatch(/^veileder_store_failed_writes\{app="veileder"\} 0$/m);
    expect(text).toContain('veileder_process_resident_memory_bytes');
    expect(text).not.toMatch(/tiltak|parkering/i);
  });
});

describe('request ids', () => {
  it('carries the proxy\'s X-Request-Id (or a new one) on every log line of a question, and back', async () => {
    lines.length = 0;
    const res = await server.post('/api/ask', { question: 'Hva er tiltak 10S?' }, { 'x-request-id': 'proxy-req-42' });
    expect(res.headers.get('x-request-id')).toBe('proxy-req-42');
    const mine = lines.filter((l) => l.reqId === 'proxy-req-42').map((l) => l.msg);
    // ask()'s line and the web channel's line, from two modules, one id.
    expect(mine).toEqual(expect.arrayContaining(['ask', 'web answer']));

    const other = await server.post('/api/ask', { question: 'Hva er FACT?' }, { 'x-request-id': 'bad id with spaces\u00e6' });
    const fresh = other.headers.get('x-request-id')!;
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.reqId === fresh).map((l) => l.msg)).toEqual(expect.arrayContaining(['ask', 'web answer']));
  });
});

describe('graceful stop', () => {
  it('finishes the question in flight before it stops, then refuses new connections', async () => {
    const config = testConfig({ SHUTDOWN_TIMEOUT_MS: '10000' });
    const searcher = await openSearcher({ config, build: 'memory' });
    const real = createAsk({ config, searcher });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inAsk = new Promise<void>((r) => (entered = r));
    const ask = async (q: string, c?: Parameters<typeof real>[1]): Promise<Answer> => {
      entered();
      await held;
      return real(q, c);
    };
    const store = openSqliteStore(':memory:');
    const s = await createServer({ config, ask, feedback: store.feedback, store, metrics: createMetrics(), log });
    const url = await s.listen();
    const pending = fetch(new URL('/api/ask', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Hva er tiltak 10S?' }) });
    await inAsk;
    const closing = s.close();
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(closed).toBe(false);
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { found: boolean }).found).toBe(true);
    await closing;
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
    await store.close();
  });

});
