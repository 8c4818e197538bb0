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
 * p50/p95/p99 and peak memory (max RSS) on the real corpus and on synthetic corpora of 10×, 100×, …
 * plan-sized documents up to --docs. Each size runs in its own process, so its peak memory is its own.
 * Offline embedder (hashing); the index is written to and loaded from a temporary folder.
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
}

const FALLBACK_QUERIES = [
  'hvem har ansvar for pårørendesamarbeid', 'overdoseforebygging på grunerløkka', 'tiltak 10S', 'brukerrom',
  'oppfølging etter løslatelse fra fengsel', 'utekontakten nordstrand', 'housing for people who use drugs',
  'gjeldende plan for skadereduksjon', 'ungdom i risiko gamle oslo', 'nalokson opplæring ansatte',
];

function questions(max: number): string[] {
  const file = path.resolve('eval/questions.yaml');
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

/** One size, in this process: prints one JSON row on stdout. */
async function measure(docs: number, queryCount: number): Promise<Row> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'veileder-bench-'));
  const config = loadConfig({ ...process.env, DATA_DIR: tmp, EMBEDDINGS_PROVIDER: 'hashing', LOG_LEVEL: 'silent' });
  try {
    const real = loadCorpus(config.CORPUS_DIR);
    const corpus = docs === 0 ? real : syntheticCorpus(real, docs);
    let t = performance.now();
    const parts = await buildIndex(corpus, config);
    const buildSeconds = (performance.now() - t) / 1000;
    saveIndex(parts, config.indexDir);
    const indexMB = dirSizeMB(config.indexDir);
    // Real corpus: what `npm start` does (check the index against corpus/, load it). Synthetic: load only.
    t = performance.now();
    const searcher =
      docs === 0
        ? await openSearcher({ config, build: 'never' })
        : createSearcher(loadIndex(config.indexDir, config, readIndexManifest(config.indexDir)), config);
    const loadMs = performance.now() - t;
    const qs = questions(queryCount);
    await searcher.search(qs[0]!); // warm-up (lazy fuzzy vocabulary)
    const times: number[] = [];
    for (const q of qs) {
      const s = performance.now();
      await searcher.search(q, { k: 10 });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return {
      corpus: docs === 0 ? 'real' : 'synthetic',
      documents: corpus.documents.length,
      units: searcher.info.units,
      buildSeconds,
      indexMB,
      loadMs,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      peakMB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function table(rows: Row[]): string {
  const head = '| corpus | documents | units | build | index on disk | load | p50 | p95 | p99 | peak memory |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (r) =>
      `| ${r.corpus} | ${r.documents.toLocaleString('en')} | ${r.units.toLocaleString('en')} | ${r.buildSeconds.toFixed(1)} s | ` +
      `${r.indexMB.toFixed(1)} MB | ${r.loadMs.toFixed(0)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.peakMB.toFixed(0)} MB |`,
  );
  return [head, sep, ...lines].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      queries: { type: 'string', default: '200' },
      only: { type: 'string' },
    },
  });
  const queries = Number(values.queries);
  if (values.only !== undefined) {
    process.stdout.write(`${JSON.stringify(await measure(Number(values.only), queries))}\n`);
    return;
  }
  const max = Number(values.docs);
  if (!Number.isInteger(max) || max < 0 || max > 100_000) throw new Error('--docs må være et heltall mellom 0 og 100000');
  const sizes = [0];
  for (let n = 10; n <= max; n *= 10) sizes.push(n);
  if (max > 0 && sizes[sizes.length - 1] !== max) sizes.push(max);
  const rows: Row[] = [];
  const self = fileURLToPath(import.meta.url);
  for (const n of sizes) {
    process.stderr.write(`bench: ${n === 0 ? 'real corpus' : `${n} synthetic documents`} …\n`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--only', String(n), '--queries', String(queries)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 1 << 20,
    });
    rows.push(JSON.parse(out.trim().split('\n').pop()!) as Row);
  }
  process.stdout.write(`${table(rows)}\n\n${os.cpus().length} cores, Node ${process.version}, ${queries} queries per size (eval/questions.yaml), embeddings: hashing\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
