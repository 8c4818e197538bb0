import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createAsk } from './answer/ask.js';
import type { Channel, ChannelDeps } from './channels/channel.js';
import { fileBindings } from './channels/bindings.js';
import { apiNotFound, finalHandlers } from './channels/web/errors.js';
import { createWebChannel } from './channels/web/index.js';
import { buildMeta, type Meta } from './channels/web/meta.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { CorpusError } from './corpus/errors.js';
import { readManifest } from './corpus/load.js';
import { standardsRegistry } from './corpus/standards.js';
import { scheduleRetention } from './feedback/retention.js';
import type { FeedbackStore } from './feedback/store.js';
import { log as rootLog, scrubCredentials, withRequestId } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { liveIndex, openSearcher } from './search/index.js';
import { openStore, type Store } from './store/index.js';

/**
 * `npm start`: one HTTP server on HOST:PORT that always serves the web chat and the API, and mounts
 * Slack (/slack/events) and Teams (/api/messages) only when they are configured. Builds the search
 * index first when none exists. Tests use createServer()/startServer() on port 0.
 */

export interface ServerDeps {
  config: Config;
  ask: ChannelDeps['ask'];
  feedback: FeedbackStore;
  log?: Logger;
  /** True once questions can be answered (GET /readyz). Default: always. */
  ready?: () => boolean;
  /** Plans for the chat's filter (GET /api/meta). Default: read from CORPUS_DIR's manifest. */
  meta?: Meta;
  /** The shared store (src/store/): its dedupe, Teams history and bindings go to the channels, its ping to /readyz. */
  store?: Store;
  /** GET /metrics; default: a registry of this server's own (votes, process). */
  metrics?: Metrics;
}

export interface VeilederServer {
  readonly app: Express;
  readonly channels: Channel[];
  /** Listens on HOST:PORT (PORT 0: a free port); resolves with the chat's URL. */
  listen(): Promise<string>;
  /** Graceful stop: /readyz turns 503, no new connections, the channels stop taking questions, and the
   *  questions in flight finish (at most SHUTDOWN_TIMEOUT_MS) before connections are cut. */
  close(): Promise<void>;
}

/** Channels other than web, loaded only when configured so their libraries stay unloaded otherwise. */
async function optionalChannels(deps: ChannelDeps): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (deps.config.slack.enabled) {
    const { createSlackChannel } = await import('./channels/slack/index.js');
    channels.push(await createSlackChannel(deps));
  }
  if (deps.config.teams.enabled) {
    const { createTeamsChannel } = await import('./channels/teams/index.js');
    channels.push(await createTeamsChannel(deps));
  }
  return channels;
}

/** X-Request-Id from the proxy when it is a plain token, else a new one; echoed on the response. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function createServer(deps: ServerDeps): Promise<VeilederServer> {
  const { config } = deps;
  const log = deps.log ?? rootLog;
  const metrics = deps.metrics ?? createMetrics({ failedWrites: () => deps.feedback.failedWrites });
  const feedback = countVotes(deps.feedback, metrics);
  // Questions being answered: close() lets them finish (Slack answers after its HTTP ack, so open connections do not tell).
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const ask: ChannelDeps['ask'] = async (question, context) => {
    inFlight++;
    try {
      return await deps.ask(question, context);
    } finally {
      if (--inFlight === 0) drained?.();
    }
  };
  // One bindings store for Slack and Teams (shared by replicas when it is the database's).
  const channelDeps: ChannelDeps = {
    ask,
    feedback,
    config,
    log,
    store: deps.store && { ...deps.store, feedback },
    bindings: deps.store?.bindings ?? fileBindings(config.DATA_DIR),
  };
  let stopping = false;
  const app = express();
  app.disable('x-powered-by');
  // Answers are never the same resource twice: hashing each body for an ETag is wasted work.
  app.disable('etag');
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const reqId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', reqId);
    withRequestId(reqId, next);
  });
  app.get('/metrics', metrics.handler);
  const web = createWebChannel({
    ...channelDeps,
    ready: deps.ready ?? (() => true),
    readiness: { stopping: () => stopping, database: deps.store && (() => deps.store!.ping()) },
    meta: deps.meta ?? buildMeta(readManifest(config.CORPUS_DIR).documents),
  });
  const channels = [web, ...(await optionalChannels(channelDeps))];
  for (const channel of channels) channel.mount?.(app);
  app.use('/api', apiNotFound);
  app.use(...finalHandlers(log, config.API_MAX_BODY_BYTES));

  let http: Server | undefined;
  return {
    app,
    channels,
    async listen() {
      const server = createHttpServer(app);
      http = server;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          server.off('error', reject);
          resolve();
        });
      });
      for (const channel of channels) await channel.start?.();
      const { address, port } = server.address() as AddressInfo;
      return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
    },
    async close() {
      stopping = true;
      const server = http;
      const closed = server?.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
      for (const channel of channels) await channel.stop?.().catch((err: unknown) => log.warn({ err, channel: channel.name }, 'channel stop failed'));
      const asked = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
      if (inFlight) log.info({ inFlight }, 'stopping: waiting for questions in flight');
      // Connections that go idle after their last answer are closed as they do; the rest are cut at the time-out.
      const idle = setInterval(() => server?.closeIdleConnections(), 100);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), config.SHUTDOWN_TIMEOUT_MS)));
      const cut = await Promise.race([Promise.all([closed, asked]).then(() => false), timedOut]);
      clearTimeout(timer);
      clearInterval(idle);
      if (cut) log.warn({ inFlight, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'stopping: time-out, open connections cut');
      server?.closeAllConnections();
      await closed;
    },
  };
}

export interface StartOptions {
  config?: Config;
  /** How the search index is opened: 'auto' loads it, building and saving it when missing (npm start). */
  build?: 'auto' | 'never' | 'memory';
  onProgress?: (done: number, total: number) => void;
  log?: Logger;
}

