import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { ask } from '../../../../src/answer/ask.js';
import type { AskContext } from '../../../../src/answer/types.js';
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
  /** Its own data directory (channel-districts.json lives there). */
  dataDir: string;
  /** Every context ask() was called with, in order: what the channel passed (history, district). */
  askContexts: AskContext[];
  close(): Promise<void>;
}

export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const api = await startSlackApiStandIn();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'veileder-slack-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    SLACK_APP_TOKEN: '',
    ...env,
  });
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const feedback = createFeedbackStore(':memory:');
  const askContexts: AskContext[] = [];
  // The real ask(), with what it was called with written down.
  const recordingAsk: typeof ask = (question, context) => {
    askContexts.push(context ?? {});
    return ask(question, context);
  };
  const channel = await createSlackChannel({ ask: recordingAsk, feedback, config, log });
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
    dataDir,
    askContexts,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await feedback.close();
    },
  };
}
