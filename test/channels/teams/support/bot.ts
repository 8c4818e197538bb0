import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ask } from '../../../../src/answer/ask.js';
import type { Answer, AskContext } from '../../../../src/answer/types.js';
import { loadConfig } from '../../../../src/config.js';
import { createFeedbackStore, type FeedbackStore } from '../../../../src/feedback/store.js';
import { log } from '../../../../src/log.js';
import { createTeamsChannel, type TeamsChannelOptions } from '../../../../src/channels/teams/index.js';

/**
 * The Teams channel mounted on an express app listening on 127.0.0.1:0, with the REAL ask() and a
 * real in-memory feedback store. Both are only observed (calls and recorded ids are kept), never
 * replaced, so tests can compare the wire with what ask() returned for the same question.
 */

export interface AskCall {
  question: string;
  context: AskContext | undefined;
  answer: Answer;
}

export interface TeamsBot {
  url: string;
  /** The data directory the bot keeps its district bindings in. */
  dataDir: string;
  feedback: FeedbackStore;
  askCalls: AskCall[];
  /** Feedback-store ids of the answers recorded, in order. */
  answerIds: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string; headers: Headers }>;
  close(): Promise<void>;
}

export async function startTeamsBot(
  env: Record<string, string> = { TEAMS_ENABLED: 'true' },
  logger: Logger = log,
  options: TeamsChannelOptions = {},
): Promise<TeamsBot> {
  // District bindings are written to DATA_DIR: a fresh one per bot unless the test names one.
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(path.join(tmpdir(), 'veileder-teams-data-'));
  const config = loadConfig({ ...env, ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}) });
  const store = createFeedbackStore(':memory:');
  const askCalls: AskCall[] = [];
  const answerIds: string[] = [];
  const feedback: FeedbackStore = {
    ...store,
    async record(answer, channel) {
      const id = await store.record(answer, channel);
      if (id) answerIds.push(id);
      return id;
    },
  };
  const channel = await createTeamsChannel(
    {
      config,
      log: logger,
      feedback,
      async ask(question, context) {
        const answer = await ask(question, context);
        askCalls.push({ question, context, answer });
        return answer;
      },
    },
    { typingIntervalMs: 60_000, ...options },
  );
  const app = express();
  channel.mount?.(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    dataDir: config.DATA_DIR,
    feedback,
    askCalls,
    answerIds,
    async post(body, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.text(), headers: res.headers };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
