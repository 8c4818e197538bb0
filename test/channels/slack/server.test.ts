import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { loadConfig } from '../../../src/config.js';
import { createFeedbackStore } from '../../../src/feedback/store.js';
import { createServer, type VeilederServer } from '../../../src/server.js';
import { log } from '../../../src/log.js';
import { eventEnvelope, sendEvent, SIGNING_SECRET } from './support/signed.js';
import { BOT, startSlackApiStandIn, type SlackApiStandIn } from './support/slack-api-standin.js';

/** `npm start`'s server with Slack configured: /slack/events sits next to the web chat on one port. */
describe('Slack on the main server (HTTP mode)', () => {
  let api: SlackApiStandIn;
  let server: VeilederServer;
  let url: string;
  beforeAll(async () => {
    api = await startSlackApiStandIn();
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_APP_TOKEN: '',
      MICROSOFT_APP_ID: '',
      TEAMS_ENABLED: 'false',
    });
    server = await createServer({ config, ask, feedback: createFeedbackStore(':memory:'), log });
    url = await server.listen();
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  it('mounts the Slack channel and answers a signed mention in its thread', async () => {
    expect(server.channels.map((c) => c.describe())).toContain('Slack (HTTP) på /slack/events');
    const res = await sendEvent(
      `${url}slack/events`,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: '1700000006.000100', channel: 'C0RUSFELT' }),
    );
    expect(res.status).toBe(200);
    const [post] = await api.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0RUSFELT', thread_ts: '1700000006.000100' });
    expect(String(post!.body.text)).toContain('10S');
  });

  it('refuses a forged request with 401 there too', async () => {
    const res = await sendEvent(`${url}slack/events`, eventEnvelope({ type: 'app_mention', text: 'x', ts: '1', channel: 'C1' }), { secret: 'forged' });
    expect(res.status).toBe(401);
  });
});