export interface RunningServer extends VeilederServer {
  readonly url: string;
  /** The ask() the channels call (tests compare against it). */
  readonly ask: ChannelDeps['ask'];
  readonly config: Config;
  readonly feedback: FeedbackStore;
  readonly store: Store;
}

/**
 * Opens the store (SQLite, or PostgreSQL when DATABASE_URL is set; migrations run), listens at once —
 * /healthz answers and /readyz says 503 while the search index loads — then loads the index and
 * resolves when questions can be answered. close() also stops retention and closes the store.
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? rootLog;
  const store = await openStore(config, log.child({ module: 'store' }));
  const feedback = store.feedback;
  const retention = scheduleRetention(feedback, config.RETENTION_DAYS, log.child({ module: 'feedback' }));
  let server: VeilederServer | undefined;
  try {
    const metrics = createMetrics({ failedWrites: () => feedback.failedWrites });
    const searcher = openSearcher({ config, build: opts.build ?? 'auto', onProgress: opts.onProgress });
    searcher.catch(() => undefined); // awaited below; a failure stops the start there
    // Live re-index: `ingest add/remove` on the index on disk is swapped in between questions (each
    // question keeps the ask() it started with); the chat's plan list follows.
    let current = createAsk({ config, searcher: () => searcher, log, onAnswered: metrics.answered });
    const ask: ChannelDeps['ask'] = (question, context) => current(question, context);
    const meta = buildMeta(readManifest(config.CORPUS_DIR).documents);
    let indexReady = false;
    server = await createServer({ config, ask, feedback, store, log, metrics, meta, ready: () => indexReady });
    const url = await server.listen();
    const loaded = await searcher;
    const { info } = loaded;
    Object.assign(meta, buildMeta(loaded.corpus.documents, standardsRegistry(loaded.corpus)));
    indexReady = true;
    const live =
      opts.build !== 'memory' && config.INDEX_RELOAD_MS > 0
        ? liveIndex(loaded, {
            config,
            pollMs: config.INDEX_RELOAD_MS,
            onSwap: (next) => {
              current = createAsk({ config, searcher: next, log, onAnswered: metrics.answered });
              Object.assign(meta, buildMeta(next.corpus.documents, standardsRegistry(next.corpus)));
            },
          })
        : null;
    log.info(
      { url, channels: server.channels.map((c) => c.name), index: info, store: store.kind },
      `Veileder er klar: nettchat på ${url} · kanaler: ${server.channels.map((c) => c.describe()).join(' · ')}`,
    );
    const running = server;
    return {
      ...running,
      url,
      ask,
      config,
      feedback,
      store,
      async close() {
        live?.stop();
        await running.close();
        retention.stop();
        await retention.lastRun;
        await store.close();
      },
    };
  } catch (err) {
    await server?.close();
    retention.stop();
    await retention.lastRun;
    await store.close();
    throw err;
  }
}

/** The feedback store with each stored vote counted for /metrics. */
function countVotes(feedback: FeedbackStore, metrics: Metrics): FeedbackStore {
  return {
    record: (answer, channel) => feedback.record(answer, channel),
    async vote(id, vote, comment) {
      const stored = await feedback.vote(id, vote, comment);
      if (stored) metrics.voted(vote);
      return stored;
    },
    get: (id) => feedback.get(id),
    report: (limit) => feedback.report(limit),
    prune: (before, signal) => feedback.prune(before, signal),
    prunedCounts: () => feedback.prunedCounts(),
    get failedWrites() {
      return feedback.failedWrites;
    },
    close: () => feedback.close(),
  };
}

