import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import type { Channel } from '../../../src/channels/channel.js';
import { createSlackChannel } from '../../../src/channels/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { createFeedbackStore } from '../../../src/feedback/store.js';
import { log } from '../../../src/log.js';
import { eventEnvelope } from './support/signed.js';
import { BOT, startSlackApiStandIn, type SlackApiStandIn } from './support/slack-api-standin.js';
import { startSocketStandIn, type SocketStandIn } from './support/socket-standin.js';

/** With SLACK_APP_TOKEN the channel connects out over a WebSocket instead of mounting /slack/events. */
describe('Slack in Socket Mode', () => {
  let api: SlackApiStandIn;
  let ws: SocketStandIn;
  let channel: Channel;
  beforeAll(async () => {
    api = await startSlackApiStandIn();
    ws = await startSocketStandIn();
    api.answer('apps.connections.open', { ok: true, url: ws.url });
    const config = loadConfig({ ...process.env, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_SIGNING_SECRET: '', SLACK_API_URL: api.apiUrl });
    channel = await createSlackChannel({ ask, feedback: createFeedbackStore(':memory:'), config, log });
    await channel.start!();
  });
  afterAll(async () => {
    await channel.stop!();
    await ws.close();
    await api.close();
  });

  it('connects with the app token and mounts no HTTP route', () => {
    expect(channel.describe()).toBe('Slack (Socket Mode)');
    expect(api.callsTo('apps.connections.open')[0]!.headers.authorization).toBe('Bearer xapp-test-token');
    const routes: string[] = [];
    channel.mount?.({ use: (r: unknown) => routes.push(String(r)) } as never);
    expect(routes).toEqual([]);
  });

  it('acks an event envelope and answers the mention in its thread, once even when redelivered', async () => {
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: '1700000007.000100', channel: 'C0RUSFELT' });
    ws.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: envelope });
    await ws.waitForAck('env-1');
    const [post] = await api.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0RUSFELT', thread_ts: '1700000007.000100' });
    expect(String(post!.body.text)).toContain('10S');

    ws.send({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload: envelope });
    await ws.waitForAck('env-2');
    await new Promise((r) => setTimeout(r, 300));
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
