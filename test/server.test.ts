import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { SIGNING_SECRET, post as slackPost } from './channels/slack/support/signed.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './channels/slack/support/slack-api-standin.js';
import { testConfig } from './support/web-server.js';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'veileder-server-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { log, lines };
}

describe('startServer', () => {
  it('builds the missing index with progress before listening, says where the chat is, and reuses the index next time', async () => {
    const config = testConfig({ DATA_DIR: dataDir, FEEDBACK_DB: path.join(dataDir, 'feedback.sqlite') });
    const progress: Array<[number, number]> = [];
    const { log, lines } = captureLog();
    const server = await startServer({ config, build: 'auto', log, onProgress: (d, t) => progress.push([d, t]) });
    try {
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const ready = lines.find((l) => String(l.msg).startsWith('Veileder er klar'));
      expect(ready?.msg).toContain(`nettchat på ${server.url}`);
      expect(ready?.channels).toEqual(['web']);
      expect((await fetch(new URL('/readyz', server.url))).status).toBe(200);
      expect((await fetch(server.url)).status).toBe(200);
      // not configured: no Slack or Teams endpoints
      expect((await fetch(new URL('/slack/events', server.url), { method: 'POST' })).status).toBe(404);
      expect((await fetch(new URL('/api/messages', server.url), { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();

    const again: Array<[number, number]> = [];
    const second = await startServer({ config, build: 'auto', log, onProgress: (d, t) => again.push([d, t]) });
    await second.close();
    expect(again).toEqual([]);
  });

  it('mounts Slack and Teams beside the web chat on the one port when they are configured', async () => {
    const slackApi: SlackApiStandIn = await startSlackApiStandIn();
    const { log, lines } = captureLog();
    const server = await startServer({
      config: testConfig({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slackApi.apiUrl,
        SLACK_APP_TOKEN: '',
        TEAMS_ENABLED: 'true',
      }),
      build: 'memory',
      log,
    });
    try {
      expect(server.channels.map((c) => c.name)).toEqual(['web', 'slack', 'teams']);
      const ready = lines.find((l) => String(l.msg).startsWith('Veileder er klar'));
      expect(ready?.msg).toContain('Slack (HTTP) på /slack/events');
      expect(ready?.msg).toContain('Teams på /api/messages');

      const events = new URL('/slack/events', server.url).href;
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' });
      const verified = await slackPost(events, challenge, 'application/json');
      expect(verified.status).toBe(200);
      expect(await verified.text()).toContain('abc123');
      expect((await slackPost(events, challenge, 'application/json', { signature: 'v0=forged' })).status).toBe(401);

      const teams = await fetch(new URL('/api/messages', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(teams.status).not.toBe(404);

      const asked = await fetch(new URL('/api/ask', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Hva er tiltak 10S?' }),
      });
      expect(asked.status).toBe(200);
    } finally {
      await server.close();
      await slackApi.close();
    }
  });
});

/** Runs `npm start`'s entry point (tsx src/server.ts) as a child process. */
function runServerProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm start (src/server.ts)', () => {
  it('stops with a Norwegian message and exit code 1 when a setting is wrong', async () => {
    const run = runServerProcess({ PORT: 'not-a-port', DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('Innstillingene er ugyldige');
    expect(run.stderr()).toContain('PORT');
  });

  it('starts, answers on the port it logs, and shuts down cleanly on SIGTERM', async () => {
    const run = runServerProcess({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, FEEDBACK_DB: path.join(dataDir, 'cli.sqlite') });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line: ${run.stderr()}`)), 45_000);
      run.child.stderr.on('data', () => {
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+\/)"/.exec(run.stderr());
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('Veileder stopper');
  }, 60_000);
});
