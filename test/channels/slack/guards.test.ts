import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, sendCommand, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';

const settle = () => new Promise((r) => setTimeout(r, 400));
const mention = (ts: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S?`, ts, channel: 'C0RUSFELT', ...extra,
});

describe('Slack: what is not answered', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('ignores messages from bots, itself included', async () => {
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: BOT.userId, bot_id: BOT.botId, text: 'Ansvarlig: Velferdsetaten …', ts: '1700000003.000100' }));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D0ASKER', bot_id: 'B0OTHER', text: 'Hva er tiltak 10S?', ts: '1700000003.000200' }));
    await sendEvent(h.eventsUrl, eventEnvelope(mention('1700000003.000300', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' })));
    await settle();
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers a retried event (x-slack-retry-num) only once', async () => {
    const envelope = eventEnvelope(mention('1700000003.000400'), { eventId: 'Ev0RETRY1' });
    expect((await sendEvent(h.eventsUrl, envelope)).status).toBe(200);
    expect((await sendEvent(h.eventsUrl, envelope, { retryNum: 1 })).status).toBe(200);
    expect((await sendEvent(h.eventsUrl, envelope, { retryNum: 2 })).status).toBe(200);
    await h.api.waitFor('chat.postMessage');
    await settle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.api.callsTo('reactions.add')).toHaveLength(1);
    expect(h.logs.join('\n')).toContain('"retryNum":1');
  });
});

describe('Slack: allow-lists of workspaces and channels', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ SLACK_ALLOWED_CHANNELS: 'C0RUSFELT', SLACK_ALLOWED_TEAMS: 'T0VEILEDER' });
  });
  afterAll(() => h.close());

  it('answers in an allowed channel and in DMs of an allowed workspace', async () => {
    await sendEvent(h.eventsUrl, eventEnvelope(mention('1700000004.000100')));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: 'Hva er tiltak 10S?', ts: '1700000004.000200' }));
    const posts = await h.api.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.body.channel).sort()).toEqual(['C0RUSFELT', 'D0ASKER']);
  });

  it('ignores mentions in other channels and other workspaces', async () => {
    await sendEvent(h.eventsUrl, eventEnvelope(mention('1700000004.000300', { channel: 'C0ELSEWHERE' })));
    await sendEvent(h.eventsUrl, eventEnvelope(mention('1700000004.000400'), { teamId: 'T0STRANGER' }));
    await settle();
    expect(h.api.callsTo('chat.postMessage').map((p) => p.body.channel)).not.toContain('C0ELSEWHERE');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('tells the user of /veileder in another channel that it is not switched on there', async () => {
    const res = await sendCommand(h.eventsUrl, { text: 'Hva er tiltak 10S?', channelId: 'C0ELSEWHERE', responseUrl: h.api.responseUrl('cmd-denied') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('ikke slått på i denne kanalen');
    await settle();
    expect(h.api.callsTo('response_url')).toHaveLength(0);
  });
});
