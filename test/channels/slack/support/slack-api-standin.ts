import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Slack Web API and for response_url, over real HTTP on 127.0.0.1 (port 0).
 * Give `apiUrl` as SLACK_API_URL and `responseUrl(id)` as a payload's response_url. Every call is
 * recorded with its parsed body; Web API methods answer `{ ok: true, … }` (auth.test with the bot's
 * ids, chat.postMessage with a fresh ts, conversations.replies/history with the scripted messages), unless a
 * failure is scripted with `failNext(method, error)` or another answer with `answer(method, payload)`.
 */

export interface SlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  method: string;
  path: string;
  /** Form fields (JSON-looking values parsed) or the JSON body. */
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface HttpFailure {
  status?: number;
  retryAfter?: number;
  /** Wait this long before answering (a time-out for a client with a shorter one). */
  delayMs?: number;
  times?: number;
}

export const BOT = { userId: 'UVEILEDER', botId: 'BVEILEDER', teamId: 'T0VEILEDER' } as const;

export interface SlackApiStandIn {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Resolves once `count` calls to `method` were recorded (rejects after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<SlackCall[]>;
  /** Messages conversations.replies returns for a thread (key: `${channel}:${ts}`). */
  threads: Map<string, Array<Record<string, unknown>>>;
  /** Messages conversations.history returns for a channel, newest first as Slack gives them. */
  histories: Map<string, Array<Record<string, unknown>>>;
  failNext(method: string, error: string): void;
  /**
   * The next `times` calls to `method` fail at the HTTP level as Slack's edge does: `status` 429 with
   * a `Retry-After` header (seconds), a 5xx with an HTML body, or no answer for `delayMs` first.
   */
  failHttp(method: string, failure: HttpFailure): void;
  /** Answer `method` with this payload from now on (e.g. apps.connections.open for Socket Mode). */
  answer(method: string, payload: Record<string, unknown>): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export async function startSlackApiStandIn(): Promise<SlackApiStandIn> {
  const calls: SlackCall[] = [];
  const threads = new Map<string, Array<Record<string, unknown>>>();
  const histories = new Map<string, Array<Record<string, unknown>>>();
  const failures = new Map<string, string>();
  const httpFailures = new Map<string, HttpFailure & { times: number }>();
  const answers = new Map<string, Record<string, unknown>>();
  const waiters = new Set<() => void>();
  let tsCounter = 0;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const method = path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url';
      const body = parseBody(raw, req.headers['content-type']);
      calls.push({ method, path, body, headers: req.headers, at: Date.now() });
      for (const w of waiters) w();
      const http = httpFailures.get(method);
      if (http) {
        http.times -= 1;
        if (http.times <= 0) httpFailures.delete(method);
        const answerHttp = () => {
          if (res.destroyed) return;
          if (http.status === 429) {
            res.writeHead(429, { 'retry-after': String(http.retryAfter ?? 1), 'content-type': 'application/json' });
            return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          }
          if (http.status) {
            res.writeHead(http.status, { 'content-type': 'text/html' });
            return res.end('<html><body>Service Unavailable</body></html>');
          }
          return undefined;
        };
        if (http.status) {
          setTimeout(answerHttp, http.delayMs ?? 0);
          return;
        }
        // A delay alone: answer normally, but late.
        setTimeout(() => !res.destroyed && respondNormally(method, body), http.delayMs ?? 0);
        return;
      }
      respondNormally(method, body);
    });

    function respondNormally(method: string, body: Record<string, unknown>): void {
      const send = (payload: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        return send({ ok: false, error: failure });
      }
      const answer = answers.get(method);
      if (answer) return send(answer);
      switch (method) {
        case 'response_url':
          return send({ ok: true });
        case 'auth.test':
          return send({ ok: true, url: 'https://veileder-test.slack.com/', team: 'Test', user: 'veileder', team_id: BOT.teamId, user_id: BOT.userId, bot_id: BOT.botId });
        case 'chat.postMessage':
          tsCounter += 1;
          return send({ ok: true, channel: body.channel, ts: `1800000000.${String(tsCounter).padStart(6, '0')}`, message: { text: body.text } });
        case 'conversations.replies':
          return send({ ok: true, messages: threads.get(`${String(body.channel)}:${String(body.ts)}`) ?? [], has_more: false });
        case 'conversations.history':
          return send({ ok: true, messages: histories.get(String(body.channel)) ?? [], has_more: false });
        default:
          return send({ ok: true });
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callsTo = (method: string) => calls.filter((c) => c.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo,
    threads,
    histories,
    failNext: (method, error) => failures.set(method, error),
    failHttp: (method, failure) => httpFailures.set(method, { ...failure, times: failure.times ?? 1 }),
    answer: (method, payload) => answers.set(method, payload),
    waitFor(method, count = 1, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = callsTo(method);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`stand-in: ${count}× ${method} not seen in ${timeoutMs} ms (saw ${calls.map((c) => c.method).join(', ')})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
