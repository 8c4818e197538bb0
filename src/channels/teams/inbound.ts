import { isIP } from 'node:net';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { TeamsAuthentication } from './adapter.js';

/**
 * Checks on a request to /api/messages before the Bot Framework adapter sees it, in this order:
 *
 * 1. Without credentials: the client must be on this machine and reach it directly — not through
 *    a reverse proxy, which would make every client look local.
 * 2. With credentials: an `Authorization: Bearer …` header, checked before the body is read.
 * 3. The body is read (size-limited); a body that is not JSON is noted, not answered yet.
 * 4. The token is validated (botframework-connector: signature, issuer, audience, serviceUrl):
 *    anything wrong is a 401, never the library's error text.
 * 5. Only then is the body checked as an activity (400 with the reason), and, without
 *    credentials, the `serviceUrl` the bot would post its reply to must be on this machine.
 *
 * Every refusal is JSON `{ error: { code, message } }` with a message in bokmål.
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

/** Headers a reverse proxy or load balancer adds to say whom it forwards for. */
export const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'via',
  'true-client-ip',
  'cf-connecting-ip',
  'x-client-ip',
  'x-original-forwarded-for',
] as const;

/** The host name of a Host header («127.0.0.1:3978», «[::1]:3978», «localhost»). */
function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, when the endpoint has no credentials, every client that is not on this machine and every
 * request that came through a proxy: forwarding headers, or a Host that is not this machine (a
 * proxy on the same host would otherwise make a caller from anywhere look local).
 */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (!isLoopback(req.socket.remoteAddress)) {
    fail(res, {
      status: 403,
      code: 'TEAMS_LOOPBACK_ONLY',
      message: 'Teams-endepunktet kjører uten MICROSOFT_APP_ID og svarer bare klienter på denne maskinen.',
    });
    return;
  }
  const forwarded = FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
  if (forwarded || !isLoopback(hostName(req.headers.host))) {
    fail(res, {
      status: 403,
      code: 'TEAMS_FORWARDED_REFUSED',
      message:
        'Teams-endepunktet kjører uten MICROSOFT_APP_ID og tar ikke imot forespørsler gjennom en proxy. ' +
        'Sett MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD for å nå boten utenfra.',
    });
    return;
  }
  next();
}

const UNAUTHORIZED: Problem = {
  status: 401,
  code: 'TEAMS_UNAUTHORIZED',
  message: 'Forespørselen mangler et gyldig Bot Framework-token. Bare Microsoft Teams (Azure Bot Service) kan sende hit.',
};

function unauthorized(res: Response): void {
  res.setHeader('WWW-Authenticate', 'Bearer');
  fail(res, UNAUTHORIZED);
}

/** With credentials: a request without a bearer token is refused before its body is read. */
export function requireBearer(req: Request, res: Response, next: NextFunction): void {
  if (/^Bearer [\w-]*\.[\w-]*\.[\w-]*$/.test(req.headers.authorization ?? '')) return next();
  unauthorized(res);
}

/** What step 3 leaves for later: the body could not be read as JSON. */
interface Locals {
  bodyProblem?: Problem;
  teamsAuth?: unknown;
}

/** A body-parser failure as a problem: its 4xx status, never its text (it carries stack and paths). */
function bodyProblem(err: { status?: number; statusCode?: number; type?: string; code?: string }): Problem {
  const status = err.status ?? err.statusCode ?? 500;
  // zlib could not unpack a body its Content-Encoding says is packed: the same code as the web API gives.
  if (/^Z_|^ERR__ERROR_/.test(err.code ?? '')) {
    return { status: 400, code: 'BAD_ENCODING', message: 'Innholdet i forespørselen stemmer ikke med Content-Encoding.' };
  }
  if (err.type === 'entity.too.large') return { status: 413, code: 'TEAMS_ACTIVITY_TOO_LARGE', message: 'Aktiviteten er for stor.' };
  if (err.type === 'entity.parse.failed') return { status: 400, code: 'TEAMS_ACTIVITY_INVALID', message: 'Ugyldig aktivitet: kroppen er ikke gyldig JSON.' };
  if (status === 415) {
    return { status: 415, code: 'TEAMS_ACTIVITY_ENCODING', message: 'Ugyldig aktivitet: ukjent tegnsett eller Content-Encoding. Send JSON i UTF-8.' };
  }
  if (status >= 400 && status < 500) {
    return { status, code: 'TEAMS_ACTIVITY_INVALID', message: 'Ugyldig aktivitet: kroppen kunne ikke leses.' };
  }
  return { status: 500, code: 'TEAMS_REQUEST_FAILED', message: 'Teams-forespørselen kunne ikke behandles. Prøv igjen senere.' };
}

/**
 * Step 3's error handler: a body too large is answered at once (413); any other unreadable body
 * is kept for after authentication, so an unauthenticated caller learns nothing from it.
 */
export const deferBodyErrors: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, next) => {
  const problem = bodyProblem(err);
  if (problem.status === 413 || problem.status >= 500) {
    fail(res, problem);
    return;
  }
  (res.locals as Locals).bodyProblem = problem;
  next();
};

/**
 * Step 4: the token, validated by the Bot Framework library against the activity's channel and
 * serviceUrl (read leniently: validation is step 5). Without credentials the library returns an
 * anonymous identity. The result goes to the adapter, which does not validate again.
 */
export function authenticate(auth: TeamsAuthentication, log: Logger): RequestHandler {
  return async (req, res, next) => {
    const locals = res.locals as Locals;
    const body = !locals.bodyProblem && req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const claimed = {
      channelId: typeof body.channelId === 'string' ? body.channelId : '',
      serviceUrl: typeof body.serviceUrl === 'string' ? body.serviceUrl : '',
    };
    try {
      locals.teamsAuth = await auth.authenticateRequest(claimed, req.headers.authorization ?? '');
    } catch (error) {
      const err = error as Error & { statusCode?: number };
      // The signing keys could not be fetched: not the caller's fault.
      if (/Failed to load/.test(err.message)) {
        log.error({ code: 'TEAMS_AUTH_UNAVAILABLE', error: err.message }, 'Bot Framework signing keys unavailable');
        fail(res, { status: 503, code: 'TEAMS_AUTH_UNAVAILABLE', message: 'Kan ikke sjekke Teams-tokenet akkurat nå. Prøv igjen om litt.' });
        return;
      }
      log.warn({ code: 'TEAMS_UNAUTHORIZED', reason: err.message.slice(0, 200) }, 'Teams request refused: token not valid');
      unauthorized(res);
      return;
    }
    next();
  };
}

/** The authentication result step 4 left for the adapter. */
export function authenticatedAs<T>(res: Response): T {
  return (res.locals as Locals).teamsAuth as T;
}

/** Step 5: validates the activity; without credentials the reply address must be local too. */
export function validateActivity(authenticated: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const deferred = (res.locals as Locals).bodyProblem;
    if (deferred) {
      fail(res, deferred);
      return;
    }
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

/** The last handler on the path: whatever still fails is a coded JSON error, never express's HTML page. */
export const bodyErrors: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  fail(res, bodyProblem(err));
};
