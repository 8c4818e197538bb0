import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubbing } from '../src/log.js';
import { startTestServer, type TestServer } from './support/web-server.js';

/** Errors as a client sees them (issue 14): JSON with a code, 4xx for what the client sent, no stack, no paths. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { TEAMS_ENABLED: 'true', LOG_LEVEL: 'silent' } });
});
afterAll(() => server.close());

async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  // nothing of the server's insides: no stack frames, no absolute paths, no HTML
  expect(text).not.toMatch(/\bat \w|node_modules|\/work\/|\/home\/|<html|<pre>/i);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(20);
  return body;
}

const post = (p: string, body: string | Buffer, headers: Record<string, string>) =>
  fetch(new URL(p, server.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

describe('a bad Content-Encoding', () => {
  it('is a 400 with a code, on the web API and on the Teams endpoint alike', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      await expectJsonError(await post('/api/ask', 'this is not compressed', { 'content-encoding': encoding }), 400, 'BAD_ENCODING');
      await expectJsonError(await post('/api/messages', 'x', { 'content-encoding': encoding }), 400, 'BAD_ENCODING');
    }
    await expectJsonError(await post('/api/ask', '{}', { 'content-encoding': 'compress' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('does not stop a body that is compressed as it says from being answered', async () => {
    const res = await post('/api/ask', gzipSync(JSON.stringify({ question: 'Hva er tiltak 10S?' })), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { citations: { measureId: string }[] }).citations[0]?.measureId).toBe('10S');
  });
});

describe('Range requests', () => {
  it('get the part asked for, or a JSON 416 naming the file length — never an HTML stack trace', async () => {
    const part = await fetch(new URL('/app.js', server.url), { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect((await part.text()).length).toBe(10);
    for (const [file, range] of [['/app.js', 'bytes=99999999-'], ['/', 'bytes=5-1'], ['/style.css', 'bytes=-0']] as const) {
      const res = await fetch(new URL(file, server.url), { headers: { range } });
      await expectJsonError(res, 416, 'RANGE_NOT_SATISFIABLE');
      expect(res.headers.get('content-range')).toMatch(/^bytes \*\/\d+$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('unknown paths', () => {
  it('are a JSON 404 outside /api too', async () => {
    await expectJsonError(await fetch(new URL('/wp-login.php', server.url)), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(new URL('/api/nope', server.url)), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(new URL('/%E0%A4%A', server.url)), 404, 'NOT_FOUND');
  });
});

describe('the log', () => {
  it('never writes the credentials of a URL, from a real connection error or a message', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info', ...scrubbing }, { write: (l: string) => void lines.push(l) });
    // The error fetch itself throws for such a URL, as the OpenAI client did with OPENAI_BASE_URL.
    const err = await fetch('http://veileder:hunter2@127.0.0.1:9/v1/embeddings').catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain('hunter2');
    log.fatal({ err, baseUrl: 'https://veileder:hunter2@example.invalid/v1' }, 'Veileder could not start');
    log.error(err as Error);
    log.warn('calling https://veileder:hunter2@example.invalid/v1');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('hunter2');
      expect(line).toContain('://***@');
    }
    expect(JSON.parse(lines[0]!).err.type).toBe('TypeError');
  });
});

/** Runs `npm start`'s entry point as a child process, optionally as another user; resolves on exit. */
function runStart(env: Record<string, string>, uid?: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr }))));
}

describe('npm start when it cannot start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'veileder-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a data directory it may not write, and says which setting moves it — not the port', async () => {
    const parent = mkdtempSync(path.join(dir, 'parent-'));
    chmodSync(parent, 0o555);
    chmodSync(dir, 0o755);
    const dataDir = path.join(parent, 'data');
    // root may write anywhere: run as nobody then, as an operator's service user would be.
    const asRoot = process.getuid?.() === 0;
    const run = await runStart({ DATA_DIR: dataDir, FEEDBACK_DB: '' }, asRoot ? 65534 : undefined);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Kan ikke bruke ${dataDir}`);
    expect(run.stderr).toContain('DATA_DIR=');
    expect(run.stderr).not.toMatch(/port/i);
  }, 60_000);

  it('names a data directory that is a file', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const run = await runStart({ DATA_DIR: path.join(file, 'data'), FEEDBACK_DB: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}`);
    expect(run.stderr).toContain('ikke en mappe');
  }, 60_000);

  it('refuses credentials inside OPENAI_BASE_URL, and never prints them', async () => {
    const run = await runStart({ DATA_DIR: dir, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://veileder:hunter2@127.0.0.1:9/v1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('OPENAI_BASE_URL');
    expect(run.stderr).toContain('OPENAI_API_KEY');
    expect(run.stderr).not.toContain('hunter2');
  }, 60_000);
});
