import type { Filters } from '../answer/types.js';
import { loadConfig, type Config } from '../config.js';
import { loadCorpus } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import { childLogger } from '../log.js';
import { buildIndex, type Progress } from './build.js';
import { SearchError } from './errors.js';
import { checkIndex, loadIndex, removeStaleTemp, saveIndex } from './persist.js';
import { createSearcher } from './searcher.js';

/**
 * Hybrid search over the plans' measures and passages — the interface the rest of Veileder calls.
 * How it works: README «Søk»; the pieces: units.ts, tokenize.ts, bm25.ts, embeddings/, vector.ts,
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
}

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  filters?: Filters;
  /** «gjeldende plan» is judged against this date (default: now) */
  today?: Date;
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
