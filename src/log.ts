import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The one logger. JSON lines on stderr (stdout belongs to CLI output such as `ask --json`).
 * Never pass a raw user question here: log `redact(question).text` (src/privacy) instead.
 *
 * Every line written while a request is handled carries its `reqId` (from X-Request-Id or new), so a
 * question's path (HTTP, channel, ask(), store) can be followed in the log: the server runs each
 * request inside withRequestId(), and the logger's mixin adds it.
 */

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
  return pino({ level, base: { app: 'veileder' }, mixin }, stream);
}

export const log: Logger = createLogger(pino.destination({ dest: 2, sync: true }));

export function childLogger(bindings: Record<string, unknown>): Logger {
  return log.child(bindings);
}
