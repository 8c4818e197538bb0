import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework connector (the `serviceUrl` of an activity), over real
 * HTTP on 127.0.0.1. It records every request the bot makes — conversation id, the activity it
 * replies to, headers and the JSON body exactly as it went over the wire — and answers as Teams does:
 *
 * - an activity whose whole payload, encoded as UTF-16, is over 40 KB is refused with
 *   `413 MessageSizeTooBig` (Teams' documented limit; the stricter of its two readings);
 * - a message with both text and attachments is split into two messages (the text, then the
 *   attachments), each with its own id, and the bot gets `202 Accepted` with no id;
 * - anything else gets `200` with a fresh activity id.
 */

/** Teams' size limit for a bot message, as the stand-in applies it: 40 KB of UTF-16. */
export const TEAMS_MAX_MESSAGE_BYTES = 40 * 1024;

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId: string | null;
  replyToId: string | null;
  headers: Record<string, string | string[] | undefined>;
  /** The activity as sent (parsed JSON). */
  body: Record<string, unknown>;
  /** Size of the payload as Teams counts it (UTF-16 bytes). */
  utf16Bytes: number;
  /** HTTP status the stand-in answered with. */
  status: number;
  /**
   * The id of the message as it appears in Teams (for a split message: the text part's id, the one
   * a 👍/👎 on the text refers to). Null when the message was refused.
   */
  id: string | null;
  /** The id returned to the bot: null when Teams split the message (202) or refused it. */
  returnedId: string | null;
  /** For a split message: the ids of the text part and the attachments part. */
  splitInto?: [string, string];
}

export interface StandInConnector {
  serviceUrl: string;
  requests: ConnectorRequest[];
  /** Sent activities of one type, in order (refused ones included). */
  sent(type: string): ConnectorRequest[];
  /** Resolves once `count` activities of `type` have arrived (or rejects after `timeoutMs`). */
  waitFor(type: string, count?: number, timeoutMs?: number): Promise<ConnectorRequest[]>;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startStandInConnector(): Promise<StandInConnector> {
  const requests: ConnectorRequest[] = [];
  let counter = 0;
  const nextId = () => `bot-activity-${++counter}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const match = ACTIVITIES.exec(url.pathname);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const utf16Bytes = Buffer.byteLength(raw, 'utf16le');
      const attachments = Array.isArray(body.attachments) ? body.attachments : [];
      const split = body.type === 'message' && typeof body.text === 'string' && body.text !== '' && attachments.length > 0;

      let status: number;
      let id: string | null = null;
      let returnedId: string | null = null;
      let splitInto: [string, string] | undefined;
      let answer: unknown;
      if (!match) {
        status = 404;
        answer = { error: { code: 'NotFound', message: 'stand-in' } };
      } else if (utf16Bytes > TEAMS_MAX_MESSAGE_BYTES) {
        status = 413;
        answer = { error: { code: 'MessageSizeTooBig', message: 'Message size too big' } };
      } else if (split) {
        status = 202;
        splitInto = [nextId(), nextId()];
        id = splitInto[0];
      } else {
        status = 200;
        id = nextId();
        returnedId = id;
        answer = { id };
      }
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        conversationId: match?.[1] ? decodeURIComponent(match[1]) : null,
        replyToId: match?.[2] ? decodeURIComponent(match[2]) : null,
        headers: req.headers,
        body,
        utf16Bytes,
        status,
        id,
        returnedId,
        ...(splitInto ? { splitInto } : {}),
      });
      if (answer === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      }
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
