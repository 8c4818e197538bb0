import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI API, over real HTTP on 127.0.0.1 (port 0).
 * Speaks `POST /v1/chat/completions` and `POST /v1/embeddings` in the OpenAI wire format, so
 * `ChatOpenAI` / `OpenAIEmbeddings` (configuration.baseURL = standIn.baseURL) talk to it unchanged.
 *
 * Chat replies are scripted per test: queue them with `standIn.chat.push(...)` (used in order, one per
 * request) or set `standIn.chat.fallback`. Builders: `reply.good(text)`, `reply.slow(text, ms)`,
 * `reply.error(500)`, `reply.garbage()`, `reply.refusal(text)`. Embeddings are deterministic vectors
 * of `dimensions` numbers derived from the input text (same text → same vector), unless scripted.
 * Every request is recorded (`standIn.requests`) with its raw body, so tests can assert what left.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw request body as received. */
  raw: string;
  /** The parsed JSON body, or null when it was not JSON. */
  body: unknown;
}

export interface ScriptedReply {
  status?: number;
  /** A JSON value (sent as JSON) or a string (sent as is). */
  body: unknown;
  contentType?: string;
  delayMs?: number;
}

export type ChatScript = ScriptedReply | ((req: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>);

function chatCompletion(content: string, model = 'standin-model', refusal: string | null = null) {
  return {
    id: `chatcmpl-standin-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: 'stop' },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** Builders for scripted chat replies. */
export const reply = {
  good: (content: string): ScriptedReply => ({ body: chatCompletion(content) }),
  slow: (content: string, delayMs: number): ScriptedReply => ({ body: chatCompletion(content), delayMs }),
  error: (status = 500, message = 'The server had an error while processing your request.'): ScriptedReply => ({
    status,
    body: { error: { message, type: 'server_error', param: null, code: null } },
  }),
  garbage: (): ScriptedReply => ({ body: '<html>{{{ not json', contentType: 'application/json' }),
  refusal: (text = "I'm sorry, I can't help with that."): ScriptedReply => ({ body: chatCompletion('', undefined, text) }),
};

/** A deterministic unit vector for a text: what the embeddings endpoint returns by default. */
export function standInVector(text: string, dimensions: number): number[] {
  const out: number[] = [];
  for (let block = 0; out.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}\0${text}`).digest();
    for (let i = 0; i + 4 <= digest.length && out.length < dimensions; i += 4) out.push(digest.readInt32LE(i) / 2 ** 31);
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => v / norm);
}

export interface OpenAIStandIn {
  /** e.g. http://127.0.0.1:54321/v1 — give it to `configuration.baseURL` / OPENAI_BASE_URL. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  chat: { queue: ChatScript[]; push(...s: ChatScript[]): void; fallback: ChatScript };
  embeddings: { dimensions: number; script?: (req: RecordedRequest) => ScriptedReply | Promise<ScriptedReply> };
  /** The requests to one endpoint, e.g. '/v1/chat/completions'. */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, r: ScriptedReply): void {
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'application/json' });
  res.end(text);
}

export async function startOpenAIStandIn(opts: { dimensions?: number } = {}): Promise<OpenAIStandIn> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const standIn: Omit<OpenAIStandIn, 'baseURL' | 'close'> = {
    requests,
    chat: {
      queue: [],
      push(...s) {
        this.queue.push(...s);
      },
      fallback: reply.good('Planene sier ikke noe om dette.'),
    },
    embeddings: { dimensions: opts.dimensions ?? 64 },
    requestsTo: (p) => requests.filter((r) => r.path === p),
  };

  const embed = (rec: RecordedRequest): ScriptedReply => {
    const body = (rec.body ?? {}) as { input?: string | string[]; model?: string; encoding_format?: string; dimensions?: number };
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
    const dims = body.dimensions ?? standIn.embeddings.dimensions;
    const data = inputs.map((input, index) => {
      const v = standInVector(String(input), dims);
      const embedding =
        body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
      return { object: 'embedding', index, embedding };
    });
    return { body: { object: 'list', data, model: body.model ?? 'standin-embedding', usage: { prompt_tokens: 1, total_tokens: 1 } } };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, raw, body };
      requests.push(rec);
      let r: ScriptedReply;
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        const script = standIn.chat.queue.shift() ?? standIn.chat.fallback;
        r = typeof script === 'function' ? await script(rec) : script;
      } else if (req.method === 'POST' && path.endsWith('/embeddings')) {
        r = standIn.embeddings.script ? await standIn.embeddings.script(rec) : embed(rec);
      } else {
        r = { status: 404, body: { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } } };
      }
      if (r.delayMs) {
        await new Promise((resolve) => {
          const t = setTimeout(resolve, r.delayMs);
          res.on('close', () => {
            clearTimeout(t);
            resolve(undefined);
          });
        });
        if (res.destroyed || res.writableEnded) return;
      }
      send(res, r);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: { message: String(err) } } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
