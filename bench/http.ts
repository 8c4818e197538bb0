import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';

/**
 * `npm run bench:http`: load test of POST /api/ask on loopback. Starts the real server (as `npm start`
 * does, index built in memory, rate limit raised, logging at warn) on 127.0.0.1:0, warms up, then runs
 * autocannon for a bounded time at a few concurrency levels and prints requests/s and p50/p99 latency,
 * plus GET /healthz at the highest level as the ceiling of the HTTP layer without ask().
 *
 *   npm run bench:http -- --connections 1,10,50 --duration 10
 */

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '1,10,50' },
    duration: { type: 'string', default: '10' },
  },
});
const levels = values.connections.split(',').map(Number);
const duration = Number(values.duration);
if (levels.some((c) => !Number.isInteger(c) || c < 1 || c > 500) || !(duration >= 1 && duration <= 60)) {
  process.stderr.write('Bruk: npm run bench:http -- --connections 1,10,50 --duration 10 (1–500 forbindelser, 1–60 sekunder)\n');
  process.exit(1);
}

/** Real questions of the kinds staff ask: free text, measure ids, abbreviations, standards, districts. */
const QUESTIONS = [
  'Hvem har ansvar for nalokson på Nordstrand?',
  'Hva er tiltak 10S?',
  'Hva står TSB for?',
  'Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?',
  'Hvem følger opp unge som ruser seg i Gamle Oslo?',
  'Hva gjør bydelen for pårørende til rusavhengige?',
  'Hvem har ansvar for oppfølging etter overdose?',
  'Who is responsible for housing follow-up for people with substance use problems?',
];

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-bench-'));
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '100000',
  FEEDBACK_DB: path.join(dir, 'feedback.sqlite'),
  OPENAI_API_KEY: '', // extractive answers: the target is for the offline path
});
const server = await startServer({ config, build: 'memory', log: pino({ level: 'warn' }) });
const url = new URL('/api/ask', server.url).href;
const requests = QUESTIONS.map((question) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ question }),
}));

try {
  for (const r of requests) {
    const res = await fetch(url, r);
    if (res.status !== 200) throw new Error(`warm-up: ${res.status} ${await res.text()}`);
  }
  const rows: string[][] = [];
  const load = async (label: string, target: string, connections: number, reqs?: typeof requests) => {
    process.stderr.write(`${label}: ${connections} forbindelser i ${duration} s …\n`);
    // One worker thread fires the requests, so the client does not share the server's event loop.
    const r = await autocannon({ url: target, connections, duration, workers: 1, timeout: 10, requests: reqs });
    rows.push([
      label,
      String(connections),
      r.requests.average.toFixed(0),
      r.latency.p50.toFixed(0),
      r.latency.p99.toFixed(0),
      String(r.requests.total),
      String(r.errors + r.timeouts + r.non2xx),
    ]);
  };
  const loadBefore = loadavg()[0]!.toFixed(1);
  for (const connections of levels) await load('POST /api/ask', url, connections, requests);
  await load('GET /healthz', new URL('/healthz', server.url).href, Math.max(...levels));
  const header = ['rute', 'samtidige', 'req/s', 'p50 ms', 'p99 ms', 'svar', 'feil'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  process.stdout.write(
    [
      `${duration} s per nivå, ${QUESTIONS.length} spørsmål om hverandre, uttrekkende svar, Node ${process.version}, ` +
        `${availableParallelism()} kjerner, belastning (load average) ved start ${loadBefore}`,
      line(header),
      line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
      ...rows.map(line),
    ].join('\n') + '\n',
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
