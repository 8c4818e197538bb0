import { Router } from 'express';

/** GET /healthz: the process answers. GET /readyz: the search index is loaded and questions can be answered. */
export function healthRouter(ready: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (ready()) res.json({ status: 'ready' });
    else res.status(503).setHeader('Retry-After', '5').json({ status: 'starting', message: 'Søkeindeksen lastes ennå.' });
  });
  return router;
}
