import { isIP } from 'node:net';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/**
 * Checks on a request to /api/messages before the Bot Framework adapter sees it: the body must be
 * an activity, and — when the endpoint runs without credentials — both the client and the
 * `serviceUrl` the bot would post its reply to must be on this machine.
 */

export const InboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1_024).optional(),
    name: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2_048),
    conversation: z.looseObject({ id: z.string().min(1).max(1_024) }),
    from: z.looseObject({ id: z.string().min(1).max(512) }),
    recipient: z.looseObject({ id: z.string().min(1).max(512) }),
    text: z.string().max(100_000).optional(),
  })
  .loose();

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses, and the name localhost. */
export function isLoopback(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1';
}

interface Problem {
  status: number;
  code: string;
  message: string;
}

const fail = (res: Response, p: Problem) => res.status(p.status).json({ error: { code: p.code, message: p.message } });

/** Refuses clients that are not on this machine (used only when the endpoint has no credentials). */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopback(req.socket.remoteAddress)) return next();
  fail(res, {
    status: 403,
    code: 'TEAMS_LOOPBACK_ONLY',
    message: 'Teams-endepunktet kjører uten MICROSOFT_APP_ID og svarer bare klienter på denne maskinen.',
  });
}

/** Validates the activity; without credentials the reply address must be local too. */
export function validateActivity(authenticated: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parsed = InboundActivity.safeParse(req.body);
    if (!parsed.success) {
      fail(res, {
        status: 400,
        code: 'TEAMS_ACTIVITY_INVALID',
        message: `Ugyldig aktivitet: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      });
      return;
    }
    if (!authenticated && !isLoopback(new URL(parsed.data.serviceUrl).hostname)) {
      fail(res, {
        status: 403,
        code: 'TEAMS_SERVICE_URL_NOT_LOCAL',
        message: 'Uten MICROSOFT_APP_ID sender boten bare svar til en serviceUrl på denne maskinen (Bot Framework Emulator).',
      });
      return;
    }
    next();
  };
}

/** A body that is too large or not JSON gets a coded JSON error instead of express's HTML page. */
export const bodyErrors: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, next) => {
  if (err.type === 'entity.too.large') {
    fail(res, { status: 413, code: 'TEAMS_ACTIVITY_TOO_LARGE', message: 'Aktiviteten er for stor.' });
  } else if (err.type === 'entity.parse.failed') {
    fail(res, { status: 400, code: 'TEAMS_ACTIVITY_INVALID', message: 'Ugyldig aktivitet: kroppen er ikke gyldig JSON.' });
  } else {
    next(err);
  }
};
