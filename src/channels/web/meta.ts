import { Router } from 'express';
import { EXAMPLE_QUESTIONS } from '../../answer/examples.js';
import type { ManifestEntry } from '../../corpus/types.js';

/**
 * GET /api/meta: what the chat page needs before the first question — the plans and their owners
 * (for the district/plan filter) and example questions to click on a first visit.
 */

export interface PlanSummary {
  id: string;
  title: string;
  owner: string;
  /** "2021–2024" */
  period: string;
}

export interface Meta {
  documents: PlanSummary[];
  owners: string[];
  examples: string[];
}

export function buildMeta(documents: Pick<ManifestEntry, 'id' | 'title' | 'owner' | 'period'>[]): Meta {
  return {
    documents: documents.map((d) => ({ id: d.id, title: d.title, owner: d.owner, period: `${d.period.from}–${d.period.to}` })),
    owners: [...new Set(documents.map((d) => d.owner))].sort((a, b) => a.localeCompare(b, 'nb')),
    examples: [...EXAMPLE_QUESTIONS],
  };
}

export function metaRouter(meta: Meta): Router {
  const router = Router();
  router.get('/api/meta', (_req, res) => {
    res.json(meta);
  });
  return router;
}
