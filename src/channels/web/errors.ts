import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { setSecurityHeaders } from './security.js';

/**
 * The web API's coded errors and their one wire format:
 * `{ "error": { "code": "BAD_REQUEST", "message": "…in Norwegian, says what to do…" } }`.
 */

export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'BAD_ENCODING'
  | 'RANGE_NOT_SATISFIABLE'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'NOT_READY'
  | 'FEEDBACK_UNAVAILABLE'
  | 'INTERNAL';

const STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  BAD_ENCODING: 400,
  RANGE_NOT_SATISFIABLE: 416,
  METHOD_NOT_ALLOWED: 405,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  FEEDBACK_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: string[],
    /** Another 4xx than the code's own, for a client error with no code of its own (e.g. 431). */
    status?: number,
  ) {
    super(message);
    this.status = status ?? STATUS[code];
  }
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: string[] };
}

export function errorBody(err: ApiError): ApiErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details?.length ? { details: err.details } : {}) } };
}

export function sendError(res: Response, err: ApiError): void {
  // A handler before (express.static) may have set the type of what it meant to send.
  res.status(err.status).type('application/json').json(errorBody(err));
}

/** What a client may have got wrong, as the one error it reads; undefined when the fault is Veileder's. */
export function clientError(err: unknown, maxBodyBytes: number): ApiError | undefined {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as { type?: unknown; code?: unknown; status?: unknown; statusCode?: unknown; headers?: unknown };
  const type = typeof e.type === 'string' ? e.type : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = Number(e.status ?? e.statusCode);
  if (type === 'entity.too.large') {
    return new ApiError('BODY_TOO_LARGE', `Forespørselen er for stor (over ${maxBodyBytes} byte). Still et kortere spørsmål, eller send kortere historikk.`);
  }
  if (type === 'entity.parse.failed') {
    return new ApiError('INVALID_JSON', 'Forespørselen er ikke gyldig JSON. Send for eksempel {"question": "Hva er tiltak 10S?"}.');
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send forespørselen som JSON i UTF-8 (Content-Type: application/json), uten Content-Encoding eller med gzip, deflate eller br.');
  }
  // zlib could not unpack a body whose Content-Encoding says gzip/deflate/br: the body is not what its
  // header says (zlib's codes are Z_DATA_ERROR, Z_BUF_ERROR …; brotli's ERR__ERROR_FORMAT_…).
  if (/^Z_|^ERR__ERROR_/.test(code)) {
    return new ApiError('BAD_ENCODING', 'Innholdet i forespørselen stemmer ikke med Content-Encoding. Send JSON uten Content-Encoding, eller pakk det riktig (gzip, deflate eller br).');
  }
  if (status === 416) return new ApiError('RANGE_NOT_SATISFIABLE', 'Den forespurte delen (Range) finnes ikke i filen. Hent hele filen uten Range-overskriften.');
  if (status === 404) return new ApiError('NOT_FOUND', 'Finnes ikke. Nettchatten ligger på /, spørsmål sendes med POST /api/ask.');
  if (status === 405) return new ApiError('METHOD_NOT_ALLOWED', 'Metoden er ikke tillatt her. Spørsmål sendes med POST /api/ask.');
  if (status >= 400 && status < 500) {
    return new ApiError('BAD_REQUEST', 'Forespørselen kunne ikke behandles. Sjekk adressen, overskriftene og innholdet, og prøv igjen.', undefined, status);
  }
  return undefined;
}

/** Maps body-parser's errors (too large, broken JSON, bad encoding) and anything unexpected to ApiError; logs no body. */
export function errorHandler(log: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = clientError(err, maxBodyBytes);
    if (known) return sendError(res, known);
    log.error({ err, path: req.path }, 'web request failed');
    return sendError(res, new ApiError('INTERNAL', 'Noe gikk galt hos Veileder. Prøv igjen om litt.'));
  };
}

/**
 * The last handlers of the whole app (src/server.ts), after every channel: whatever no channel
 * answered or handled (an unknown path, a Range past a file's end, a Teams or Slack body that zlib or
 * body-parser refused) gets the API's JSON error — 4xx for what the client sent, 500 with no details
 * for a fault of ours — never express's HTML page with a stack trace and the server's paths.
 */
export function finalHandlers(log: Logger, maxBodyBytes: number): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (req, res) => {
    setSecurityHeaders(res);
    sendError(res, new ApiError('NOT_FOUND', `Finnes ikke: ${req.method} ${req.path.slice(0, 200)}. Nettchatten ligger på /, spørsmål sendes med POST /api/ask.`));
  };
  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      // Too late for an error body: end the response so the client is not left waiting.
      log.warn({ err, path: req.path }, 'request failed after the response started');
      return res.destroyed ? undefined : void res.end();
    }
    setSecurityHeaders(res);
    const known = clientError(err, maxBodyBytes);
    if (known) {
      const range = (err as { headers?: Record<string, unknown> } | null)?.headers?.['Content-Range'];
      if (known.code === 'RANGE_NOT_SATISFIABLE' && typeof range === 'string') res.setHeader('Content-Range', range);
      return sendError(res, known);
    }
    log.error({ err, path: req.path }, 'request failed');
    return sendError(res, new ApiError('INTERNAL', 'Noe gikk galt hos Veileder. Prøv igjen om litt.'));
  };
  return [notFound, onError];
}

/** Mounted after every channel: an unknown /api/… route (or a wrong method) gets a JSON 404, not an HTML page. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendError(
    res,
    new ApiError('NOT_FOUND', `Finnes ikke: ${req.method} /api${req.path}. Spørsmål sendes med POST /api/ask, stemmer med POST /api/feedback.`),
  );
};
