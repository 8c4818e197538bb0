import type { Filters } from '../answer/types.js';
import { loadConfig, type Config } from '../config.js';
import { loadCorpus } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import { childLogger } from '../log.js';
import { buildIndex, type Progress } from './build.js';
import { SearchError } from './errors.js';
import { checkIndex, loadIndex, readIndexManifest, removeStaleTemp, saveIndex } from './persist.js';
import { createSearcher } from './searcher.js';
import type { Language } from './language.js';

/**
 * Hybrid search over the plans' measures and passages — the interface the rest of Veileder calls.
 * How it works: docs/sok-og-kvalitet.md «Søk»; the pieces: units.ts, tokenize.ts, bm25.ts, embeddings/, vector.ts,
 * signals.ts, fusion.ts, persist.ts.
 */

export type SearchMode = 'hybrid' | 'lexical' | 'vector';

export interface SearchHit {
  kind: 'measure' | 'passage';
  documentId: string;
  /** set for measure hits */
  measureId: string | null;
  /** Section.id for passages (and the measure's section where known) */
  sectionId: string | null;
  /** the unit's readable text */
  text: string;
  /** fused, higher is better, 0..1: the top hit's share of the question's (idf-weighted) words, the rest scaled by rank score */
  score: number;
  /** Where each retriever ranked the unit (1-based; null when that list did not hold it or was not run):
   *  whether lexical and vector search agree on it, for answerability (src/answer/answerability.ts). */
  ranks?: { lexical: number | null; vector: number | null };
}

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  filters?: Filters;
  /** «gjeldende plan» is judged against this date (default: now) */
  today?: Date;
  /** The question's language (default: detected, language.ts): an English one is searched with the
   *  Norwegian words of the field it names added. */
  language?: Language;
}

export interface Searcher {
  /** the structured corpus the index was built from */
  readonly corpus: Corpus;
  readonly info: { provider: string; builtAt: string; units: number };
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
}

export { SearchError } from './errors.js';

const log = childLogger({ module: 'search' });

export interface OpenSearcherOptions {
  config?: Config;
  /** auto: load, or build and save when missing/stale/corrupt; never: load or throw; memory: build, don't touch disk */
  build?: 'auto' | 'never' | 'memory';
  onProgress?: Progress;
}

/** Builds the index from config.CORPUS_DIR and saves it to config.indexDir (what `npm run ingest` does). */
export async function rebuildIndex(config: Config, onProgress?: Progress): Promise<Searcher> {
  const parts = await buildIndex(loadCorpus(config.CORPUS_DIR), config, onProgress);
  saveIndex(parts, config.indexDir);
  return createSearcher(parts);
}

/** Loads the index from config.indexDir; builds (and saves) it when missing or stale unless build:'never';
 *  build:'memory' builds in memory without touching disk (tests). */
export async function openSearcher(opts: OpenSearcherOptions = {}): Promise<Searcher> {
  const config = opts.config ?? loadConfig();
  const mode = opts.build ?? 'auto';
  if (mode === 'memory') {
    return createSearcher(await buildIndex(loadCorpus(config.CORPUS_DIR), config, opts.onProgress));
  }
  const started = Date.now();
  const removed = removeStaleTemp(config.indexDir);
  if (removed.length) log.warn({ removed, dir: config.indexDir }, 'removed temporary index folders left by interrupted saves');
  const status = checkIndex(config.indexDir, config);
  let problem: string;
  if (status.state === 'ok') {
    try {
      const searcher = createSearcher(loadIndex(config.indexDir, config, status.manifest));
      log.info({ units: searcher.info.units, provider: searcher.info.provider, ms: Date.now() - started }, 'search index loaded');
      return searcher;
    } catch (err) {
      if (!(err instanceof SearchError)) throw err;
      problem = err.message;
    }
  } else {
    problem = status.message;
  }
  if (mode === 'never') {
    const code = status.state === 'missing' ? 'INDEX_MISSING' : status.state === 'ok' || status.state === 'corrupt' ? 'INDEX_CORRUPT' : 'INDEX_STALE';
    throw new SearchError(code, problem);
  }
  log.warn({ reason: status.state === 'ok' ? 'corrupt' : status.state, problem, dir: config.indexDir }, 'building the search index');
  return rebuildIndex(config, opts.onProgress);
}

/**
 * A searcher that follows the index on disk: a running server sees `npm run ingest -- add/remove`
 * without a restart. Every `pollMs` it reads the index's manifest; when the index was rebuilt (a new
 * builtAt) and fits the corpus, the new index is loaded whole, checked once more to be the one that
 * was read (a rebuild that replaced it meanwhile is loaded at the next look), and only then swapped
 * in — one assignment, between questions: a question already under way finishes on the index it
 * started with. A half-written index is never seen (persist.ts renames a whole folder into place);
 * an index that cannot be loaded leaves the old one serving, and the log says why.
 */
export interface LiveIndex {
  /** the index questions are answered from now */
  current(): Searcher;
  /** Looks for a new index now; resolves true when one was swapped in. */
  check(): Promise<boolean>;
  /** Stops looking. */
  stop(): void;
}

export interface LiveIndexOptions {
  config: Config;
  /** how often to look (ms); 0: only when check() is called */
  pollMs?: number;
  /** called with the new searcher right after a swap */
  onSwap?: (searcher: Searcher) => void;
}

export function liveIndex(initial: Searcher, opts: LiveIndexOptions): LiveIndex {
  const { config } = opts;
  let current = initial;
  /** an index that could not be loaded (it is not tried again); indexes already warned about */
  let failed: string | null = null;
  const warned = new Set<string>();
  let running: Promise<boolean> | null = null;
  const builtAtOnDisk = (): string | null => {
    try {
      return readIndexManifest(config.indexDir).builtAt;
    } catch {
      return null;
    }
  };
  const look = async (): Promise<boolean> => {
    const builtAt = builtAtOnDisk();
    if (!builtAt || builtAt === current.info.builtAt || builtAt === failed) return false;
    const status = checkIndex(config.indexDir, config);
    let problem: string;
    if (status.state === 'ok' && status.manifest.builtAt === builtAt) {
      try {
        const next = createSearcher(loadIndex(config.indexDir, config, status.manifest));
        // Replaced again while it was read: take the newer one at the next look.
        if (builtAtOnDisk() !== builtAt) return false;
        const before = current.info;
        current = next;
        failed = null;
        log.info({ before: before.builtAt, after: next.info.builtAt, units: next.info.units, documents: next.corpus.documents.length }, 'new search index swapped in');
        opts.onSwap?.(next);
        return true;
      } catch (err) {
        problem = (err as Error).message;
      }
    } else {
      // Not (yet) the corpus's index — an ingest still under way, or one that failed and put the
      // corpus back: looked at again next time.
      if (status.state !== 'ok' && !warned.has(builtAt)) {
        warned.add(builtAt);
        log.warn({ builtAt, problem: status.message }, 'a new search index does not fit the corpus (yet); still answering from the one loaded');
      }
      return false;
    }
    failed = builtAt;
    log.warn({ builtAt, problem }, `Fant en ny søkeindeks, men den kan ikke tas i bruk; svarer fortsatt fra den forrige. ${problem}`);
    return false;
  };
  const check = () => (running ??= look().finally(() => (running = null)));
  const timer = opts.pollMs ? setInterval(() => void check().catch((err: unknown) => log.warn({ err }, 'index check failed')), opts.pollMs) : null;
  timer?.unref();
  return {
    current: () => current,
    check,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
