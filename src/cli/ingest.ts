import cliProgress from 'cli-progress';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { addDocument, listDocuments, removeDocument, type AddInput } from '../corpus/admin.js';
import { loadCorpus } from '../corpus/load.js';
import { standardsRegistry } from '../corpus/standards.js';
import { rebuildIndex, type Searcher } from '../search/index.js';
import { UsageError } from './main.js';

/**
 * `npm run ingest`: reads corpus/ and builds the search index under DATA_DIR/index, with a progress
 * bar on stderr. `runBuild()` is the build path; main() only routes arguments. The subcommands
 * add/remove/list change the corpus (src/corpus/admin.ts) and rebuild the index the same way.
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
      npm run ingest -- build   det samme
      npm run ingest -- add FIL --id ID --title TITTEL --owner EIER --period 2024-2027 --kind plan|standard|other [--url URL]
                                legg til en PDF, Word-fil (.docx), HTML-side eller tekstfil og bygg indeksen på nytt
                                (valgfritt: --language nb|nn|en, --layout generic|sections|…)
      npm run ingest -- remove ID   fjern et dokument og bygg indeksen på nytt
      npm run ingest -- list [--json]   dokumentene i korpuset og Oslostandardene planene nevner`;

export interface IngestIO {
  stdout: NodeJS.WritableStream;
  config?: Config;
}

/** `add`: the file and its metadata from the flags; the index is rebuilt with the progress bar. */
async function runAdd(args: string[], io: IngestIO, config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: Object.fromEntries(['id', 'title', 'owner', 'period', 'kind', 'url', 'language', 'layout'].map((k) => [k, { type: 'string' }])) as Record<
      string,
      { type: 'string' }
    >,
  });
  if (positionals.length !== 1) throw new UsageError('Oppgi nøyaktig én fil å legge til.');
  const result = await addDocument({ file: positionals[0]!, ...values } as AddInput, {
    config,
    rebuild: (c) => runBuild({ config: c }),
  });
  io.stdout.write(
    `La til «${result.entry.title}» (${result.entry.id}, ${result.format}) som ${result.entry.file}: ` +
      `${result.sections} avsnitt, ${result.measures} tiltak.\n`,
  );
  return 0;
}

async function runRemove(args: string[], io: IngestIO, config: Config): Promise<number> {
  if (args.length !== 1) throw new UsageError('Oppgi id-en til dokumentet som skal fjernes.');
  const entry = await removeDocument(args[0]!, { config, rebuild: (c) => runBuild({ config: c }) });
  io.stdout.write(`Fjernet «${entry.title}» (${entry.id}) og ${entry.file}.\n`);
  return 0;
}

function runList(args: string[], io: IngestIO, config: Config): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const documents = listDocuments(config.CORPUS_DIR);
  const standards = standardsRegistry(loadCorpus(config.CORPUS_DIR));
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ documents, standards }, null, 2)}\n`);
    return 0;
  }
  const lines = ['Dokumenter:'];
  for (const d of documents) {
    lines.push(`  ${d.id}  [${d.kind}, ${d.period.from}–${d.period.to}]  ${d.title} — ${d.owner}${d.present ? '' : '  (FILEN MANGLER)'}`);
  }
  lines.push('', 'Oslostandarder planene nevner:');
  for (const s of standards) {
    const status = s.documentId ? `fulltekst: ${s.documentId}` : s.status === 'not-yet-published' ? 'ikke publisert ennå' : 'fulltekst ikke lagt inn';
    const refs = s.mentions.map((m) => `${m.documentId}${m.measureIds.length ? ` (tiltak ${m.measureIds.join(', ')})` : ''}`).join('; ');
    lines.push(`  ${s.name}  [${status}]`, `    nevnt i: ${refs || '–'}`);
    if (s.url) lines.push(`    ${s.url}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function main(argv: string[], io: IngestIO = { stdout: process.stdout }): Promise<number> {
  const [command = 'build', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const config = io.config ?? loadConfig();
    switch (command) {
      case 'build':
        if (rest.length) break;
        await runBuild({ config });
        return 0;
      case 'add':
        return await runAdd(rest, io, config);
      case 'remove':
        return await runRemove(rest, io, config);
      case 'list':
        return runList(rest, io, config);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = (err as Error).message.split('\n')[0];
      process.stderr.write(`${err instanceof UsageError ? message : `Ugyldig valg: ${message}`}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  process.stderr.write(`Ukjent kommando: ${argv.join(' ')}\n${USAGE}\n`);
  return 2;
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
