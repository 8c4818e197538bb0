import type { Logger } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';

/**
 * A real Veileder server (startServer, as `npm start` runs it) on 127.0.0.1:0 with the real ask(), the
 * search index built in memory and an in-memory feedback store. `env` overrides settings.
 */
export interface TestServer extends RunningServer {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', FEEDBACK_DB: ':memory:', ...env });

export async function startTestServer(opts: { env?: Record<string, string>; log?: Logger } = {}): Promise<TestServer> {
  const server = await startServer({ config: testConfig(opts.env), build: 'memory', log: opts.log });
  return {
    ...server,
    post: (path, body, headers = {}) =>
      fetch(new URL(path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
