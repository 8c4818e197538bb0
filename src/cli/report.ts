import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { createFeedbackStore, type PrunedCount, type StoredAnswer } from '../feedback/store.js';
import { log } from '../log.js';
import { openPostgresStore } from '../store/postgres.js';
import { runIfMain, UsageError } from './main.js';

/**
 * `npm run report`: what the corpus owners should add — the questions users voted 👎 and those the
 * plans did not answer (found: false), from the feedback store shared by Slack, Teams and the web
 * chat. The same question asked again is one row with a count. Questions are stored already free of
 * personal data (ask() redacts them). Answers older than RETENTION_DAYS are deleted; what is left of
 * them — counts by month, channel, found and vote — is summed up under the table.
 *
 *   npm run --silent report                  a readable table, most recent first
 *   npm run --silent report -- --json        the same rows as JSON
 *   npm run --silent report -- --limit 50 --db .data/feedback.sqlite
 */

const USAGE = `Bruk:
  npm run --silent report                     tabell over spørsmål med 👎 og spørsmål planene ikke svarte på
  npm run --silent report -- --json           det samme som JSON
  npm run --silent report -- --limit 50       bare de 50 siste svarene (standard 500)
  npm run --silent report -- --db FIL         en annen feedback-database enn FEEDBACK_DB`;

const Options = z.object({
  json: z.boolean().default(false),
  limit: z.coerce.number().int('--limit må være et heltall').min(1, '--limit må være minst 1').max(100_000).default(500),
  db: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

export type Reason = 'vote_down' | 'not_found';

export interface ReportRow {
  question: string;
  /** How many recorded answers this row stands for. */
  count: number;
  lastAskedAt: string;
  reasons: Reason[];
  votesDown: number;
  notFound: number;
  channels: string[];
  /** The latest answer given, and its best source (`documentId#measure or section`), if any. */
  lastAnswer: string;
  topSource: string | null;
  ids: string[];
}

const key = (q: string) => q.toLocaleLowerCase('nb').replace(/[\s?!.,]+/g, ' ').trim();
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Groups the store's report (newest first) by question. */
export function buildReport(items: StoredAnswer[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const a of items) {
    const k = key(a.question);
    let row = rows.get(k);
    if (!row) {
      const top = a.citations[0];
      row = {
        question: oneLine(a.question),
        count: 0,
        lastAskedAt: a.createdAt,
        reasons: [],
        votesDown: 0,
        notFound: 0,
        channels: [],
        lastAnswer: oneLine(a.answer),
        topSource: top ? `${top.documentId}#${top.measureId ?? top.section ?? '?'}` : null,
        ids: [],
      };
      rows.set(k, row);
    }
    row.count += 1;
    row.ids.push(a.id);
    if (a.vote === 'down') row.votesDown += 1;
    if (!a.found) row.notFound += 1;
    if (!row.channels.includes(a.channel)) row.channels.push(a.channel);
  }
  for (const row of rows.values()) {
    row.reasons = [...(row.votesDown ? (['vote_down'] as const) : []), ...(row.notFound ? (['not_found'] as const) : [])];
  }
  return [...rows.values()];
}

const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const cut = (s: string, n: number) => (width(s) <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);

/** One line about the answers deleted after the retention period, of which only counts are left. */
export function formatPruned(counts: PrunedCount[], retentionDays: number): string | undefined {
  if (!counts.length) return undefined;
  const sum = (keep: (c: PrunedCount) => boolean) => counts.filter(keep).reduce((n, c) => n + c.answers, 0);
  const months = counts.map((c) => c.month).sort();
  return `Slettet etter ${retentionDays} dager (bare tellingen er igjen, ${months[0]} – ${months.at(-1)}): ${sum(() => true)} svar, ` +
    `${sum((c) => c.vote === 'up')} med 👍, ${sum((c) => c.vote === 'down')} med 👎, ${sum((c) => !c.found)} som planene ikke svarte på.`;
}

/** The rows as a table a person reads in a terminal, with a summary line. */
export function formatReport(rows: ReportRow[], pruned?: string): string {
  if (!rows.length) {
    const none = 'Ingen spørsmål med 👎 og ingen spørsmål planene ikke svarte på. Ingenting å legge til nå.';
    return pruned ? `${none}
${pruned}` : none;
  }
  const reason = (r: ReportRow) =>
    [r.votesDown ? `${r.votesDown}× tommel ned` : '', r.notFound ? `${r.notFound}× ikke funnet` : ''].filter(Boolean).join(', ');
  const table = [
    ['Sist spurt', 'Antall', 'Hvorfor', 'Kanal', 'Spørsmål', 'Beste kilde'],
    ...rows.map((r) => [
      r.lastAskedAt.slice(0, 16).replace('T', ' '),
      String(r.count),
      reason(r),
      r.channels.join(','),
      cut(r.question, 70),
      r.topSource ?? '—',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => width(row[i]!))));
  const lines = table.map((row) => row.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const down = rows.reduce((n, r) => n + r.votesDown, 0);
  const missing = rows.reduce((n, r) => n + r.notFound, 0);
  lines.push('', `${rows.length} spørsmål: ${down} med 👎, ${missing} som planene ikke svarte på.`);
  if (pruned) lines.push(pruned);
  return lines.join('\n');
}

export interface ReportIO {
  stdout: NodeJS.WritableStream;
}

export async function runReportCli(argv: string[], io: ReportIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: unknown;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, limit: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new UsageError(`Ugyldig valg: ${(err as Error).message}\n${USAGE}`);
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
  const opts = parsed.data;
  const write = (s: string) => new Promise<void>((resolve) => io.stdout.write(`${s}\n`, () => resolve()));
  if (opts.help) {
    await write(USAGE);
    return 0;
  }
  const config = loadConfig(env);
  const file = opts.db ?? config.feedbackDb;
  let items: StoredAnswer[] = [];
  let counts: PrunedCount[] = [];
  const shared = !opts.db && config.DATABASE_URL;
  if (shared || existsSync(file)) {
    // DATABASE_URL: the PostgreSQL every replica writes to; otherwise the SQLite file.
    const store = shared ? (await openPostgresStore(shared, { log })).feedback : createFeedbackStore(file, { log });
    try {
      items = await store.report(opts.limit);
      counts = await store.prunedCounts();
    } finally {
      await store.close();
    }
  } else if (!opts.json) {
    await write(`Fant ingen feedback-database i ${file} ennå: den lages når Veileder har svart på noe.`);
    return 0;
  }
  const rows = buildReport(items);
  log.info({ answers: items.length, rows: rows.length }, 'report');
  await write(opts.json ? JSON.stringify(rows, null, 2) : formatReport(rows, formatPruned(counts, config.RETENTION_DAYS)));
  return 0;
}

runIfMain(import.meta.url, 'report', () => runReportCli(process.argv.slice(2), { stdout: process.stdout }));
