import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import { buildIndex } from '../src/search/build.js';
import { openSearcher } from '../src/search/index.js';
import { loadIndex, readIndexManifest, saveIndex } from '../src/search/persist.js';
import { createSearcher } from '../src/search/searcher.js';
import { syntheticCorpus } from './synthetic-corpus.js';

/**
 * `npm run bench [-- --docs 10000 --queries 200]`: index build time, load time, query latency
 * p50/p95/p99 and peak memory (max RSS) on the real corpus and on synthetic corpora of 10, 100, …
 * plan-sized documents up to --docs. Each size runs in two processes of its own — build and save,
 * then load and answer (what `npm start` does) — so each peak memory is that phase's own.
 * Offline embedder (hashing); the index lives in a temporary folder.
 */

interface Row {
  corpus: string;
  documents: number;
  units: number;
  buildSeconds: number;
  indexMB: number;
  loadMs: number;
  p50: number;
  p95: number;
  p99: number;
  peakMB: number;
  buildPeakMB: number;
  loadPeakMB: number;
}

const FALLBACK_QUERIES = [
  'hvem har ansvar for pårørendesamarbeid', 'overdoseforebygging på grunerløkka', 'tiltak 10S', 'brukerrom',
  'oppfølging etter løslatelse fra fengsel', 'utekontakten nordstrand', 'housing for people who use drugs',
  'gjeldende plan for skadereduksjon', 'ungdom i risiko gamle oslo', 'nalokson opplæring ansatte',
];

function questions(max: number, file = path.resolve('eval/questions.yaml')): string[] {
  if (!existsSync(file)) return FALLBACK_QUERIES;
  const parsed = parseYaml(readFileSync(file, 'utf8')) as { questions?: Array<{ q?: unknown }> };
  const qs = (parsed.questions ?? []).map((q) => q.q).filter((q): q is string => typeof q === 'string');
  return (qs.length ? qs : FALLBACK_QUERIES).slice(0, max);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function dirSizeMB(dir: string): number {
  const out = execFileSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(out.split(/\s/)[0]) / 1024;
}

interface BuildRow {
  documents: number;
  units: number;
  buildSeconds: number;
  indexMB: number;
  peakMB: number;
}

interface LoadRow {
  loadMs: number;
  p50: number;
  p95: number;
  p99: number;
  peakMB: number;
}

const peakMB = () => process.resourceUsage().maxRSS / 1024;

function benchConfig(dataDir: string) {
  return loadConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDINGS_PROVIDER: 'hashing', LOG_LEVEL: 'silent' });
}

/** Phase 1, own process: build the index of `docs` documents (0 = the real corpus) and save it. */
async function buildPhase(docs: number, dataDir: string): Promise<BuildRow> {
  const config = benchConfig(dataDir);
  const real = loadCorpus(config.CORPUS_DIR);
  const corpus = docs === 0 ? real : syntheticCorpus(real, docs);
  const t = performance.now();
  const parts = await buildIndex(corpus, config);
  saveIndex(parts, config.indexDir);
  const buildSeconds = (performance.now() - t) / 1000;
  return { documents: corpus.documents.length, units: parts.units.length, buildSeconds, indexMB: dirSizeMB(config.indexDir), peakMB: peakMB() };
}

/** Phase 2, own process (what `npm start` does): load the saved index, then time the questions. */
async function loadPhase(docs: number, dataDir: string, queryCount: number): Promise<LoadRow> {
  const config = benchConfig(dataDir);
  const t = performance.now();
  // Real corpus: check the index against corpus/ and load it. Synthetic: load (no corpus files to check).
  const searcher =
    docs === 0
      ? await openSearcher({ config, build: 'never' })
      : createSearcher(loadIndex(config.indexDir, config, readIndexManifest(config.indexDir)));
  const loadMs = performance.now() - t;
  const qs = questions(queryCount);
  await searcher.search(qs[0]!); // warm-up (lazy trigram index)
  const times: number[] = [];
  for (const q of qs) {
    const s = performance.now();
    await searcher.search(q, { k: 10 });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { loadMs, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), peakMB: peakMB() };
}

function table(rows: Row[]): string {
  const head = '| corpus | documents | units | build | index on disk | load | p50 | p95 | p99 | peak memory build / serve |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (r) =>
      `| ${r.corpus} | ${r.documents.toLocaleString('en')} | ${r.units.toLocaleString('en')} | ${r.buildSeconds.toFixed(1)} s | ` +
      `${r.indexMB.toFixed(1)} MB | ${r.loadMs.toFixed(0)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.buildPeakMB.toFixed(0)} / ${r.loadPeakMB.toFixed(0)} MB |`,
  );
  return [head, sep, ...lines].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      queries: { type: 'string', default: '200' },
      only: { type: 'string' },
      phase: { type: 'string', default: 'build' },
      dir: { type: 'string' },
    },
  });
  const queries = Number(values.queries);
  if (values.only !== undefined) {
    const [docs, phase, dir] = [Number(values.only), values.phase, values.dir!];
    const row = phase === 'build' ? await buildPhase(docs, dir) : await loadPhase(docs, dir, queries);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  const max = Number(values.docs);
  if (!Number.isInteger(max) || max < 0 || max > 100_000) throw new Error('--docs må være et heltall mellom 0 og 100000');
  const sizes = [0];
  for (let n = 10; n <= max; n *= 10) sizes.push(n);
  if (max > 0 && sizes[sizes.length - 1] !== max) sizes.push(max);
  const rows: Row[] = [];
  const self = fileURLToPath(import.meta.url);
  const run = <T>(n: number, phase: string, dir: string): T => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--only', String(n), '--phase', phase, '--dir', dir, '--queries', String(queries)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as T;
  };
  for (const n of sizes) {
    process.stderr.write(`bench: ${n === 0 ? 'real corpus' : `${n} synthetic documents`} …\n`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'veileder-bench-'));
    try {
      const built = run<BuildRow>(n, 'build', dir);
      const loaded = run<LoadRow>(n, 'load', dir);
      rows.push({ corpus: n === 0 ? 'real' : 'synthetic', ...built, ...loaded, peakMB: Math.max(built.peakMB, loaded.peakMB), buildPeakMB: built.peakMB, loadPeakMB: loaded.peakMB });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${table(rows)}\n\n${os.cpus().length} cores, Node ${process.version}, ${queries} queries per size (eval/questions.yaml), embeddings: hashing\n`);
  process.stdout.write(`${await askBench()}\n`);
}

/** ask() end to end on the real corpus (redaction, intent, search, grounding, wording; no LLM), over the blind bank's dev questions. */
async function askBench(): Promise<string> {
  const { createAsk } = await import('../src/answer/ask.js');
  const { log } = await import('../src/log.js');
  const config = loadConfig({ ...process.env, EMBEDDINGS_PROVIDER: 'hashing', OPENAI_API_KEY: '' });
  const searcher = await openSearcher({ config, build: 'memory' });
  const ask = createAsk({ searcher, config, llm: null, log: log.child({}, { level: 'silent' }) });
  const qs = questions(1_000, path.resolve('eval/bank/dev.yaml'));
  for (const q of qs.slice(0, 20)) await ask(q, { channel: 'cli' });
  const times: number[] = [];
  for (const q of qs) {
    const t0 = performance.now();
    await ask(q, { channel: 'cli' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `ask() on the real corpus, ${times.length} questions (eval/bank/dev.yaml): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
