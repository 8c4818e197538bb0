import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { openSearcher, type Searcher } from '../../src/search/index.js';

/**
 * The real engine for answer tests: the real corpus, the real search index built in memory with the
 * offline embedder, and a logger whose every line the test can read.
 */

export function testConfig(extra: Record<string, string> = {}): Config {
  return loadConfig({
    CORPUS_DIR: path.resolve('corpus'),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'veileder-test-')),
    EMBEDDINGS_PROVIDER: 'hashing',
    LOG_LEVEL: 'silent',
    VEILEDER_TODAY: '2026-11-22',
    ...extra,
  });
}

let shared: Promise<Searcher> | undefined;

/** One in-memory searcher over the real corpus, shared by the tests of a file. */
export function realSearcher(): Promise<Searcher> {
  shared ??= openSearcher({ config: testConfig(), build: 'memory' });
  return shared;
}

export interface CapturedLog {
  log: Logger;
  lines: string[];
}

/** A pino logger at debug level whose output lines are kept in `lines`. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}
