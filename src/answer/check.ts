import type { Corpus } from '../corpus/types.js';
import { fold } from '../search/tokenize.js';
import { unitsToName } from './citations.js';
import type { Citation } from './types.js';
import { unitMentions } from './units.js';

/**
 * The checks a model's reply must pass before anyone reads it: it cites sources that exist, and every
 * unit and measure id it names appears in the sources it cites. Returns the reason it fails, or null.
 */

export type ReplyProblem =
  | 'LLM_NOT_IN_SOURCES'
  | 'LLM_NO_CITATION'
  | 'LLM_UNKNOWN_SOURCE'
  | 'LLM_UNKNOWN_MEASURE'
  | 'LLM_UNKNOWN_UNIT'
  | 'LLM_GARBAGE';

export interface CheckedReply {
  problem: ReplyProblem | null;
  detail?: string;
  /** Source numbers the reply cites, 1-based, in order of first mention. */
  cited: number[];
}

const MARKER = /\[(\d{1,3})(?:\s*[,;]\s*\d{1,3})*\]/g;
const NOT_IN_SOURCES = 'IKKE_I_KILDENE';

/** Measure ids named in a text: «tiltak 10S», «tiltak 2.2.2», bare 10S / 4F / 2.2.2. */
function measureIdsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:tiltak(?:et|ene)?|measures?)\s+(?:nr\.?\s*)?(\d{1,2}[FS]?|\d(?:\.\d){1,2})(?![\p{L}\d])/giu)) out.add(m[1]!.toUpperCase());
  for (const m of text.matchAll(/(?<![\p{L}\d.[])(\d{1,2}[FS]|\d\.\d\.\d)(?![\p{L}\d.])/gu)) out.add(m[1]!);
  return [...out];
}

export function citedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    for (const n of m[0].match(/\d+/g) ?? []) if (!out.includes(Number(n))) out.push(Number(n));
  }
  return out;
}

export function checkReply(reply: string, citations: Citation[], corpus: Corpus): CheckedReply {
  const text = reply.trim();
  if (text.includes(NOT_IN_SOURCES)) return { problem: 'LLM_NOT_IN_SOURCES', cited: [] };
  if (text.length < 10 || !/\p{L}{3,}/u.test(text) || /^[{[<]/.test(text)) return { problem: 'LLM_GARBAGE', cited: [] };
  const cited = citedNumbers(text);
  if (!cited.length) return { problem: 'LLM_NO_CITATION', cited };
  const missing = cited.filter((n) => n < 1 || n > citations.length);
  if (missing.length) return { problem: 'LLM_UNKNOWN_SOURCE', detail: missing.join(','), cited };
  const sources = cited.map((n) => citations[n - 1]!);

  const knownIds = new Set(sources.map((c) => c.measureId?.toUpperCase()).filter(Boolean));
  const unknownId = measureIdsIn(text).find((id) => !knownIds.has(id.toUpperCase()));
  if (unknownId) return { problem: 'LLM_UNKNOWN_MEASURE', detail: unknownId, cited };

  const haystack = fold(
    sources.flatMap((c) => [...unitsToName(c), c.owner, c.documentTitle, c.text, c.section ?? '', ...c.references]).join(' \n '),
  );
  const unknownUnit = unitMentions(text, corpus).find((u) => !haystack.includes(fold(u)));
  if (unknownUnit) return { problem: 'LLM_UNKNOWN_UNIT', detail: unknownUnit, cited };
  return { problem: null, cited };
}

/** The reply with its source numbers renumbered to the order of `cited` (citations are cut to those). */
export function renumber(reply: string, cited: number[]): string {
  return reply.replace(MARKER, (marker) =>
    `[${(marker.match(/\d+/g) ?? []).map((n) => cited.indexOf(Number(n)) + 1).join(', ')}]`,
  );
}
