import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openSearcher, SearchError } from '../../src/search/index.js';
import { checkIndex, readLines } from '../../src/search/persist.js';

/** The index on disk: built once, loaded after, a changed corpus or a damaged file noticed. */

let root: string;
let config: Config;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veileder-index-'));
  cpSync('corpus', path.join(root, 'corpus'), { recursive: true });
  config = loadConfig({ ...process.env, CORPUS_DIR: path.join(root, 'corpus'), DATA_DIR: path.join(root, 'data'), EMBEDDINGS_PROVIDER: 'hashing' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function expectError(p: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SearchError);
  expect((err as SearchError).code).toBe(code);
  expect((err as SearchError).message).toMatch(text);
}

describe('the index on disk', () => {
  it('says plainly that there is no index yet, when told not to build', async () => {
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_MISSING', /npm run ingest/);
  });

  it('builds and saves the index with progress when none exists, leaving no temporary folder', async () => {
    const progress: number[] = [];
    const built = await openSearcher({ config, onProgress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    expect(existsSync(path.join(config.indexDir, 'manifest.json'))).toBe(true);
    expect(readdirSync(path.dirname(config.indexDir))).toEqual(['index']);

    const loaded = await openSearcher({ config, build: 'never' });
    expect(loaded.info).toEqual(built.info);
    const q = 'hvem har ansvar for brukerrom 2?';
    expect(await loaded.search(q)).toEqual(await built.search(q));
  });

  it('notices a changed plan and tells the user to run ingest; auto rebuilds it', async () => {
    const file = path.join(config.CORPUS_DIR, 'plans', 'grunerlokka-2021-2024.txt');
    appendFileSync(file, '\nEt nytt avsnitt.\n');
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_STALE', /utdatert.*grunerlokka-2021-2024.*npm run ingest/s);
    await openSearcher({ config });
    expect(checkIndex(config.indexDir, config).state).toBe('ok');
  });

  it('notices a damaged index file', async () => {
    truncateSync(path.join(config.indexDir, 'bm25.bin'), 100);
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /skadet.*npm run ingest/s);
    writeFileSync(path.join(config.indexDir, 'manifest.json'), '{ not json');
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /skadet/);
    const rebuilt = await openSearcher({ config });
    expect(rebuilt.info.units).toBeGreaterThan(200);
  });

  it('notices that the index was built by another embeddings provider', async () => {
    const openai = loadConfig({ ...process.env, CORPUS_DIR: config.CORPUS_DIR, DATA_DIR: config.DATA_DIR, EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const status = checkIndex(openai.indexDir, openai);
    expect(status.state).toBe('provider');
    await expectError(openSearcher({ config: openai, build: 'never' }), 'INDEX_STALE', /hashing.*openai.*npm run ingest/s);
  });

  it('reads a file line by line whatever the chunk size, letters of several bytes split between chunks too', () => {
    const file = path.join(root, 'lines.ndjson');
    const lines = ['{"tittel":"Pårørende på Grünerløkka"}', '«Økt livskvalitet» – for alle', 'x'.repeat(50), 'æøå'];
    writeFileSync(file, `${lines.join('\n')}\n\n`);
    for (const chunk of [1, 2, 7, 64, 1 << 22]) {
      const read: string[] = [];
      readLines(file, (l) => read.push(l), chunk);
      expect(read).toEqual(lines);
    }
  });

  it('builds in memory without touching disk', async () => {
    const elsewhere = loadConfig({ ...process.env, DATA_DIR: path.join(root, 'untouched'), EMBEDDINGS_PROVIDER: 'hashing' });
    const s = await openSearcher({ config: elsewhere, build: 'memory' });
    expect(s.info.units).toBeGreaterThan(200);
    expect(existsSync(path.join(root, 'untouched'))).toBe(false);
  });
});
