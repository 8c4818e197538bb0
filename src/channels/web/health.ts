import { Router } from 'express';

/** What else /readyz checks besides the search index (src/server.ts). */
export interface ReadinessChecks {
  /** True once close() has begun: the proxy should send new questions to another replica. */
  stopping?: () => boolean;
  /** Resolves when the store's database answers, rejects otherwise. */
  database?: () => Promise<void>;
}

/** How long /readyz waits for the database before saying it is unreachable. */
const DATABASE_CHECK_MS = 1_000;

const notReady = (status: string, message: string) => ({ status, message });

/**
 * GET /healthz: the process answers (the container's health check). GET /readyz: questions can be
 * answered here now — the search index is loaded, the database answers and the server is not stopping;
 * otherwise 503 with what is missing, so a proxy or orchestrator sends questions elsewhere.
 */
export function healthRouter(ready: () => boolean, checks: ReadinessChecks = {}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const problem = await readinessProblem(ready, checks);
    if (!problem) res.json({ status: 'ready' });
    else res.status(503).setHeader('Retry-After', '5').json(problem);
  });
  return router;
}

async function readinessProblem(ready: () => boolean, checks: ReadinessChecks) {
  if (checks.stopping?.()) return notReady('stopping', 'Veileder stopper.');
  if (!ready()) return notReady('starting', 'Søkeindeksen lastes ennå.');
  if (checks.database) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), DATABASE_CHECK_MS)));
    try {
      await Promise.race([checks.database(), timeout]);
    } catch {
      return notReady('database', 'Databasen svarer ikke.');
    } finally {
      clearTimeout(timer);
    }
  }
  return undefined;
}
