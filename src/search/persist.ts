import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { documentHash, readManifest } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import { Bm25, bm25Problem } from './bm25.js';
import type { IndexParts } from './build.js';
import { configuredProviderName, createProvider, providerMatches } from './embeddings/index.js';
import { SearchError } from './errors.js';
import { retrievalUnits } from './units.js';
import { shardFileName, VectorIndex } from './vector.js';

/**
 * The index on disk (config.indexDir, git-ignored):
 *   manifest.json  version, provider, corpus hashes, sizes
 *   corpus.ndjson  the structured corpus: the glossary on the first line, then one document a line
 *   bm25.json + bm25.bin   lexical index (units are rebuilt from the corpus: same order, same text)
 *   vectors-N.hnsw hnswlib graphs, one a shard (vector.ts)       embedder.json  the hashing embedder's idf
 * Written to a temporary folder and renamed into place, so a crash never leaves half an index; a
 * temporary folder an interrupted save left behind is removed at the next save or start.
 * The manifest holds the size and sha256 of every other file. Loading hashes each file as it reads it
 * (the HNSW graphs before hnswlib sees them) and checks the postings' and graphs' invariants, so a
 * damaged or edited index is refused with a message, never served or left to hang a search.
 */

/** Bump when units, analysis or file formats change: older indexes are then stale. */
export const INDEX_VERSION = 8;

const IndexManifest = z.object({
  version: z.number().int(),
  builtAt: z.string(),
  provider: z.object({ kind: z.enum(['hashing', 'openai']), id: z.string(), dimensions: z.number().int().positive() }),
  documents: z.array(z.object({ id: z.string(), hash: z.string() })),
  units: z.number().int().min(0),
  bm25: z.object({ terms: z.number().int().min(0), postings: z.number().int().min(0) }),
  vectorShards: z.number().int().min(0),
  /** every other file of the index: its size in bytes and sha256 (hex) */
  files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type IndexManifest = z.infer<typeof IndexManifest>;

const RUN_INGEST = 'Kjør `npm run ingest` for å bygge den på nytt.';

/** The current corpus's document hashes, read without parsing (cheap: used at every start). */
export function corpusHashes(corpusDir: string): Array<{ id: string; hash: string }> {
  return readManifest(corpusDir).documents.map((entry) => {
    const file = path.join(corpusDir, entry.file);
    const raw = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return { id: entry.id, hash: documentHash(raw, entry) };
  });
}

/** corpus.ndjson, one document a line: never one string of the whole corpus, written or read. */
function writeCorpus(file: string, corpus: Corpus): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${JSON.stringify(corpus.glossary)}\n`);
    for (const d of corpus.documents) writeSync(fd, `${JSON.stringify(d)}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Calls `onLine` with each non-empty line of a UTF-8 file, read in chunks of `chunkBytes`;
 *  `onChunk` sees every byte read, in order (to hash the file in the same pass). */
export function readLines(file: string, onLine: (line: string) => void, chunkBytes = 1 << 22, onChunk?: (bytes: Buffer) => void): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let rest: Buffer[] = [];
    for (let read: number; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      onChunk?.(chunk.subarray(0, read));
      let start = 0;
      for (let nl = chunk.indexOf(10, 0); nl !== -1 && nl < read; nl = chunk.indexOf(10, start)) {
        const line = rest.length ? Buffer.concat([...rest, chunk.subarray(start, nl)]).toString('utf8') : chunk.toString('utf8', start, nl);
        rest = [];
        if (line) onLine(line);
        start = nl + 1;
      }
      if (start < read) rest.push(Buffer.from(chunk.subarray(start, read)));
    }
    const last = Buffer.concat(rest).toString('utf8');
    if (last) onLine(last);
  } finally {
    closeSync(fd);
  }
}

function readCorpus(file: string, hash?: Hash): Corpus {
  let glossary: Corpus['glossary'] | null = null;
  const documents: Corpus['documents'] = [];
  readLines(file, (line) => {
    const value = JSON.parse(line) as unknown;
    if (glossary === null) {
      if (!Array.isArray(value)) throw new Error('corpus.ndjson har feil form');
      glossary = value as Corpus['glossary'];
      return;
    }
    const d = value as Corpus['documents'][number];
    if (!Array.isArray(d?.measures) || !Array.isArray(d?.sections)) throw new Error('corpus.ndjson har feil form');
    documents.push(d);
  }, undefined, hash && ((bytes) => hash.update(bytes)));
  if (glossary === null) throw new Error('corpus.ndjson er tom');
  return { documents, glossary };
}

type FileDigests = IndexManifest['files'];

