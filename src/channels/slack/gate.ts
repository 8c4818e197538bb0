import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * The gate in front of POST /slack/events (HTTP mode), before Bolt reads a byte of the body: a
 * request must carry Slack's signature headers in their form (`v0=` + 64 hex digits, a timestamp in
 * seconds) stamped within five minutes of now — before or after, so a request signed for the future
 * cannot be replayed for as long as it likes — and declare no more than Slack sends. Bolt then reads
 * at most that much (its `bodyLimit`) and checks the signature itself.
 */

/**
 * The largest body Slack sends us: an interaction carries the whole message it came from (ours stay
 * within 50 blocks of at most 3,000 characters, form-encoded) and an event a message of at most
 * 40,000 characters. Half a megabyte leaves room for both; 100 forged bodies then cost at most 50 MB
 * while they are checked, not the 400 MB Bolt's default of 10 MB allowed.
 */
export const MAX_BODY_BYTES = 512 * 1024;
/** Slack's replay window: a request more than this far from now, either way, is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export function requestGate(log: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    const refuse = (status: 401 | 413, reason: string) => {
      log.warn({ code: status === 401 ? 'SLACK_REQUEST_UNSIGNED' : 'SLACK_REQUEST_TOO_LARGE', reason, bytes: req.headers['content-length'] }, 'slack: request refused before reading it');
      // The unread body is not wanted: close the connection rather than drain it.
      res.set('connection', 'close').status(status).end();
    };
    if (typeof signature !== 'string' || !SIGNATURE.test(signature) || typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) {
      return refuse(401, 'signature headers missing or malformed');
    }
    if (Math.abs(now() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
      return refuse(401, 'timestamp outside the five-minute window');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!Number.isFinite(declared) || declared > MAX_BODY_BYTES) return refuse(413, 'body larger than Slack sends');
    next();
  };
}
