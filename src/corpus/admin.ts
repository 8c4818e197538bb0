import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { z } from 'zod';
import type { Config } from '../config.js';
import { childLogger } from '../log.js';
import { extractFile, type Format } from './extract/index.js';
import { MANIFEST_FILE, readManifest } from './load.js';
import { normalize } from './normalize.js';
import { parserFor } from './parsers/index.js';
import { CorpusDocument, DocumentId, Layout, ManifestEntry, Period } from './types.js';

/**
 * Adding and removing corpus documents without a developer (`npm run ingest -- add/remove/list`).
 *
 * add:    metadata checked (zod) ─► id not taken ─► text extracted (PDF/DOCX/HTML/text) ─► parsed
 *         as a check ─► text file under corpus/<plans|standards|other>/<id>.txt and the manifest
 *         entry written (the manifest keeps its comments: yaml Document API) ─► index rebuilt.
 * remove: manifest entry and text file gone ─► index rebuilt.
 * Every step that can fail comes before the first write; when the rebuild fails, the manifest and
 * the text file are put back as they were. Files are written to a temporary name and renamed.
 */

export type AdminErrorCode = 'INVALID_METADATA' | 'DUPLICATE_ID' | 'NOT_FOUND' | 'FILE_EXISTS' | 'PARSE_FAILED' | 'REBUILD_FAILED';

export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

const PERIOD = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/;

