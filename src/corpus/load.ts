import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

interface ManifestFile {
  manifest: Manifest;
  file: string;
  /** The manifest line where documents[index] (or one of its fields) is written. */
  lineOf: (index: number, field?: string) => number | undefined;
}

function readManifestFile(corpusDir: string): ManifestFile {
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
  const lineAt = (p: readonly PropertyKey[]): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n) as (string | number)[], true) as { range?: [number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = Manifest.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorpusError('MANIFEST_INVALID', `${issue.path.join('.')}: ${issue.message}`, file, lineAt(issue.path));
  }
  const lineOf = (index: number, field?: string) => lineAt(field ? ['documents', index, field] : ['documents', index]);
  const seen = new Set<string>();
  parsed.data.documents.forEach((entry, i) => {
    if (seen.has(entry.id)) {
      throw new CorpusError('DUPLICATE_ID', `dokument-id «${entry.id}» står to ganger; gi dokumentet en egen id`, file, lineOf(i, 'id'));
    }
    seen.add(entry.id);
    if (path.isAbsolute(entry.file) || entry.file.split(/[\\/]/).includes('..')) {
      throw new CorpusError('MANIFEST_INVALID', `file: «${entry.file}» må ligge i korpusmappen (relativ sti uten ..)`, file, lineOf(i, 'file'));
    }
  });
  return { manifest: parsed.data, file, lineOf };
}

export function readManifest(corpusDir: string): Manifest {
  return readManifestFile(corpusDir).manifest;
}

let fingerprint: string | undefined;

/**
 * A hash of the code that turns text into the structured corpus (normalization, OCR repair, parsers,
 * references, glossary): an index built before that code changed is stale, like one built from other text.
 */
export function corpusCodeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) hash.update(f).update('\0').update(readFileSync(path.join(dir, f))).update('\0');
  return (fingerprint = hash.digest('hex'));
}

/** Changes when the file, its manifest entry or the corpus code changes. */
export function documentHash(raw: string, entry: ManifestEntry, code = corpusCodeFingerprint()): string {
  return createHash('sha256').update(code).update('\0').update(JSON.stringify(entry)).update('\0').update(raw).digest('hex');
}

export function loadCorpus(corpusDir = 'corpus'): Corpus {
  const { manifest, file: manifestFile, lineOf } = readManifestFile(corpusDir);
  const raws = manifest.documents.map((entry, i) => {
    const file = path.join(corpusDir, entry.file);
    const listed = `(oppført i ${manifestFile} linje ${lineOf(i, 'file') ?? '?'})`;
    if (!existsSync(file)) throw new CorpusError('FILE_NOT_FOUND', `filen finnes ikke ${listed}`, file);
    const raw = readFileSync(file, 'utf8');
    if (raw.trim() === '') throw new CorpusError('FILE_EMPTY', `filen er tom ${listed}`, file);
    return { entry, file, raw };
  });
  // The words of the clean plans are the dictionary that OCR-damaged plans are repaired against.
  const vocabulary = vocabularyOf(raws.filter((r) => !r.entry.ocr).map((r) => r.raw));
  const texts: GlossarySource[] = [];
  const documents = raws.map(({ entry, file, raw }) => {
    const text = normalize(raw, { ocr: entry.ocr, vocabulary });
    const checkLayout = `sjekk at layout: ${entry.layout} i ${manifestFile} passer til planen, eller prøv layout: generic`;
    let parsed;
    try {
      parsed = parserFor(entry.layout)(text, entry);
    } catch (err) {
      throw new CorpusError('PARSE_FAILED', `kunne ikke lese planen (${(err as Error).message}); ${checkLayout}`, file);
    }
    const doc = CorpusDocument.safeParse({ ...entry, hash: documentHash(raw, entry), ...parsed });
    if (!doc.success) {
      const issue = doc.error.issues[0]!;
      throw new CorpusError('PARSE_FAILED', `${issue.path.join('.')}: ${issue.message}; ${checkLayout}`, file);
    }
    texts.push({
      documentId: entry.id,
      passages: [...doc.data.measures.map((m) => m.text), ...doc.data.sections.map((s) => s.text), text],
    });
    return doc.data;
  });
  return Corpus.parse({ documents, glossary: buildGlossary(texts) });
}