/** Size and sha256 of a file, read in chunks (never whole in memory). */
function digestFile(file: string): FileDigests[string] {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 22);
    let bytes = 0;
    for (let read: number; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; bytes += read) hash.update(chunk.subarray(0, read));
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/** A save takes seconds to minutes: a temporary folder older than this is left over whoever made it. */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // saves are synchronous: none of ours is under way now
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders interrupted saves of the index in `dir` left (`.index.tmp-PID-TIME`,
 *  also `….old`): those of processes no longer running and any older than an hour. Returns their names. */
export function removeStaleTemp(dir: string): string[] {
  const parent = path.dirname(path.resolve(dir));
  if (!existsSync(parent)) return [];
  const prefix = `.${path.basename(dir)}.tmp-`;
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const m = name.startsWith(prefix) ? /^(\d+)-(\d+)(\.old)?$/.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    if (alive(Number(m[1])) && Date.now() - Number(m[2]) < TEMP_MAX_AGE_MS) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export function saveIndex(parts: IndexParts, dir: string): void {
  const { bm25 } = parts;
  const manifest: IndexManifest = {
    version: INDEX_VERSION,
    builtAt: parts.builtAt,
    provider: { kind: parts.provider.kind, id: parts.provider.id, dimensions: parts.vectors.dimensions },
    documents: parts.corpus.documents.map((d) => ({ id: d.id, hash: d.hash })),
    units: parts.units.length,
    bm25: { terms: bm25.data.terms.length, postings: bm25.data.units.length },
    vectorShards: parts.vectors.shardCount,
    files: {},
  };
  const parent = path.dirname(path.resolve(dir));
  mkdirSync(parent, { recursive: true });
  removeStaleTemp(dir);
  const tmp = path.join(parent, `.${path.basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    writeCorpus(path.join(tmp, 'corpus.ndjson'), parts.corpus);
    writeFileSync(path.join(tmp, 'bm25.json'), JSON.stringify({ terms: bm25.data.terms, words: bm25.data.words }));
    const { offsets, units, unitLengths, tfs } = bm25.data;
    // Array by array: no second copy of the postings in memory.
    const fd = openSync(path.join(tmp, 'bm25.bin'), 'w');
    try {
      for (const a of [offsets, units, unitLengths, tfs]) writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    } finally {
      closeSync(fd);
    }
    writeFileSync(path.join(tmp, 'embedder.json'), JSON.stringify({ idf: parts.idf }));
    parts.vectors.save(tmp);
    // Hashed as written on disk, which is what loading will read.
    for (const name of indexFiles(manifest)) manifest.files[name] = digestFile(path.join(tmp, name));
    writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const old = `${tmp}.old`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The files besides manifest.json an index of this manifest has. */
function indexFiles(manifest: Pick<IndexManifest, 'vectorShards'>): string[] {
  return ['corpus.ndjson', 'bm25.json', 'bm25.bin', 'embedder.json', ...Array.from({ length: manifest.vectorShards }, (_, i) => shardFileName(i))];
}

/**
 * Reads the index's files against the manifest's digests: `read(name)` hashes a whole file it
 * returns, `stream(name, hash)` lets the caller feed the bytes it reads anyway, `check(name)` hashes a
 * file another library reads (HNSW) before it does. Throws naming the first file that does not match.
 */
function verifier(dir: string, files: FileDigests) {
  const expected = (name: string) => {
    const want = files[name];
    if (!want) throw new Error(`manifest.json mangler sjekksummen for ${name}`);
    const file = path.join(dir, name);
    if (!existsSync(file)) throw new Error(`${name} mangler`);
    const bytes = statSync(file).size;
    if (bytes !== want.bytes) throw new Error(`${name} har ${bytes} byte, manifestet sier ${want.bytes}`);
    return { file, want };
  };
  const compare = (name: string, sha256: string, want: FileDigests[string]) => {
    if (sha256 !== want.sha256) throw new Error(`${name} stemmer ikke med sjekksummen i manifest.json (filen er endret eller skadet)`);
  };
  return {
    read(name: string): Buffer {
      const { file, want } = expected(name);
      const raw = readFileSync(file);
      compare(name, createHash('sha256').update(raw).digest('hex'), want);
      return raw;
    },
    stream<T>(name: string, readWith: (file: string, hash: Hash) => T): T {
      const { file, want } = expected(name);
      const hash = createHash('sha256');
      const value = readWith(file, hash);
      compare(name, hash.digest('hex'), want);
      return value;
    },
    check(name: string): void {
      const { file, want } = expected(name);
      compare(name, digestFile(file).sha256, want);
    },
  };
}

export type IndexStatus =
  | { state: 'ok'; manifest: IndexManifest }
  | { state: 'missing' | 'stale' | 'corrupt' | 'provider'; message: string };

export function readIndexManifest(dir: string): IndexManifest {
  const parsed = IndexManifest.safeParse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  if (!parsed.success) throw new Error(`manifest.json: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Whether the index in `dir` exists, is whole, fits the corpus in config.CORPUS_DIR and the configured provider. */
export function checkIndex(dir: string, config: Config): IndexStatus {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    return { state: 'missing', message: `Fant ingen søkeindeks i ${dir}. Kjør \`npm run ingest\` for å bygge den.` };
  }
  let manifest: IndexManifest;
  try {
    manifest = readIndexManifest(dir);
  } catch (err) {
    return { state: 'corrupt', message: `Søkeindeksen i ${dir} er skadet (${(err as Error).message}). ${RUN_INGEST}` };
  }
  if (manifest.version !== INDEX_VERSION) {
    return { state: 'stale', message: `Søkeindeksen i ${dir} er laget av en annen versjon av Veileder. ${RUN_INGEST}` };
  }
  const now = corpusHashes(config.CORPUS_DIR);
  const before = new Map(manifest.documents.map((d) => [d.id, d.hash]));
  const current = new Set(now.map((d) => d.id));
  const changed = [
    ...now.filter((d) => before.get(d.id) !== d.hash).map((d) => d.id),
    ...manifest.documents.filter((d) => !current.has(d.id)).map((d) => d.id),
  ];
  if (changed.length) {
    return { state: 'stale', message: `Søkeindeksen i ${dir} er utdatert: planene er endret siden den ble bygget (${changed.join(', ')}). ${RUN_INGEST}` };
  }
  if (!providerMatches(manifest.provider.id, config)) {
    return {
      state: 'provider',
      message: `Søkeindeksen ble bygget med embeddings-leverandøren ${manifest.provider.id}, men innstillingene sier ${configuredProviderName(config)}. ${RUN_INGEST}`,
    };
  }
  return { state: 'ok', manifest };
}

/** Loads a checked index; throws SearchError INDEX_CORRUPT when a file is missing or does not fit. */
export function loadIndex(dir: string, config: Config, manifest: IndexManifest): IndexParts {
  try {
    // The corpus was validated when it was built; here only its shape is checked (zod over a large
    // corpus would cost more than the whole load).
    const files = verifier(dir, manifest.files);
    // Every file is hashed in the pass that reads it; none is used before its digest matched.
    const corpus = files.stream('corpus.ndjson', readCorpus);
    // Units follow from the corpus deterministically: rebuilt, not stored twice.
    const units = retrievalUnits(corpus);
    const { terms, words } = z.object({ terms: z.array(z.string()), words: z.array(z.string()) }).parse(JSON.parse(files.read('bm25.json').toString('utf8')));
    const raw = files.read('bm25.bin');
    // A large file's Buffer owns its memory: viewed in place, copied only when it is a pooled slice.
    const bin = raw.byteOffset === 0 && raw.buffer.byteLength === raw.byteLength ? raw.buffer : new Uint8Array(raw).buffer;
    const v = terms.length;
    const p = manifest.bm25.postings;
    const n = manifest.units;
    if (units.length !== n || v !== manifest.bm25.terms || bin.byteLength !== 4 * (v + 1 + p + n) + 2 * p) {
      throw new Error('filene passer ikke sammen');
    }
    const data = {
      terms,
      words,
      offsets: new Uint32Array(bin, 0, v + 1),
      units: new Uint32Array(bin, 4 * (v + 1), p),
      unitLengths: new Uint32Array(bin, 4 * (v + 1 + p), n),
      tfs: new Uint16Array(bin, 4 * (v + 1 + p + n), p),
    };
    // Checked even when the digest matched: a search must never loop over postings that do not hold.
    const postings = bm25Problem(data);
    if (postings) throw new Error(postings);
    const bm25 = new Bm25(data);
    const { idf } = z.object({ idf: z.record(z.string(), z.number()).nullable() }).parse(JSON.parse(files.read('embedder.json').toString('utf8')));
    // hnswlib trusts its files (a damaged one can crash or hang it): hashed before it reads them.
    for (let i = 0; i < manifest.vectorShards; i++) files.check(shardFileName(i));
    const vectors = VectorIndex.load(dir, manifest.provider.dimensions, manifest.vectorShards);
    const labels = vectors.labelProblem(n);
    if (labels) throw new Error(labels);
    const provider = createProvider(config, idf ?? undefined);
    if (provider.id !== manifest.provider.id) throw new Error('embeddings-tabellen passer ikke med manifestet');
    return { corpus, units, bm25, vectors, provider, idf, builtAt: manifest.builtAt };
  } catch (err) {
    throw new SearchError('INDEX_CORRUPT', `Søkeindeksen i ${dir} er skadet (${(err as Error).message}). ${RUN_INGEST}`);
  }
}
