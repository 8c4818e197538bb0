import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readManifest } from '../../src/corpus/load.js';
import { normalize, vocabularyOf } from '../../src/corpus/normalize.js';
import type { Measure, ParsedDocument, Parser } from '../../src/corpus/types.js';

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');

/**
 * Parses one plan of corpus/ the way loadCorpus does (manifest entry, normalize, parser), or the
 * raw PDF extraction with `raw: true` (page numbers, footnote URLs and blank lines left in).
 */
export function parsePlan(id: string, parser: Parser, { raw = false } = {}): ParsedDocument & { byId: (id: string) => Measure } {
  const entry = readManifest(CORPUS).documents.find((d) => d.id === id);
  if (!entry) throw new Error(`no document ${id} in corpus/manifest.yaml`);
  const text = readFileSync(path.join(CORPUS, entry.file), 'utf8');
  const parsed = parser(raw ? text : normalize(text, { ocr: entry.ocr, vocabulary: vocabularyOf([]) }), entry);
  const byId = (measureId: string) => {
    const found = parsed.measures.find((m) => m.id === measureId);
    if (!found) throw new Error(`no measure ${measureId} in ${id}`);
    return found;
  };
  return { ...parsed, byId };
}
