import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CorpusError } from './errors.js';
import { buildGlossary, type GlossarySource } from './glossary.js';
import { normalize, vocabularyOf } from './normalize.js';
import { parserFor } from './parsers/index.js';
import { Corpus, CorpusDocument, Manifest, type ManifestEntry } from './types.js';

/**
 * corpus files ─► manifest ─► normalize (OCR repair) ─► parse ─► Corpus.
 * Throws CorpusError naming the file and line; never returns a half-built corpus.
 */

export const MANIFEST_FILE = 'manifest.yaml';

export function readManifest(corpusDir: string): Manifest {
  const file = path.join(corpusDir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new CorpusError('MANIFEST_NOT_FOUND', `fant ikke manifestet; lag ${MANIFEST_FILE} i ${corpusDir}`, file);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    throw new CorpusError('MANIFEST_INVALID', `ugyldig YAML: ${err.message.split('\n')[0]}`, file, err.linePos?.[0]?.line);
  }
  const parsed = Manifest.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const parent = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as { range?: [number, number] } | undefined;
    const offset = node?.range?.[0] ?? parent?.range?.[0];
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    throw new CorpusError('MANIFEST_INVALID', `${issue.path.join('.')}: ${issue.message}`, file, line);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.documents) {
    if (seen.has(entry.id)) throw new CorpusError('DUPLICATE_ID', `dokument-id «${entry.id}» står to ganger`, file);
    seen.add(entry.id);
  }
  return parsed.data;
}

export function documentHash(raw: string, entry: ManifestEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).update('\0').update(raw).digest('hex');
}

export function loadCorpus(corpusDir = 'corpus'): Corpus {
  const manifest = readManifest(corpusDir);
  const raws = manifest.documents.map((entry) => {
    const file = path.join(corpusDir, entry.file);
    if (!existsSync(file)) throw new CorpusError('FILE_NOT_FOUND', 'filen i manifestet finnes ikke', file);
    const raw = readFileSync(file, 'utf8');
    if (raw.trim() === '') throw new CorpusError('FILE_EMPTY', 'filen er tom', file);
    return { entry, file, raw };
  });
  // The words of the clean plans are the dictionary that OCR-damaged plans are repaired against.
  const vocabulary = vocabularyOf(raws.filter((r) => !r.entry.ocr).map((r) => r.raw));
  const texts: GlossarySource[] = [];
  const documents = raws.map(({ entry, file, raw }) => {
    const text = normalize(raw, { ocr: entry.ocr, vocabulary });
    let parsed;
    try {
      parsed = parserFor(entry.layout)(text, entry);
    } catch (err) {
      throw new CorpusError('PARSE_FAILED', `kunne ikke lese planen (${(err as Error).message})`, file);
    }
    const doc = CorpusDocument.safeParse({ ...entry, hash: documentHash(raw, entry), ...parsed });
    if (!doc.success) {
      const issue = doc.error.issues[0]!;
      throw new CorpusError('PARSE_FAILED', `${issue.path.join('.')}: ${issue.message}`, file);
    }
    texts.push({
      documentId: entry.id,
      passages: [...doc.data.measures.map((m) => m.text), ...doc.data.sections.map((s) => s.text), text],
    });
    return doc.data;
  });
  return Corpus.parse({ documents, glossary: buildGlossary(texts) });
}
