import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CorpusError } from '../corpus/errors.js';
import { loadCorpus } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';

/**
 * `npm run --silent corpus -- [--json] [--dir corpus]`
 * Reads the corpus (manifest → normalize → parse → glossary) and prints it: with --json the whole
 * structured corpus as one JSON document on stdout, otherwise a readable summary. A malformed corpus
 * prints an error naming the file and line on stderr, nothing on stdout, and exits with code 1.
 */

const USAGE = `Bruk: npm run --silent corpus -- [--json] [--dir MAPPE]
  --json        skriv hele det strukturerte korpuset som ett JSON-dokument
  --dir MAPPE   korpusmappen med manifest.yaml (standard: CORPUS_DIR eller «corpus»)
  --help        vis denne hjelpen`;

const Options = z.object({
  json: z.boolean().default(false),
  dir: z.string().trim().min(1, '--dir trenger en mappe').default(process.env.CORPUS_DIR || 'corpus'),
  help: z.boolean().default(false),
});

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; returns the exit code (0 ok, 1 corpus error, 2 usage error). */
export function runCorpusCli(argv: string[], io: Io): number {
  let options: z.infer<typeof Options>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    options = Options.parse(values);
  } catch (err) {
    const message =
      err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : `Ugyldig valg: ${(err as Error).message}`;
    io.err(`${message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }

  let corpus: Corpus;
  try {
    corpus = loadCorpus(options.dir);
  } catch (err) {
    if (err instanceof CorpusError) {
      io.err(`Korpuset kan ikke leses: ${err.message}\nRett feilen i filen og kjør kommandoen på nytt.\n`);
      return 1;
    }
    throw err;
  }
  io.out(options.json ? `${JSON.stringify(corpus, null, 2)}\n` : summary(corpus, options.dir));
  return 0;
}

/** The readable summary: per document its period, sections, measures and the units named most. */
export function summary(corpus: Corpus, dir: string): string {
  const lines: string[] = [`Korpus i ${path.resolve(dir)}: ${corpus.documents.length} dokumenter`, ''];
  for (const d of corpus.documents) {
    lines.push(`${d.id}${d.ocr ? ' (OCR reparert)' : ''}`);
    lines.push(`  ${d.title}`);
    lines.push(`  Eier: ${d.owner} · periode ${d.period.from}–${d.period.to} · oppsett ${d.layout}`);
    lines.push(`  ${d.sections.length} avsnitt, ${d.measures.length} tiltak`);
    if (d.measures.length) {
      const ids = d.measures.map((m) => m.id);
      lines.push(`  Tiltak-id: ${ids[0]} … ${ids.at(-1)}`);
      const counts = new Map<string, number>();
      for (const m of d.measures) for (const u of m.responsible) counts.set(u, (counts.get(u) ?? 0) + 1);
      const units = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'));
      lines.push(`  Ansvarlige enheter (${units.length}): ${units.map(([u, n]) => `${u} (${n})`).join(', ')}`);
    }
    lines.push('');
  }
  const expanded = corpus.glossary.filter((g) => g.expansion);
  lines.push(`Forkortelser: ${corpus.glossary.length}, ${expanded.length} av dem forklart i en plan:`);
  for (const g of expanded) lines.push(`  ${g.abbreviation} = ${g.expansion} (${g.documentId})`);
  const bare = corpus.glossary.filter((g) => !g.expansion).map((g) => g.abbreviation);
  if (bare.length) lines.push(`  Uten forklaring i planene: ${bare.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCorpusCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
