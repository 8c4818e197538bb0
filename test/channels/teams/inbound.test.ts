import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../../src/channels/teams/inbound.js';
import { message } from './support/activities.js';
import { startTeamsBot, type TeamsBot } from './support/bot.js';
import { startStandInConnector, type StandInConnector } from './support/connector.js';

let connector: StandInConnector;

beforeAll(async () => {
  connector = await startStandInConnector();
});
afterAll(async () => {
  await connector.close();
});
afterEach(() => {
  connector.requests.length = 0;
});

describe('with an app id configured', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(() => bot.close());

  it('answers 401 to an activity without a Bot Framework token, and sends nothing', async () => {
    const res = await bot.post(message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' }));
    expect(res.status).toBe(401);
    expect(bot.askCalls).toHaveLength(0);
    expect(connector.requests).toHaveLength(0);
  });

  it('answers 401 to a forged token, and sends nothing', async () => {
    const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
    const res = await bot.post(message({ serviceUrl: 'https://smba.trafficmanager.net/emea/', text: 'hei' }), {
      authorization: forged,
    });
    expect(res.status).toBe(401);
    expect(bot.askCalls).toHaveLength(0);
    expect(connector.requests).toHaveLength(0);
  });
});

describe('without credentials (TEAMS_ENABLED=true)', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ TEAMS_ENABLED: 'true' });
  });
  afterAll(() => bot.close());

  it('serves a loopback client with a local serviceUrl (Bot Framework Emulator)', async () => {
    const res = await bot.post(message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' }));
    expect(res.status).toBe(200);
    await connector.waitFor('message');
  });

  it('refuses to post replies to a serviceUrl off this machine (403), and sends nothing', async () => {
    const asked = bot.askCalls.length;
    const res = await bot.post(message({ serviceUrl: 'https://attacker.example/', text: 'Hva er tiltak 10S?' }));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('TEAMS_SERVICE_URL_NOT_LOCAL');
    expect(bot.askCalls).toHaveLength(asked);
    expect(connector.requests).toHaveLength(0);
  });

  it('answers 413 to an oversized body and 400 to one that is not JSON, as JSON errors', async () => {
    const huge = await bot.post({ ...message({ serviceUrl: connector.serviceUrl, text: 'x' }), text: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('TEAMS_ACTIVITY_TOO_LARGE');
    const broken = await bot.post('{"type": "message",');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('TEAMS_ACTIVITY_INVALID');
  });

  it('answers 400 with a reason to a body that is not an activity', async () => {
    const res = await bot.post({ hello: 'world' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'TEAMS_ACTIVITY_INVALID' });
    expect(JSON.parse(res.body).error.message).toContain('serviceUrl');
  });
});

describe('isLoopback (the guard that keeps an unauthenticated endpoint local)', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', 'localhost', '[::1]'])('accepts %s', (a) => {
    expect(isLoopback(a)).toBe(true);
  });
  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', 'example.com', '127.0.0.1.evil.example', '', undefined])(
    'refuses %s',
    (a) => {
      expect(isLoopback(a)).toBe(false);
    },
  );
});

describe('without credentials, behind a reverse proxy on the same host', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ TEAMS_ENABLED: 'true' });
  });
  afterAll(() => bot.close());

  it.each([
    ['X-Forwarded-For', { 'x-forwarded-for': '203.0.113.7' }],
    ['Forwarded', { forwarded: 'for=203.0.113.7;proto=https' }],
    ['X-Real-IP', { 'x-real-ip': '203.0.113.7' }],
    ['Via', { via: '1.1 proxy' }],
  ])('refuses a request forwarded with %s (403), and asks and sends nothing', async (_h, headers) => {
    const res = await bot.post(message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' }), headers);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('TEAMS_FORWARDED_REFUSED');
    expect(bot.askCalls).toHaveLength(0);
    expect(connector.requests).toHaveLength(0);
  });

  it('refuses a request for a public host name (a proxy passing Host on), and serves one for this machine', async () => {
    const activity = message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' });
    const viaProxy = await rawPost(bot.url, activity, 'veileder.oslo.kommune.no');
    expect(viaProxy.status).toBe(403);
    expect(JSON.parse(viaProxy.body).error.code).toBe('TEAMS_FORWARDED_REFUSED');
    expect((await rawPost(bot.url, activity, 'localhost:3978')).status).toBe(200);
  });
});

describe('bad bodies get coded JSON errors, never HTML with stack traces and paths', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ TEAMS_ENABLED: 'true' });
  });
  afterAll(() => bot.close());

  it.each([
    ['corrupt gzip', { 'content-encoding': 'gzip' }, 'garbage', 400],
    ['an unknown Content-Encoding', { 'content-encoding': 'xyz' }, '{}', 415],
    ['an unknown charset', { 'content-type': 'application/json; charset=klingon' }, '{}', 415],
    ['a JSON array', {}, '[]', 400],
    ['a JSON string', {}, '"x"', 400],
  ] as const)('%s', async (_label, headers, body, status) => {
    const res = await bot.post(body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).error.code).toMatch(/^TEAMS_ACTIVITY_|^BAD_ENCODING$/);
    expect(res.body).not.toMatch(/<html|<pre|node_modules|\/work\/|\bat \w+/);
  });
});

/** POST with a chosen Host header (fetch does not let a test set it). */
function rawPost(url: string, body: unknown, host: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
