import express, { Router } from 'express';
import type { ChannelDeps } from '../channel.js';
import { ApiError } from './errors.js';
import { rateLimit, type RateLimiter } from './rate-limit.js';
import { AskRequest, parseBody } from './schemas.js';

/**
 * POST /api/ask `{ question, history?, filters? }` → the Answer JSON (src/answer/types.ts), unchanged.
 * Every answer is recorded in the feedback store; its id comes back in the `X-Answer-Id` header, for
 * POST /api/feedback (no header when the store could not take it: the answer is never held up by it). Logs ids, counts and timings — never the question.
 */

export const ANSWER_ID_HEADER = 'X-Answer-Id';

export interface AskRouteDeps extends ChannelDeps {
  limiter: RateLimiter;
  ready: () => boolean;
}

export function askRouter(deps: AskRouteDeps): Router {
  const router = Router();
  const json = express.json({ limit: deps.config.API_MAX_BODY_BYTES, type: 'application/json' });
  router.post('/api/ask', rateLimit(deps.limiter), json, async (req, res) => {
    if (!deps.ready()) {
      res.setHeader('Retry-After', '5');
      throw new ApiError('NOT_READY', 'Veileder starter fortsatt opp (søkeindeksen lastes). Prøv igjen om noen sekunder.');
    }
    const body = parseBody(AskRequest, req.body);
    const started = performance.now();
    const answer = await deps.ask(body.question, { history: body.history, filters: body.filters, channel: 'web' });
    // null when the feedback store could not take it (logged there): the answer goes out without an id.
    const answerId = await deps.feedback.record(answer, 'web');
    if (answerId) res.setHeader(ANSWER_ID_HEADER, answerId);
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
    deps.log.info(
      { answerId, found: answer.found, citations: answer.citations.length, ms: Math.round(performance.now() - started) },
      'web answer',
    );
  });
  return router;
}
