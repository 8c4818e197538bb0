import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openSearcher, SearchError } from '../../src/search/index.js';
import hnsw from 'hnswlib-node';
import { checkIndex, INDEX_VERSION, readLines } from '../../src/search/persist.js';

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

describe('a damaged or edited index is refused, never served', () => {
  const file = (name: string) => path.join(config.indexDir, name);
  const manifest = () => JSON.parse(readFileSync(file('manifest.json'), 'utf8')) as { version: number; units: number; provider: { dimensions: number }; files: Record<string, { bytes: number; sha256: string }> };
  /** Replaces an index file and writes its new digest into the manifest: only the invariants can catch it then. */
  const forge = (name: string, bytes: Buffer) => {
    writeFileSync(file(name), bytes);
    const m = manifest();
    m.files[name] = { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    writeFileSync(file('manifest.json'), JSON.stringify(m));
  };
  const flipByte = (name: string, at: number) => {
    const bytes = readFileSync(file(name));
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file(name), bytes);
  };

  beforeAll(async () => {
    await openSearcher({ config });
  });

  it('keeps the size and sha256 of every index file in the manifest', () => {
    const m = manifest();
    expect(Object.keys(m.files).sort()).toEqual(['bm25.bin', 'bm25.json', 'corpus.ndjson', 'embedder.json', 'vectors-0.hnsw']);
    const bin = readFileSync(file('bm25.bin'));
    expect(m.files['bm25.bin']).toEqual({ bytes: bin.byteLength, sha256: createHash('sha256').update(bin).digest('hex') });
  });

  it('refuses a bm25.bin of random bytes of the right size, and auto rebuilds a good one', async () => {
    writeFileSync(file('bm25.bin'), randomBytes(manifest().files['bm25.bin']!.bytes));
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /bm25\.bin stemmer ikke med sjekksummen.*npm run ingest/s);
    const rebuilt = await openSearcher({ config });
    expect((await rebuilt.search('tiltak 10S', { k: 1 }))[0]?.measureId).toBe('10S');
  });

  it('refuses one flipped byte in a vector graph before hnswlib reads it', async () => {
    flipByte('vectors-0.hnsw', 200);
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /vectors-0\.hnsw stemmer ikke med sjekksummen/);
    await openSearcher({ config });
  });

  it('refuses an edited corpus.ndjson (Velferdsetaten → Svindeletaten) and serves the plans again after rebuilding', async () => {
    const edited = readFileSync(file('corpus.ndjson'), 'utf8').replaceAll('Velferdsetaten', 'Svindeletaten');
    expect(edited).toContain('Svindeletaten');
    writeFileSync(file('corpus.ndjson'), edited);
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /corpus\.ndjson/);
    const rebuilt = await openSearcher({ config });
    expect(JSON.stringify(rebuilt.corpus)).not.toContain('Svindeletaten');
    expect(JSON.stringify(rebuilt.corpus)).toContain('Velferdsetaten');
  });

  it('refuses postings that do not hold even when their digest matches, instead of looping on them', async () => {
    const good = readFileSync(file('bm25.bin'));
    forge('bm25.bin', randomBytes(good.byteLength));
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', /bm25\.bin har/);
    // Offsets that hold, one unit id past the last unit.
    const units = manifest().units;
    const terms = (JSON.parse(readFileSync(file('bm25.json'), 'utf8')) as { terms: string[] }).terms.length;
    const bad = Buffer.from(good);
    bad.writeUInt32LE(units + 7, 4 * (terms + 1));
    forge('bm25.bin', bad);
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', new RegExp(`bm25\\.bin har en ugyldig enhet \\(${units + 7}\\)`));
    await openSearcher({ config });
  });

  it('refuses a vector graph whose labels are not the index\'s units', async () => {
    const m = manifest();
    const graph = new hnsw.HierarchicalNSW('cosine', m.provider.dimensions);
    graph.initIndex(m.units, 8, 16, 1);
    for (let u = 0; u < m.units; u++) graph.addPoint(Array.from({ length: m.provider.dimensions }, (_, i) => ((u * 31 + i) % 17) + 1), u + 1);
    const tmp = path.join(root, 'shifted.hnsw');
    graph.writeIndexSync(tmp);
    forge('vectors-0.hnsw', readFileSync(tmp));
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_CORRUPT', new RegExp(`vectors-0\\.hnsw har en ugyldig enhet \\(${m.units}\\)`));
    await openSearcher({ config });
  });

  it('rebuilds an index of an older format with a clear message', async () => {
    const m = manifest();
    writeFileSync(file('manifest.json'), JSON.stringify({ ...m, version: INDEX_VERSION - 1 }));
    await expectError(openSearcher({ config, build: 'never' }), 'INDEX_STALE', /annen versjon av Veileder.*npm run ingest/s);
    await openSearcher({ config });
    expect(manifest().version).toBe(INDEX_VERSION);
  });

  it('removes temporary folders interrupted saves left, but not one a running save is writing', async () => {
    const parent = path.dirname(config.indexDir);
    const dead = `.index.tmp-999999999-${Date.now()}`; // no such process
    const old = `.index.tmp-${process.ppid}-${Date.now() - 2 * 60 * 60 * 1000}.old`; // running, but hours old
    const busy = `.index.tmp-${process.ppid}-${Date.now()}`; // a save under way in another process
    for (const name of [dead, old, busy]) mkdirSync(path.join(parent, name, 'half'), { recursive: true });
    await openSearcher({ config, build: 'never' });
    expect(readdirSync(parent).sort()).toEqual([busy, 'index']);
    rmSync(path.join(parent, busy), { recursive: true });
  });
});
