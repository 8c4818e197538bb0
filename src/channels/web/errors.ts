import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/**
 * The web API's coded errors and their one wire format:
 * `{ "error": { "code": "BAD_REQUEST", "message": "…in Norwegian, says what to do…" } }`.
 */

export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
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
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: string[] };
}

export function errorBody(err: ApiError): ApiErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details?.length ? { details: err.details } : {}) } };
}

export function sendError(res: Response, err: ApiError): void {
  res.status(err.status).json(errorBody(err));
}

/** Maps body-parser's errors (too large, broken JSON) and anything unexpected to ApiError; logs no body. */
export function errorHandler(log: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string } | null)?.type;
    if (err instanceof ApiError) return sendError(res, err);
    if (type === 'entity.too.large') {
      return sendError(
        res,
        new ApiError('BODY_TOO_LARGE', `Forespørselen er for stor (over ${maxBodyBytes} byte). Still et kortere spørsmål, eller send kortere historikk.`),
      );
    }
    if (type === 'entity.parse.failed') {
      return sendError(res, new ApiError('INVALID_JSON', 'Forespørselen er ikke gyldig JSON. Send for eksempel {"question": "Hva er tiltak 10S?"}.'));
    }
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      return sendError(res, new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send forespørselen som JSON i UTF-8 (Content-Type: application/json).'));
    }
    log.error({ err, path: req.path }, 'web request failed');
    return sendError(res, new ApiError('INTERNAL', 'Noe gikk galt hos Veileder. Prøv igjen om litt.'));
  };
}

/** Mounted after every channel: an unknown /api/… route (or a wrong method) gets a JSON 404, not an HTML page. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendError(
    res,
    new ApiError('NOT_FOUND', `Finnes ikke: ${req.method} /api${req.path}. Spørsmål sendes med POST /api/ask, stemmer med POST /api/feedback.`),
  );
};
