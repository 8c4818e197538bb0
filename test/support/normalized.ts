import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readManifest } from '../../src/corpus/load.js';
import { normalizeWithStats, vocabularyOf, type Vocabulary } from '../../src/corpus/normalize.js';
import type { ManifestEntry } from '../../src/corpus/types.js';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');

const manifest = readManifest(CORPUS_DIR);

/** The raw text of a plan in corpus/. */
export function rawPlan(id: string): { entry: ManifestEntry; raw: string } {
  const entry = manifest.documents.find((d) => d.id === id);
  if (!entry) throw new Error(`no document ${id} in corpus/manifest.yaml`);
  return { entry, raw: readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8') };
}

let vocabulary: Vocabulary | undefined;
/** The words of the clean plans, as loadCorpus builds them. */
export function cleanVocabulary(): Vocabulary {
  vocabulary ??= vocabularyOf(manifest.documents.filter((d) => !d.ocr).map((d) => rawPlan(d.id).raw));
  return vocabulary;
}

/** A plan normalized exactly as loadCorpus does it (OCR repaired against the clean plans' words). */
export function normalizedPlan(id: string): { entry: ManifestEntry; raw: string; text: string; repairs: { from: string; to: string }[] } {
  const { entry, raw } = rawPlan(id);
  const { text, repairs } = normalizeWithStats(raw, { ocr: entry.ocr, vocabulary: cleanVocabulary() });
  return { entry, raw, text, repairs };
}
