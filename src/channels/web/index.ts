import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import type { Channel, ChannelDeps } from '../channel.js';
import { askRouter } from './api.js';
import { errorHandler } from './errors.js';
import { feedbackRouter } from './feedback.js';
import { healthRouter, type ReadinessChecks } from './health.js';
import { metaRouter, type Meta } from './meta.js';
import { createRateLimiter } from './rate-limit.js';
import { securityHeaders, setSecurityHeaders } from './security.js';

/**
 * The web channel: the chat page (static files in ./public), POST /api/ask, POST /api/feedback,
 * GET /api/meta, /healthz and /readyz. Always mounted by src/server.ts. An adapter like Slack and
 * Teams: everything a user reads comes from ask().
 */

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

export interface WebChannelDeps extends ChannelDeps {
  /** True once the search index is loaded (GET /readyz; /api/ask answers 503 before). */
  ready: () => boolean;
  /** What else GET /readyz checks (stopping, the database). */
  readiness?: ReadinessChecks;
  meta: Meta;
}

export function createWebChannel(deps: WebChannelDeps): Channel {
  const limit = deps.config.RATE_LIMIT_PER_MINUTE;
  // One budget per client for questions and one for votes, RATE_LIMIT_PER_MINUTE each.
  const limiters = { ask: createRateLimiter({ limit }), feedback: createRateLimiter({ limit }) };
  const log = deps.log.child({ module: 'web' });
  return {
    name: 'web',
    mount(app) {
      const web = Router();
      web.use(healthRouter(deps.ready, deps.readiness));
      web.use(['/api/ask', '/api/feedback', '/api/meta'], securityHeaders);
      web.use(askRouter({ ...deps, log, limiter: limiters.ask }));
      web.use(feedbackRouter({ ...deps, log, limiter: limiters.feedback }));
      web.use(metaRouter(deps.meta));
      web.use(errorHandler(log, deps.config.API_MAX_BODY_BYTES));
      app.use(web);
      app.use(express.static(PUBLIC_DIR, { index: 'index.html', setHeaders: setSecurityHeaders }));
    },
    describe() {
      return `nettchat og API (POST /api/ask, høyst ${limit} spørsmål per minutt per klient)`;
    },
  };
}
