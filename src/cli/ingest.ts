import cliProgress from 'cli-progress';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { rebuildIndex, type Searcher } from '../search/index.js';

/**
 * `npm run ingest`: reads corpus/ and builds the search index under DATA_DIR/index, with a progress
 * bar on stderr. `runBuild()` is the build path; main() only routes arguments.
 */

export interface BuildOptions {
  config?: Config;
  /** show a progress bar on stderr (default: when stderr is a terminal) */
  progress?: boolean;
}

export async function runBuild(opts: BuildOptions = {}): Promise<Searcher> {
  const config = opts.config ?? loadConfig();
  const showBar = opts.progress ?? Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'Bygger søkeindeksen [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const started0 = performance.now();
  try {
    const searcher = await rebuildIndex(config, (done, total) => {
      if (!showBar) return;
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    });
    if (started) bar.stop();
    const seconds = ((performance.now() - started0) / 1000).toFixed(1);
    const docs = searcher.corpus.documents;
    const measures = docs.reduce((n, d) => n + d.measures.length, 0);
    process.stderr.write(
      `Søkeindeksen er bygget i ${seconds} s: ${searcher.info.units} enheter (${measures} tiltak) fra ${docs.length} dokumenter, ` +
        `embeddings: ${searcher.info.provider} → ${config.indexDir}\n`,
    );
    return searcher;
  } catch (err) {
    if (started) bar.stop();
    throw err;
  }
}

const USAGE = `Bruk: npm run ingest            bygg søkeindeksen fra CORPUS_DIR (standard: corpus/) til DATA_DIR/index
      npm run ingest -- build   det samme`;

export async function main(argv: string[]): Promise<number> {
  const [command = 'build', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'build' || rest.length) {
    process.stderr.write(`Ukjent kommando: ${argv.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  await runBuild();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    },
  );
}