/** What `ingest add` takes; the CLI's flags have the same names. */
export const AddInput = z.object({
  file: z.string().min(1),
  id: DocumentId,
  title: z.string().trim().min(3, 'skriv dokumentets tittel').max(300),
  owner: z.string().trim().min(2, 'skriv hvem som eier dokumentet (f.eks. «Bydel Frogner»)').max(200),
  period: z
    .string()
    .regex(PERIOD, 'skriv perioden som to årstall, f.eks. 2024-2027')
    .transform((p) => {
      const [, from, to] = PERIOD.exec(p)!;
      return { from: Number(from), to: Number(to) };
    })
    .pipe(Period),
  kind: z.enum(['standard', 'plan', 'other'], { error: 'skriv standard, plan eller other' }),
  url: z
    .string()
    .url('skriv en hel adresse, f.eks. https://www.oslo.kommune.no/…')
    .refine((u) => /^https?:\/\//i.test(u), 'adressen må begynne med https:// eller http://')
    .nullable()
    .default(null),
  language: z.enum(['nb', 'nn', 'en'], { error: 'skriv nb, nn eller en' }).default('nb'),
  layout: z.enum(Layout.options, { error: `skriv en av ${Layout.options.join(', ')}` }).default('generic'),
});
export type AddInput = z.input<typeof AddInput>;

export interface AdminDeps {
  config: Config;
  /** Rebuilds (and saves) the index from config.CORPUS_DIR; default: search's rebuildIndex. */
  rebuild?: (config: Config) => Promise<unknown>;
}

export interface AddResult {
  entry: ManifestEntry;
  format: Format;
  sections: number;
  measures: number;
}

const log = childLogger({ module: 'corpus-admin' });

const FOLDER: Record<ManifestEntry['kind'], string> = { plan: 'plans', standard: 'standards', other: 'other' };

function invalid(error: z.ZodError): AdminError {
  const problems = error.issues.map((issue) => {
    const flag = `--${String(issue.path[0] ?? 'file')}`;
    return issue.code === 'invalid_type' && /undefined/.test(issue.message) ? `${flag} mangler` : `${flag}: ${issue.message}`;
  });
  return new AdminError('INVALID_METADATA', `Opplysningene om dokumentet er ikke gyldige:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

async function defaultRebuild(config: Config): Promise<unknown> {
  const { rebuildIndex } = await import('../search/index.js');
  return rebuildIndex(config);
}

/** Writes `text` to `file` under a temporary name, then renames it into place. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, file);
}

/**
 * The text as stored under corpus/: blocks (paragraphs, headings, tables) separated by two blank
 * lines, so normalize() does not take one-line paragraphs with one blank line between them for a
 * double-spaced PDF extraction and join them.
 */
export function storedText(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return `${blocks.join('\n\n\n')}\n`;
}

/** The manifest with one more entry (comments and the other entries' formatting kept). */
function manifestWith(source: string, entry: ManifestEntry): string {
  const doc = parseDocument(source);
  let docs = doc.get('documents', true);
  if (!(docs instanceof YAMLSeq)) {
    docs = new YAMLSeq();
    doc.set('documents', docs);
  }
  const seq = docs as YAMLSeq;
  seq.flow = false;
  const fields: Record<string, unknown> = { ...entry };
  if (!entry.ocr) delete fields.ocr;
  const node = doc.createNode(fields) as YAMLMap;
  const period: unknown = node.get('period', true);
  if (period instanceof YAMLMap) period.flow = true;
  seq.add(node);
  return doc.toString({ lineWidth: 0 });
}

/** The manifest without the entry with this id. */
function manifestWithout(source: string, index: number): string {
  const doc = parseDocument(source);
  doc.deleteIn(['documents', index]);
  return doc.toString({ lineWidth: 0 });
}

async function rebuildOrRestore(deps: AdminDeps, manifestFile: string, manifestSource: string, undo: () => void): Promise<void> {
  try {
    await (deps.rebuild ?? defaultRebuild)(deps.config);
  } catch (err) {
    // Put the corpus back as it was.
    writeAtomic(manifestFile, manifestSource);
    undo();
    throw new AdminError(
      'REBUILD_FAILED',
      `Søkeindeksen kunne ikke bygges (${(err as Error).message}); korpuset er satt tilbake slik det var. Rett feilen og prøv igjen.`,
    );
  }
}

/** Adds a document to the corpus and rebuilds the index. Nothing is changed when it fails. */
export async function addDocument(input: AddInput, deps: AdminDeps): Promise<AddResult> {
  const parsed = AddInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { file: source, ...meta } = parsed.data;
  const corpusDir = deps.config.CORPUS_DIR;
  const manifest = readManifest(corpusDir);
  if (manifest.documents.some((d) => d.id === meta.id)) {
    throw new AdminError('DUPLICATE_ID', `Dokument-id «${meta.id}» finnes allerede i korpuset; velg en annen id, eller fjern det gamle først (npm run ingest -- remove ${meta.id}).`);
  }
  const relative = `${FOLDER[meta.kind]}/${meta.id}.txt`;
  const target = path.join(corpusDir, relative);
  if (existsSync(target)) {
    throw new AdminError('FILE_EXISTS', `${target} finnes allerede uten å stå i manifestet; flytt eller slett den først.`);
  }
  const { format, text } = await extractFile(source);
  const stored = storedText(text);

  const entry = ManifestEntry.parse({ ...meta, file: relative, ocr: false });
  let parsedDoc;
  try {
    parsedDoc = parserFor(entry.layout)(normalize(stored, { ocr: false, vocabulary: new Set() }), entry);
  } catch (err) {
    throw new AdminError('PARSE_FAILED', `Teksten kunne ikke deles i avsnitt (${(err as Error).message}); prøv --layout generic.`);
  }
  const checked = CorpusDocument.safeParse({ ...entry, hash: '', ...parsedDoc });
  if (!checked.success || parsedDoc.sections.length + parsedDoc.measures.length === 0) {
    const why = checked.success ? 'ingen avsnitt eller tiltak' : checked.error.issues[0]!.message;
    throw new AdminError('PARSE_FAILED', `Teksten i ${source} ga ingen brukbare avsnitt (${why}); prøv --layout generic.`);
  }

  const manifestFile = path.join(corpusDir, MANIFEST_FILE);
  const manifestSource = readFileSync(manifestFile, 'utf8');
  writeAtomic(target, stored);
  try {
    writeAtomic(manifestFile, manifestWith(manifestSource, entry));
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  await rebuildOrRestore(deps, manifestFile, manifestSource, () => rmSync(target, { force: true }));
  log.info({ id: entry.id, kind: entry.kind, format, file: relative }, 'document added');
  return { entry, format, sections: parsedDoc.sections.length, measures: parsedDoc.measures.length };
}

/** Removes a document (manifest entry and text file) and rebuilds the index. Nothing is changed when it fails. */
export async function removeDocument(id: string, deps: AdminDeps): Promise<ManifestEntry> {
  const corpusDir = deps.config.CORPUS_DIR;
  const { documents } = readManifest(corpusDir);
  const index = documents.findIndex((d) => d.id === id);
  if (index < 0) {
    throw new AdminError('NOT_FOUND', `Finner ikke dokument-id «${id}» i korpuset. Dokumentene er: ${documents.map((d) => d.id).join(', ') || '(ingen)'}.`);
  }
  const entry = documents[index]!;
  const manifestFile = path.join(corpusDir, MANIFEST_FILE);
  const manifestSource = readFileSync(manifestFile, 'utf8');
  const file = path.join(corpusDir, entry.file);
  const backup = `${file}.removed-${process.pid}-${Date.now()}`;
  const hadFile = existsSync(file);
  if (hadFile) renameSync(file, backup);
  const undo = () => {
    if (hadFile) renameSync(backup, file);
  };
  try {
    writeAtomic(manifestFile, manifestWithout(manifestSource, index));
  } catch (err) {
    undo();
    throw err;
  }
  await rebuildOrRestore(deps, manifestFile, manifestSource, undo);
  if (hadFile) rmSync(backup, { force: true });
  log.info({ id, file: entry.file }, 'document removed');
  return entry;
}

export interface ListedDocument extends ManifestEntry {
  /** whether the text file is where the manifest says */
  present: boolean;
}

/** The documents of the corpus, as the manifest lists them. */
export function listDocuments(corpusDir: string): ListedDocument[] {
  return readManifest(corpusDir).documents.map((d) => ({ ...d, present: existsSync(path.join(corpusDir, d.file)) }));
}
