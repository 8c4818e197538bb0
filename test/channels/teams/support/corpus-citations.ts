import type { Citation } from '../../../../src/answer/types.js';
import { loadCorpus } from '../../../../src/corpus/load.js';

/**
 * One citation per corpus document, made from the real plans (title, owner, period and the first
 * measure, or the first section where a plan's measures are not parsed), to feed the Teams
 * wire-format builders real titles and real, sometimes OCR-repaired, text.
 */
export function corpusCitations(): Citation[] {
  return loadCorpus('corpus').documents.map((d) => {
    const m = d.measures[0];
    const s = d.sections[0];
    return {
      documentId: d.id,
      documentTitle: d.title,
      owner: d.owner,
      period: `${d.period.from}–${d.period.to}`,
      measureId: m ? m.id : null,
      section: m ? (m.section ?? null) : (s?.title ?? d.title),
      responsible: m ? m.responsible : [d.owner],
      accountable: m?.accountable ?? [],
      references: m?.references ?? [],
      text: m ? m.text : (s?.text ?? d.title),
      url: d.url,
      score: 1,
      expired: d.period.to < 2026,
    };
  });
}
