import express, { Router } from 'express';
import { FeedbackStoreError } from '../../feedback/store.js';
import type { ChannelDeps } from '../channel.js';
import { ApiError } from './errors.js';
import { rateLimit, type RateLimiter } from './rate-limit.js';
import { FeedbackRequest, parseBody } from './schemas.js';

/** POST /api/feedback `{ answerId, vote: "up" | "down", comment? }` → the vote in the shared feedback store. */
export function feedbackRouter(deps: ChannelDeps & { limiter: RateLimiter }): Router {
  const router = Router();
  const json = express.json({ limit: deps.config.API_MAX_BODY_BYTES, type: 'application/json' });
  router.post('/api/feedback', rateLimit(deps.limiter), json, async (req, res) => {
    const body = parseBody(FeedbackRequest, req.body);
    let stored: boolean;
    try {
      stored = await deps.feedback.vote(body.answerId, body.vote, body.comment ?? null);
    } catch (err) {
      if (err instanceof FeedbackStoreError) throw new ApiError('FEEDBACK_UNAVAILABLE', err.message);
      throw err;
    }
    if (!stored) {
      throw new ApiError('NOT_FOUND', 'Fant ikke svaret du vil gi tilbakemelding på. Still spørsmålet på nytt og stem på det nye svaret.');
    }
    deps.log.info({ answerId: body.answerId, vote: body.vote }, 'web feedback');
    res.json({ answerId: body.answerId, vote: body.vote });
  });
  return router;
}
