import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's and the Web API client's log lines, into our pino logger. Their debug level is dropped on
 * purpose: it prints request and response bodies, which hold the users' questions.
 */
export function boltLogger(log: Logger): BoltLogger {
  let child = log.child({ component: 'slack-bolt' });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: () => undefined,
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: (name) => {
      child = log.child({ component: name });
    },
  };
}
