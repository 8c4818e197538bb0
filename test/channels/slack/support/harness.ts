import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { ask } from '../../../../src/answer/ask.js';
import type { Channel } from '../../../../src/channels/channel.js';
import { createSlackChannel } from '../../../../src/channels/slack/index.js';
import { loadConfig } from '../../../../src/config.js';
import { createFeedbackStore, type FeedbackStore } from '../../../../src/feedback/store.js';
import { SIGNING_SECRET } from './signed.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack-api-standin.js';

/**
 * The real Slack channel (Bolt, HTTP mode) with the REAL ask(), mounted on an express app on
 * 127.0.0.1:0, talking to a Slack Web API stand-in. `logs` holds every log line the channel wrote.
 */
export interface SlackHarness {
  eventsUrl: string;
  api: SlackApiStandIn;
  feedback: FeedbackStore;
  channel: Channel;
  logs: string[];
  close(): Promise<void>;
}

export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const api = await startSlackApiStandIn();
  const config = loadConfig({
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    SLACK_APP_TOKEN: '',
    ...env,
  });
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const feedback = createFeedbackStore(':memory:');
  const channel = await createSlackChannel({ ask, feedback, config, log });
  const app = express();
  channel.mount?.(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    api,
    feedback,
    channel,
    logs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await feedback.close();
    },
  };
}
