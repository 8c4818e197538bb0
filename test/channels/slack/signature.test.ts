import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, post, sendEvent, sign, SIGNING_SECRET } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';

/** Only requests Slack signed, recently, reach the handlers. */
describe('Slack: request signatures on POST /slack/events', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  const mention = (ts: string) =>
    eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S?`, ts, channel: 'C0RUSFELT' });

  it('answers the URL verification challenge when signed', async () => {
    const res = await sendEvent(h.eventsUrl, { type: 'url_verification', token: 't', challenge: 'c-123' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('rejects a forged signature with 401 and does nothing', async () => {
    const res = await sendEvent(h.eventsUrl, mention('1700000001.000100'), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
  });

  it('rejects a body changed after signing with 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify(mention('1700000001.000200'));
    const res = await post(h.eventsUrl, signed.replace('10S', '11S'), 'application/json', { timestamp: ts, signature: sign(signed, ts, SIGNING_SECRET) });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request older than 5 minutes with 401 (replay)', async () => {
    const res = await sendEvent(h.eventsUrl, mention('1700000001.000300'), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
  });

  it('rejects a request without signature headers with 401', async () => {
    const res = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mention('1700000001.000400')) });
    expect(res.status).toBe(401);
  });

  it('lets none of the rejected requests through to the Web API', async () => {
    // Give a wrongly accepted event time to be answered before looking.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.api.callsTo('reactions.add')).toHaveLength(0);
  });
});