/** Index-building progress on stderr: a bar on a terminal, a log line per quarter otherwise. */
function progressReporter(log: Logger): { onProgress: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'Bygger søkeindeksen [{bar}] {value}/{total}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastQuarter = -1;
  return {
    onProgress(done, total) {
      const quarter = total > 0 ? Math.floor((done / total) * 4) : 4;
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        log.info({ done, total }, 'building the search index');
      }
    },
    stop: () => undefined,
  };
}

/** Why a file operation failed, in words, for the codes a user can fix. */
const FS_REASON: Record<string, string> = {
  EACCES: 'ingen skrivetilgang',
  EPERM: 'ingen tilgang',
  EROFS: 'filsystemet er skrivebeskyttet',
  ENOTDIR: 'en del av stien er en fil, ikke en mappe',
  ENOENT: 'finnes ikke',
  ENOSPC: 'disken er full',
  EISDIR: 'er en mappe, ikke en fil',
  EEXIST: 'finnes allerede og er ikke en mappe',
};

/** Which setting decides where a file is, so the message can say what to change. */
function settingFor(file: string, config: Config): string {
  const abs = path.resolve(file);
  const under = (dir: string) => abs === path.resolve(dir) || abs.startsWith(path.resolve(dir) + path.sep);
  if (config.feedbackDb !== ':memory:' && (abs === path.resolve(config.feedbackDb) || under(path.dirname(config.feedbackDb)) && !under(config.DATA_DIR))) {
    return `FEEDBACK_DB=… (nå ${config.feedbackDb})`;
  }
  if (under(config.CORPUS_DIR)) return `CORPUS_DIR=… (nå ${config.CORPUS_DIR})`;
  return `DATA_DIR=… (nå ${config.DATA_DIR}) — en mappe Veileder kan skrive i`;
}

/** What to tell the user when start-up fails for a reason they can fix; undefined for a bug. */
export function startupProblem(err: unknown, config: Config): string | undefined {
  const e = (err ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (e.syscall === 'listen') {
    if (code === 'EADDRINUSE') return `Porten ${config.PORT} på ${config.HOST} er i bruk. Velg en annen med PORT=… (f.eks. PORT=3979 npm start).`;
    if (code === 'EACCES' || code === 'EPERM') return `Har ikke lov til å lytte på ${config.HOST}:${config.PORT}. Velg en port over 1024 med PORT=….`;
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `Adressen HOST=${config.HOST} finnes ikke på denne maskinen. Bruk f.eks. HOST=127.0.0.1.`;
  }
  // A file Veileder must write or read: name it, say why, and which setting moves it.
  if (code && FS_REASON[code] && typeof e.path === 'string') {
    return `Kan ikke bruke ${e.path}: ${FS_REASON[code]} (${code}). Rett opp mappen, eller velg en annen med ${settingFor(e.path, config)}.`;
  }
  if (code?.startsWith('SQLITE_')) {
    return `Kan ikke åpne tilbakemeldingsdatabasen ${config.feedbackDb} (${code}: ${String(e.message)}). Sjekk at mappen finnes og kan skrives, eller sett FEEDBACK_DB=… eller DATA_DIR=….`;
  }
  if (err instanceof CorpusError) return `Kunne ikke lese korpuset: ${err.message}`;
  // Veileder's coded errors (search, Slack, Teams …) carry a message that says what to do.
  if (err instanceof Error && code && /^[A-Z][A-Z0-9_]+$/.test(code) && !/^E[A-Z]+$/.test(code)) return err.message;
  return undefined;
}

async function main(): Promise<void> {
  // Production unless told otherwise: express then never renders a stack trace (the final JSON
  // handler answers first anyway) and libraries skip their development checks.
  process.env.NODE_ENV ??= 'production';
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const progress = progressReporter(rootLog);
  let server: RunningServer;
  try {
    server = await startServer({ config, build: 'auto', onProgress: progress.onProgress });
  } catch (err) {
    progress.stop();
    const problem = startupProblem(err, config);
    if (problem) process.stderr.write(`${scrubCredentials(problem)}\n`);
    else rootLog.fatal({ err }, 'Veileder could not start');
    process.exit(1);
  }
  progress.stop();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    rootLog.info({ signal }, 'Veileder stopper');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        rootLog.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
