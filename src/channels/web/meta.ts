import { Router } from 'express';
import { EXAMPLE_QUESTIONS } from '../../answer/examples.js';
import type { Standard } from '../../corpus/standards.js';
import type { ManifestEntry } from '../../corpus/types.js';

/**
 * GET /api/meta: what the chat page needs before the first question — the plans and their owners
 * (for the district/plan filter), example questions to click on a first visit, and the public
 * address of each Oslo standard the registry (src/corpus/standards.ts) knows one for, so a source's
 * «Viser til: …» links to the standard itself.
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
  /** Standard name (as in Citation.references) → its public URL; only standards with a known URL. */
  standards: Record<string, string>;
}

export function buildMeta(
  documents: Pick<ManifestEntry, 'id' | 'title' | 'owner' | 'period'>[],
  standards: Pick<Standard, 'name' | 'url'>[] = [],
): Meta {
  return {
    documents: documents.map((d) => ({ id: d.id, title: d.title, owner: d.owner, period: `${d.period.from}–${d.period.to}` })),
    owners: [...new Set(documents.map((d) => d.owner))].sort((a, b) => a.localeCompare(b, 'nb')),
    examples: [...EXAMPLE_QUESTIONS],
    standards: Object.fromEntries(standards.filter((s) => s.url).map((s) => [s.name, s.url!])),
  };
}

export function metaRouter(meta: Meta): Router {
  const router = Router();
  router.get('/api/meta', (_req, res) => {
    res.json(meta);
  });
  return router;
}
