import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * The one logger. JSON lines on stderr (stdout belongs to CLI output such as `ask --json`).
 * Never pass a raw user question here: log `redact(question).text` (src/privacy) instead.
 * Every line written while a request is handled carries its `reqId` (from X-Request-Id or new), so a
 * question's path (HTTP, channel, ask(), store) can be followed in the log: the server runs each
 * request inside withRequestId(), and the logger's mixin adds it.
 * A URL with credentials in it (`https://user:secret@host/…`, as a library's error message may
 * quote OPENAI_BASE_URL) is written with `***` for them, in the message and in every field.
 */

/** `scheme://user:password@` → `scheme://***@`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

export function scrubCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/** A copy of a log record's value with credentials scrubbed from every string, to a bounded depth. */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubCredentials(value);
  if (value instanceof Error) return scrubError(value, depth);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

/** The same kind of Error (pino's serializer still names its type) with message, stack, cause and fields scrubbed. */
function scrubError(err: Error, depth = 0): Error {
  const copy = Object.create(Object.getPrototypeOf(err) as object) as Error;
  Object.assign(copy, scrubDeep({ ...err }, depth + 1));
  // message and stack are not enumerable on an Error: set them the same way.
  Object.defineProperty(copy, 'message', { value: scrubCredentials(err.message), enumerable: false, writable: true });
  if (err.stack) Object.defineProperty(copy, 'stack', { value: scrubCredentials(err.stack), enumerable: false, writable: true });
  if (err.cause !== undefined) Object.defineProperty(copy, 'cause', { value: scrubDeep(err.cause, depth + 1), enumerable: false, writable: true });
  return copy;
}

/** pino options that keep URL credentials out of every line: for the root logger and any test logger. */
export const scrubbing: Pick<LoggerOptions, 'formatters' | 'hooks'> = {
  formatters: {
    log: (record) => scrubDeep(record) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      // `log.error(err)` takes its message from the Error: scrub the Error itself, not only the record.
      const scrubbed = args.map((a) => (typeof a === 'string' ? scrubCredentials(a) : a instanceof Error ? scrubError(a) : a));
      method.apply(this, scrubbed as Parameters<typeof method>);
    },
  },
};

const requests = new AsyncLocalStorage<{ reqId: string }>();

/** Runs `fn` with `reqId` on every log line written from it, however deep. */
export function withRequestId<T>(reqId: string, fn: () => T): T {
  return requests.run({ reqId }, fn);
}

export function currentRequestId(): string | undefined {
  return requests.getStore()?.reqId;
}

const mixin = () => {
  const reqId = requests.getStore()?.reqId;
  return reqId ? { reqId } : {};
};

/** A logger like the root one (request ids included) on another stream: tests read what it writes. */
export function createLogger(stream: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'veileder' }, mixin, ...scrubbing }, stream);
}

export const log: Logger = createLogger(pino.destination({ dest: 2, sync: true }));

export function childLogger(bindings: Record<string, unknown>): Logger {
  return log.child(bindings);
}
