import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework connector (the `serviceUrl` of an activity), over real
 * HTTP on 127.0.0.1. It records every request the bot makes — conversation id, the activity it
 * replies to, headers and the JSON body exactly as it went over the wire — and answers each with
 * a fresh activity id, as the real connector does.
 */

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId: string | null;
  replyToId: string | null;
  headers: Record<string, string | string[] | undefined>;
  /** The activity as sent (parsed JSON). */
  body: Record<string, unknown>;
  /** The id the stand-in gave the sent activity. */
  id: string;
}

export interface StandInConnector {
  serviceUrl: string;
  requests: ConnectorRequest[];
  /** Sent activities of one type, in order. */
  sent(type: string): ConnectorRequest[];
  /** Resolves once `count` activities of `type` have arrived (or rejects after `timeoutMs`). */
  waitFor(type: string, count?: number, timeoutMs?: number): Promise<ConnectorRequest[]>;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startStandInConnector(): Promise<StandInConnector> {
  const requests: ConnectorRequest[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const match = ACTIVITIES.exec(url.pathname);
      const id = `bot-activity-${++counter}`;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        conversationId: match?.[1] ? decodeURIComponent(match[1]) : null,
        replyToId: match?.[2] ? decodeURIComponent(match[2]) : null,
        headers: req.headers,
        body,
        id,
      });
      res.writeHead(match ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(match ? { id } : { error: { code: 'NotFound', message: 'stand-in' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sent = (type: string) => requests.filter((r) => r.body.type === type);
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    sent,
    async waitFor(type, count = 1, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (sent(type).length < count) {
        if (Date.now() > until) throw new Error(`stand-in connector: waited for ${count} «${type}», got ${sent(type).length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return sent(type);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
