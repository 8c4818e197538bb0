import { ask as realAsk } from '../../src/answer/ask.js';
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { createFeedbackStore, type FeedbackStore } from '../../src/feedback/store.js';
import { createServer, type ServerDeps } from '../../src/server.js';

/**
 * A real Veileder HTTP server on 127.0.0.1:0 with the real ask() and an in-memory feedback store.
 * `env` overrides settings (e.g. RATE_LIMIT_PER_MINUTE); `ready` lets a test hold readiness back.
 */
export interface TestServer {
  url: string;
  config: Config;
  feedback: FeedbackStore;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { env?: Record<string, string>; ready?: ServerDeps['ready']; log?: ServerDeps['log'] } = {},
): Promise<TestServer> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', FEEDBACK_DB: ':memory:', ...opts.env });
  const feedback = createFeedbackStore(':memory:');
  const server = await createServer({ config, ask: realAsk, feedback, ready: opts.ready, log: opts.log });
  const url = await server.listen();
  return {
    url,
    config,
    feedback,
    post: (path, body, headers = {}) =>
      fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await server.close();
      feedback.close();
    },
  };
}
