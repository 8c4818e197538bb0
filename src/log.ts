import { pino, type Logger } from 'pino';

/**
 * The one logger. JSON lines on stderr (stdout belongs to CLI output such as `ask --json`).
 * Never pass a raw user question here: log `redact(question).text` (src/privacy) instead.
 */
export const log: Logger = pino(
  { level: process.env.LOG_LEVEL ?? 'info', base: { app: 'veileder' } },
  pino.destination({ dest: 2, sync: true }),
);

export function childLogger(bindings: Record<string, unknown>): Logger {
  return log.child(bindings);
}
