import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClickBody, commandBody, eventEnvelope, post, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';

/**
 * What reaches /slack/events before a handler runs (issue 14): the body is only read when the headers
 * could belong to a request Slack signed, never more than Slack sends, and a signed request is taken
 * once — whether its timestamp is old, in the future, or the same request comes again.
 */

/** Declares a 4 MB body, sends the first kilobyte and waits: the status code, or 'no answer' when the server waits for the rest. */
function postHugeBody(url: string, headers: Record<string, string>, waitMs = 1_500): Promise<number | 'no answer'> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(4 * 1024 * 1024), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, waitMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || err.message === 'socket hang up') return;
      clearTimeout(timer);
      reject(err);
    });
    req.write('{"type":"event_callback","pad":"'.padEnd(1024, 'x'));
  });
}

const now = () => Math.floor(Date.now() / 1000);

describe('Slack: the gate in front of POST /slack/events', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('refuses a request without signature headers with 401 before reading its body', async () => {
    expect(await postHugeBody(h.eventsUrl, {})).toBe(401);
  });

  it('refuses a signed-looking request larger than Slack ever sends with 413 before reading it', async () => {
    const status = await postHugeBody(h.eventsUrl, { 'x-slack-request-timestamp': String(now()), 'x-slack-signature': `v0=${'a'.repeat(64)}` });
    expect(status).toBe(413);
  });

  it('refuses a correctly signed request stamped more than five minutes in the future with 401', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    const mention = eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S?`, ts: '1700000010.000100', channel: 'C0RUSFELT' });
    const res = await sendEvent(h.eventsUrl, mention, { timestamp: now() + 60 * 60 });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('answers a slash command replayed inside the window once', async () => {
    const body = commandBody({ text: 'Hva er tiltak 10S i Tryggere liv?', responseUrl: h.api.responseUrl('replayed-cmd') });
    const timestamp = now();
    const first = await post(h.eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp });
    expect(first.status).toBe(200);
    const again = await post(h.eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp });
    expect(again.status).toBe(200);
    await h.api.waitFor('response_url');
    await new Promise((r) => setTimeout(r, 500));
    expect(h.api.callsTo('response_url').filter((c) => c.path === '/response/replayed-cmd')).toHaveLength(1);
  });

  it('takes a button click replayed inside the window once', async () => {
    const value = JSON.stringify({ answerId: '00000000-0000-4000-8000-000000000000', language: 'nb' });
    const body = buttonClickBody({ actionId: 'veileder_share', value, responseUrl: h.api.responseUrl('replayed-click') });
    const timestamp = now();
    const before = h.api.callsTo('response_url').length;
    expect((await post(h.eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp })).status).toBe(200);
    expect((await post(h.eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp })).status).toBe(200);
    await h.api.waitFor('response_url', before + 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.api.callsTo('response_url').filter((c) => c.path === '/response/replayed-click')).toHaveLength(1);
  });
});
