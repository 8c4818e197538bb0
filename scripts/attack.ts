import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startSlackApiStandIn, type SlackApiStandIn } from '../test/channels/slack/support/slack-api-standin.js';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from '../test/support/openai-standin.js';

/**
 * `npm run attack`: the attacks and faults of issue 14 against a started server, on loopback only.
 *
 * Starts `npm start`'s entry point (src/server.ts) itself on a free 127.0.0.1 port with a temporary
 * DATA_DIR, Slack (signing secret, Web API on a local stand-in), Teams (an app id, so tokens are
 * checked) and an LLM (a local OpenAI stand-in whose replies each check scripts). Then runs each check,
 * bounded in count and time, and prints one line per check: «holdt: …» or «brøt: …». Exits 1 when
 * something broke, so the next change can be checked the same way.
 *
 *   npm run attack                       every check
 *   npm run attack -- --only xss,range   some of them (names as printed)
 *   npm run attack -- --verbose          the server's log on stderr as well
 */

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});

// ---------- the server under attack ----------

const SIGNING_SECRET = 'attack-signing-secret-0123456789abcdef';
const APP_ID = '0a0b0c0d-1111-2222-3333-444455556666';
const APP_PASSWORD = 'attack-not-a-real-password';
const MAX_LOG_CHARS = 50_000_000;

interface Veileder {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server wrote to stderr (its log) since it started. */
  log(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts the server as `npm start` does; resolves once it logs that it is ready (or rejects, with its stderr). */
async function startVeileder(env: Record<string, string>, timeoutMs = 120_000): Promise<Veileder> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    if (stderr.length < MAX_LOG_CHARS) stderr += c;
    if (args.verbose) process.stderr.write(c);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+\/)"/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${stderr.slice(-400)}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    log: () => stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

// ---------- small helpers ----------

interface Outcome {
  held: boolean;
  detail: string;
}
const held = (detail: string): Outcome => ({ held: true, detail });
const broke = (detail: string): Outcome => ({ held: false, detail });
/** Held when no problem was found; else broke, naming the first few. */
const verdict = (problems: string[], ok: string): Outcome =>
  problems.length ? broke(problems.slice(0, 4).join('; ') + (problems.length > 4 ? ` (+${problems.length - 4} til)` : '')) : held(ok);

/** What an error body must never show: stack frames, absolute paths, HTML. */
const LEAK = /\bat [\w.<>]+ \(|node_modules|\/work\/|\/home\/|\/usr\/|<html|<pre>|\bError: /i;

interface Reply {
  status: number;
  type: string;
  text: string;
  headers: Headers;
  ms: number;
}

async function send(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Reply> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, headers: res.headers, ms: Math.round(performance.now() - started) };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
});

/**
 * A client error answered as it should be: 4xx, JSON with a code, nothing of the server's insides.
 * /slack/events is Bolt's: it checks the signature first (401 before it reads the body) and answers
 * Slack in its own words; there only 4xx and no leak are required.
 */
function clientErrorProblem(name: string, r: Reply, p = ''): string | undefined {
  if (r.status < 400 || r.status >= 500) return `${name}: ${r.status} ${r.text.slice(0, 60)}`;
  if (LEAK.test(r.text)) return `${name}: ${r.status} viser stakkspor/stier`;
  if (!/json/.test(r.type) && p !== '/slack/events') return `${name}: ${r.status} som ${r.type || 'uten type'}, ikke JSON`;
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(50);
  }
  return test();
}

function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function slackPost(url: string, body: string, contentType: string, o: { timestamp?: number; signature?: string | null; retryNum?: number } = {}) {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
  if (o.signature !== null) headers['x-slack-signature'] = o.signature ?? slackSignature(body, timestamp);
  if (o.retryNum !== undefined) Object.assign(headers, { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' });
  return send(url, { method: 'POST', headers, body });
}

function slashCommand(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0VEILEDER',
    team_domain: 'attack',
    channel_id: 'C0RUSFELT',
    channel_name: 'rusfeltet',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/veileder',
    text,
    api_app_id: 'A0VEILEDER',
    response_url: responseUrl,
    trigger_id: `trig.${randomUUID()}`,
  }).toString();
}

function mentionEvent(text: string, eventId = `Ev${randomUUID().slice(0, 8)}`) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return {
    token: 'legacy',
    team_id: 'T0VEILEDER',
    api_app_id: 'A0VEILEDER',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0VEILEDER', user_id: 'UVEILEDER', is_bot: true }],
    event: { type: 'app_mention', user: 'U0ASKER', text: `<@UVEILEDER> ${text}`, ts, channel: 'C0RUSFELT', event_ts: ts },
  };
}

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A valid Norwegian national identity number (mod-11 control digits) for a birth date. */
function fodselsnummer(ddmmyy: string, individual: number): string {
  for (let ind = individual; ind < individual + 100; ind++) {
    const d = `${ddmmyy}${String(ind).padStart(3, '0')}`.split('').map(Number);
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let k1 = 11 - (w1.reduce((s, w, i) => s + w * d[i]!, 0) % 11);
    if (k1 === 11) k1 = 0;
    if (k1 === 10) continue;
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k2 = 11 - ([...d, k1].reduce((s, v, i) => s + w2[i]! * v, 0) % 11);
    if (k2 === 11) k2 = 0;
    if (k2 === 10) continue;
    return `${d.join('')}${k1}${k2}`;
  }
  throw new Error('no valid number');
}

/** A stand-in Bot Framework connector: counts what the bot would post to Teams. */
async function startConnector(): Promise<{ serviceUrl: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function teamsActivity(serviceUrl: string, text: string) {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:attacker', name: 'Attacker', aadObjectId: randomUUID() },
    conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: randomUUID() },
    recipient: { id: `28:${APP_ID}`, name: 'Veileder' },
    text,
    locale: 'nb-NO',
  };
}

/** Sends `count` bodies of `mb` MB each to a path, streamed in 64 KB chunks; resolves with the statuses (0: connection closed). */
async function sendLarge(url: string, mb: number, headers: Record<string, string>, chunked: boolean): Promise<number> {
  const prefix = '{"question":"';
  const size = mb * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise<number>((resolve) => {
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, ...(chunked ? {} : { 'content-length': String(prefix.length + size) }) }, timeout: 20_000 });
    let done = false;
    const finish = (status: number) => {
      if (!done) {
        done = true;
        resolve(status);
      }
    };
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on('error', () => finish(0));
    req.on('timeout', () => {
      req.destroy();
      finish(-1);
    });
    let sent = 0;
    const pump = () => {
      while (sent < size && !done) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write(prefix);
    pump();
  });
}

// ---------- the checks ----------

interface Context {
  server: Veileder;
  env: Record<string, string>;
  dataDir: string;
  slack: SlackApiStandIn;
  llm: OpenAIStandIn;
  u(p: string): string;
  /** Stops the server if it runs, and starts it again on the same port and DATA_DIR. */
  restart(timeoutMs?: number): Promise<void>;
}

interface Check {
  name: string;
  /** Upper bound for the whole check. */
  timeoutMs: number;
  run(ctx: Context): Promise<Outcome>;
}

const ASK = '/api/ask';
const QUESTION = 'Hva er tiltak 10S?';
/** A free-text question: the one kind ask() lets the language model word (a measure id is looked up). */
const FREE = 'Hvem har ansvar for nalokson på Nordstrand?';

/** The answer to «Hva er tiltak 10S?» cites measure 10S: the server still answers correctly. */
async function answersCorrectly(ctx: Context): Promise<string | undefined> {
  const r = await send(ctx.u(ASK), json({ question: QUESTION }));
  if (r.status !== 200) return `«${QUESTION}» gav ${r.status}`;
  const a = JSON.parse(r.text) as { citations: { measureId: string | null }[] };
  return a.citations[0]?.measureId === '10S' ? undefined : `«${QUESTION}» siterer ikke 10S`;
}

const checks: Check[] = [
  {
    name: 'bad-bodies',
    timeoutMs: 30_000,
    async run(ctx) {
      const deep = '['.repeat(5_000) + ']'.repeat(5_000);
      const cases: Array<[string, string, RequestInit]> = [
        ['broken JSON', ASK, json('{"question": "hei"')],
        ['array', ASK, json('[]')],
        ['null', ASK, json('null')],
        ['string', ASK, json('"Hva er tiltak 10S?"')],
        ['number question', ASK, json({ question: 123 })],
        ['empty question', ASK, json({ question: '   ' })],
        ['history not a list', ASK, json({ question: 'hei', history: 'x' })],
        ['filters wrong', ASK, json({ question: 'hei', filters: { documentIds: 'x' } })],
        ['deep nesting', ASK, json(`{"question":"hei","history":${deep}}`)],
        ['invalid UTF-8', ASK, json(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
        ['no body', ASK, { method: 'POST', headers: { 'content-type': 'application/json' } }],
        ['text/plain', ASK, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Hva er tiltak 10S?' }],
        ['form body', ASK, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'question=hei' }],
        ['charset latin1', ASK, json('{"question":"hei"}', { 'content-type': 'application/json; charset=latin1' })],
        ['feedback no uuid', '/api/feedback', json({ answerId: '../../etc/passwd', vote: 'up' })],
        ['feedback bad vote', '/api/feedback', json({ answerId: randomUUID(), vote: 'sideways' })],
        ['feedback unknown id', '/api/feedback', json({ answerId: randomUUID(), vote: 'up' })],
        ['GET on ask', ASK, { method: 'GET' }],
        ['teams broken JSON', '/api/messages', json('{"type":')],
        ['slack broken JSON', '/slack/events', json('{"type":')],
      ];
      const problems: string[] = [];
      for (const [name, p, init] of cases) {
        const r = await send(ctx.u(p), init).catch((e: Error) => ({ status: 0, type: '', text: e.message, headers: new Headers(), ms: 0 }));
        const problem = clientErrorProblem(name, r, p);
        if (problem) problems.push(problem);
      }
      // __proto__ in a body must not reach Object.prototype
      await send(ctx.u(ASK), json('{"question":"hei","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'));
      const ok = await answersCorrectly(ctx);
      if (ok) problems.push(`etterpå: ${ok}`);
      return verdict(problems, `${cases.length} ødelagte kropper: alle 4xx som JSON uten stakkspor; serveren svarer riktig etterpå`);
    },
  },
  {
    name: 'xss',
    timeoutMs: 20_000,
    async run(ctx) {
      const problems: string[] = [];
      const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> Hva er tiltak 10S?';
      const r = await send(ctx.u(ASK), json({ question: payload }));
      if (r.status !== 200) problems.push(`spørsmål med skript: ${r.status}`);
      if (!/^application\/json/.test(r.type)) problems.push(`svaret er ${r.type}, ikke JSON`);
      if (r.headers.get('x-content-type-options') !== 'nosniff') problems.push('svaret mangler nosniff');
      const page = await send(ctx.u('/?q=<script>alert(1)</script>'));
      const csp = page.headers.get('content-security-policy') ?? '';
      if (!/script-src 'self'/.test(csp) || /unsafe-inline|unsafe-eval/.test(csp)) problems.push(`siden har svak CSP: ${csp || 'ingen'}`);
      if (page.text.includes('<script>alert(1)')) problems.push('siden speiler spørringen');
      const notFound = await send(ctx.u('/<script>alert(1)</script>'));
      if (/html/.test(notFound.type) && notFound.text.includes('<script>alert')) problems.push('404 speiler skript som HTML');
      if (notFound.headers.get('x-content-type-options') !== 'nosniff') problems.push('404 mangler nosniff');
      const app = await send(ctx.u('/app.js'));
      if (/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(app.text)) problems.push('app.js skriver HTML');
      return verdict(problems, 'skript i spørsmål og adresse kommer tilbake som JSON/tekst; CSP uten inline-skript; nosniff overalt');
    },
  },
  {
    name: 'slack-signatures',
    timeoutMs: 30_000,
    async run(ctx) {
      const events = ctx.u('/slack/events');
      const before = ctx.slack.calls.length;
      const body = slashCommand(QUESTION, ctx.slack.responseUrl('forged'));
      const now = Math.floor(Date.now() / 1000);
      const form = 'application/x-www-form-urlencoded';
      const cases: Array<[string, Promise<Reply>]> = [
        ['usignert', slackPost(events, body, form, { signature: null })],
        ['feil signatur', slackPost(events, body, form, { signature: `v0=${'0'.repeat(64)}` })],
        ['feil hemmelighet', slackPost(events, body, form, { signature: slackSignature(body, now, 'wrong-secret') })],
        ['gammelt tidsstempel (10 min)', slackPost(events, body, form, { timestamp: now - 600 })],
        ['fremtidig tidsstempel (10 min)', slackPost(events, body, form, { timestamp: now + 600 })],
        ['tidsstempel ikke tall', slackPost(events, body, form, { timestamp: Number.NaN })],
      ];
      const problems: string[] = [];
      for (const [name, p] of cases) {
        const r = await p.catch((e: Error) => ({ status: 0, text: e.message }) as Reply);
        if (r.status !== 401 && r.status !== 403) problems.push(`${name}: ${r.status}`);
        else if (LEAK.test(r.text)) problems.push(`${name}: stakkspor i svaret`);
      }
      await sleep(1_500);
      const leaked = ctx.slack.calls.slice(before).filter((c) => c.path.includes('forged'));
      if (leaked.length) problems.push(`${leaked.length} svar sendt på forfalsket forespørsel`);
      return verdict(problems, `${cases.length} forfalskede/utgåtte Slack-forespørsler avvist med 401, ingenting sendt`);
    },
  },
  {
    name: 'slack-replay',
    timeoutMs: 40_000,
    async run(ctx) {
      const events = ctx.u('/slack/events');
      const problems: string[] = [];
      // the same signed slash command twice (a replay within Slack's 5 minutes)
      const id = `replay-${randomUUID().slice(0, 8)}`;
      const body = slashCommand(QUESTION, ctx.slack.responseUrl(id));
      const ts = Math.floor(Date.now() / 1000);
      const sig = slackSignature(body, ts);
      const first = await slackPost(events, body, 'application/x-www-form-urlencoded', { timestamp: ts, signature: sig });
      const second = await slackPost(events, body, 'application/x-www-form-urlencoded', { timestamp: ts, signature: sig });
      if (first.status !== 200) problems.push(`første kommando: ${first.status}`);
      await waitUntil(() => ctx.slack.calls.filter((c) => c.path.endsWith(id)).length >= 2, 6_000);
      const answered = ctx.slack.calls.filter((c) => c.path.endsWith(id)).length;
      if (answered !== 1) problems.push(`gjentatt kommando besvart ${answered} ganger (andre fikk ${second.status})`);
      // an event, then Slack's retries of it (x-slack-retry-num) and a plain resend of the same event_id
      const envelope = mentionEvent(QUESTION);
      const raw = JSON.stringify(envelope);
      const posted = () => ctx.slack.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body).includes(envelope.event.ts)).length;
      await slackPost(events, raw, 'application/json');
      await slackPost(events, raw, 'application/json', { retryNum: 1 });
      await slackPost(events, raw, 'application/json', { retryNum: 2 });
      await slackPost(events, raw, 'application/json');
      await waitUntil(() => posted() >= 2, 6_000);
      const replies = posted();
      if (replies !== 1) problems.push(`samme hendelse (1 + 2 retries + 1 kopi) besvart ${replies} ganger`);
      return verdict(problems, 'gjentatt kommando og hendelse med retries besvart én gang');
    },
  },
  {
    name: 'teams-forged-tokens',
    timeoutMs: 60_000,
    async run(ctx) {
      const connector = await startConnector();
      try {
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.serviceUrl, nbf: now - 60, exp: now + 3600 };
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const rsHead = b64url({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key', x5t: 'attacker-key' });
        const rsBody = b64url(claims);
        const rs = `${rsHead}.${rsBody}.${rsaSign('sha256', Buffer.from(`${rsHead}.${rsBody}`), privateKey).toString('base64url')}`;
        const hsHead = b64url({ alg: 'HS256', typ: 'JWT' });
        const hs = `${hsHead}.${rsBody}.${createHmac('sha256', APP_PASSWORD).update(`${hsHead}.${rsBody}`).digest('base64url')}`;
        const tokens: Array<[string, string | null]> = [
          ['ingen token', null],
          ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${rsBody}.`],
          ['RS256 med feil nøkkel', rs],
          ['HS256 med app-passordet', hs],
          ['søppel', 'Bearer.not.a.jwt'],
        ];
        const problems: string[] = [];
        for (const [name, token] of tokens) {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (token) headers.authorization = `Bearer ${token}`;
          const r = await send(ctx.u('/api/messages'), {
            method: 'POST',
            headers,
            body: JSON.stringify(teamsActivity(connector.serviceUrl, QUESTION)),
            timeoutMs: 15_000,
          }).catch((e: Error) => ({ status: 0, text: e.message, ms: 15_000 }) as Reply);
          if (r.status !== 401 && r.status !== 403) problems.push(`${name}: ${r.status || ''} «${r.text.slice(0, 50)}» etter ${r.ms} ms`);
          else if (LEAK.test(r.text)) problems.push(`${name}: stakkspor i svaret`);
        }
        await sleep(1_000);
        if (connector.requests.length) problems.push(`${connector.requests.length} svar sendt til Teams på forfalsket token`);
        return verdict(problems, `${tokens.length} forfalskede Teams-tokener avvist med 401, ingenting sendt`);
      } finally {
        await connector.close();
      }
    },
  },
  {
    name: 'oversized-bodies',
    timeoutMs: 120_000,
    async run(ctx) {
      const before = rssMb(ctx.server.pid);
      const problems: string[] = [];
      const targets: Array<[string, Record<string, string>]> = [
        [ASK, { 'content-type': 'application/json' }],
        ['/api/feedback', { 'content-type': 'application/json' }],
        ['/api/messages', { 'content-type': 'application/json' }],
        ['/slack/events', { 'content-type': 'application/json' }],
      ];
      let sent = 0;
      for (const [p, headers] of targets) {
        for (const chunked of [false, true]) {
          const statuses = await Promise.all(Array.from({ length: 3 }, () => sendLarge(ctx.u(p), 16, headers, chunked)));
          sent += statuses.length;
          const bad = statuses.filter((s) => s !== 413 && s !== 0 && s !== 401);
          if (bad.length) problems.push(`${p} ${chunked ? 'chunked' : 'med lengde'}: ${bad.join(',')}`);
        }
      }
      // a gzip bomb: 64 MB of zeros in ~64 KB
      const bomb = gzipSync(Buffer.concat([Buffer.from('{"question":"'), Buffer.alloc(64 * 1024 * 1024, 0x30), Buffer.from('"}')]));
      const r = await send(ctx.u(ASK), json(bomb, { 'content-encoding': 'gzip' }));
      if (r.status !== 413) problems.push(`gzip-bombe: ${r.status}`);
      const brBomb = brotliCompressSync(Buffer.alloc(32 * 1024 * 1024, 0x30));
      const rb = await send(ctx.u('/api/messages'), json(brBomb, { 'content-encoding': 'br' }));
      if (rb.status !== 413 && rb.status !== 400 && rb.status !== 401) problems.push(`br-bombe mot Teams: ${rb.status}`);
      await sleep(1_000);
      const after = rssMb(ctx.server.pid);
      if (after - before > 150) problems.push(`minnet vokste ${after - before} MB`);
      const ok = await answersCorrectly(ctx);
      if (ok) problems.push(`etterpå: ${ok}`);
      return verdict(problems, `${sent} × 16 MB og to komprimerte bomber avvist (413); minne ${before} → ${after} MB`);
    },
  },
  {
    name: 'bad-content-encoding',
    timeoutMs: 20_000,
    async run(ctx) {
      const problems: string[] = [];
      let n = 0;
      for (const p of [ASK, '/api/feedback', '/api/messages', '/slack/events']) {
        for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'gzip, gzip', 'identity, x-unknown']) {
          n += 1;
          const r = await send(ctx.u(p), json('not compressed at all', { 'content-encoding': encoding })).catch(
            (e: Error) => ({ status: 0, text: e.message, type: '' }) as Reply,
          );
          const problem = clientErrorProblem(`${p} ${encoding}`, r, p);
          if (problem) problems.push(problem);
        }
      }
      return verdict(problems, `${n} feil Content-Encoding på fire endepunkter: alle 4xx som JSON`);
    },
  },
  {
    name: 'range',
    timeoutMs: 20_000,
    async run(ctx) {
      const problems: string[] = [];
      let n = 0;
      for (const p of ['/', '/app.js', '/style.css', '/favicon.ico', '/api/meta', '/healthz']) {
        for (const range of ['bytes=0-9', 'bytes=99999999-', 'bytes=5-1', 'bytes=-0', 'bytes=abc', 'bytes=0-1,3-4,0-1,0-1', `bytes=${'0-1,'.repeat(500)}0-1`]) {
          n += 1;
          const r = await send(ctx.u(p), { headers: { range } });
          if (r.status >= 500) problems.push(`${p} ${range.slice(0, 20)}: ${r.status}`);
          else if (r.status >= 400 && (LEAK.test(r.text) || !/json/.test(r.type))) problems.push(`${p} ${range.slice(0, 20)}: ${r.status} ${r.type} med stakkspor/HTML`);
        }
      }
      return verdict(problems, `${n} Range-forespørsler: delen, hele filen eller en JSON-416 — aldri stakkspor`);
    },
  },
  {
    name: 'llm-failures',
    timeoutMs: 60_000,
    async run(ctx) {
      const timeout = Number(ctx.env.LLM_TIMEOUT_MS);
      const faults: Array<[string, Parameters<OpenAIStandIn['chat']['push']>[0]]> = [
        ['500', reply.error(500)],
        ['429', reply.error(429, 'Rate limit reached')],
        ['søppel', reply.garbage()],
        ['tregt (over tidsgrensen)', reply.slow('Tiltak 10S er …', timeout * 4)],
        ['avslag', reply.refusal()],
        ['tomt', reply.good('')],
      ];
      const problems: string[] = [];
      const chatCalls = () => ctx.llm.requestsTo('/v1/chat/completions').length;
      const calls = chatCalls();
      for (const [name, fault] of faults) {
        ctx.llm.chat.fallback = fault;
        const r = await send(ctx.u(ASK), json({ question: FREE })).catch((e: Error) => ({ status: 0, text: e.message, ms: -1 }) as Reply);
        if (r.status !== 200) {
          problems.push(`${name}: ${r.status}`);
          continue;
        }
        const a = JSON.parse(r.text) as { answer: string; found: boolean; citations: { measureId: string | null }[] };
        if (!a.found || !a.answer.trim() || !a.citations.some((c) => c.measureId === 'N30')) problems.push(`${name}: svaret mangler tiltak N30`);
        if (r.ms > timeout * 3 + 2_000) problems.push(`${name}: ${r.ms} ms`);
      }
      ctx.llm.chat.fallback = reply.error(503);
      if (chatCalls() === calls) problems.push('språkmodellen ble aldri spurt (er LLM på?)');
      return verdict(problems, `${faults.length} feil fra språkmodellen: det uttrukne svaret (Nordstrands tiltak N30) kom likevel, innen tidsgrensen`);
    },
  },
  {
    name: 'personal-data',
    timeoutMs: 90_000,
    async run(ctx) {
      // Each spelling has its own number, so a leak is traced to the spelling that caused it.
      const f = (n: number) => fodselsnummer(`0${n}0${n}7${n}`, 100 + n * 11);
      const d = fodselsnummer('410170', 456); // D-nummer: day + 40
      const [f1, f2, f3, f4] = [f(1), f(2), f(3), f(4)];
      const spellings: Array<[string, string, string]> = [
        // [what, as written in the question, what must not come back (compared without spaces, dots, dashes)]
        ['fødselsnummer', f1, f1],
        ['fødselsnummer med mellomrom', `${f2.slice(0, 6)} ${f2.slice(6)}`, f2],
        ['fødselsnummer med bindestrek', `${f3.slice(0, 6)}-${f3.slice(6)}`, f3],
        ['fødselsnummer med punktum', `${f4.slice(0, 2)}.${f4.slice(2, 4)}.${f4.slice(4, 6)} ${f4.slice(6)}`, f4],
        ['D-nummer', d, d],
        ['mobil', '91234561', '91234561'],
        ['mobil med mellomrom', '912 34 562', '91234562'],
        ['mobil +47', '+47 912 34 563', '91234563'],
        ['mobil 0047', '0047 91234564', '91234564'],
        ['mobil med bindestrek', '912-34-565', '91234565'],
        ['fasttelefon 22', '22 33 44 56', '22334456'],
        ['e-post', 'kari.nordmann@example.no', 'kari.nordmann@example.no'],
        ['e-post med store bokstaver', 'Per.Hansen@Example.NO', 'per.hansen@example.no'],
        ['navn ved diagnose', 'Kari Nordmann har schizofreni og', 'kari nordmann'],
      ];
      const norm = (s: string) => s.toLowerCase().replace(/[\s.\-+()]/g, '');
      const normName = (s: string) => s.toLowerCase();
      const problems: string[] = [];
      const logStart = ctx.server.log().length;
      const llmStart = ctx.llm.requests.length;
      ctx.llm.chat.fallback = reply.good('Bydelen har ansvaret [1].');
      for (const [what, written] of spellings) {
        const question = `Min bruker ${written} trenger nalokson på Nordstrand. Hvem har ansvar?`;
        const r = await send(ctx.u(ASK), json({ question }));
        const must = spellings.find((s) => s[0] === what)![2];
        const leaks = (text: string) => (what.startsWith('navn') ? normName(text).includes(must) : norm(text).includes(norm(must)));
        if (r.status !== 200) problems.push(`${what}: ${r.status}`);
        else if (leaks(r.text)) problems.push(`${what}: kommer tilbake i svaret`);
        const id = r.headers.get('x-answer-id');
        if (id) await send(ctx.u('/api/feedback'), json({ answerId: id, vote: 'down', comment: `Feil svar, ring meg på ${written}` }));
      }
      await sleep(500);
      const logged = ctx.server.log().slice(logStart);
      const sent = ctx.llm.requests.slice(llmStart).map((r) => r.raw).join('\n');
      let stored = '';
      const db = new Database(path.join(ctx.dataDir, 'feedback.sqlite'), { readonly: true, fileMustExist: true, timeout: 2_000 });
      try {
        stored = JSON.stringify(db.prepare('SELECT * FROM answers').all());
      } finally {
        db.close();
      }
      for (const [what, , must] of spellings) {
        const leaks = (text: string) => (what.startsWith('navn') ? normName(text).includes(must) : norm(text).includes(norm(must)));
        if (leaks(logged)) problems.push(`${what}: står i serverens logg`);
        if (leaks(sent)) problems.push(`${what}: sendt til språkmodellen`);
        if (leaks(stored)) problems.push(`${what}: lagret i tilbakemeldingsbasen`);
      }
      ctx.llm.chat.fallback = reply.error(503);
      return verdict(problems, `${spellings.length} skrivemåter av personopplysninger: ikke i svaret, loggen, til språkmodellen eller i basen`);
    },
  },
  {
    name: 'locked-feedback-db',
    timeoutMs: 60_000,
    async run(ctx) {
      const file = path.join(ctx.dataDir, 'feedback.sqlite');
      // Another process holds the write lock, as a long report query or a backup might.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `const D=require('better-sqlite3');const db=new D(${JSON.stringify(file)});db.exec('BEGIN EXCLUSIVE');db.prepare("UPDATE answers SET comment=comment WHERE 0").run();process.stdout.write('locked\\n');setTimeout(()=>{db.exec('ROLLBACK');process.exit(0)},25000);`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          holder.stdout!.once('data', () => resolve());
          holder.once('exit', (c) => reject(new Error(`lock holder exited ${c}`)));
        });
        const problems: string[] = [];
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await send(ctx.u(ASK), json({ question: QUESTION })).catch((e: Error) => ({ status: 0, text: e.message, ms: 15_000 }) as Reply);
          times.push(r.ms);
          if (r.status !== 200) problems.push(`spørsmål ${i + 1}: ${r.status} etter ${r.ms} ms`);
          else if (r.ms > 1_000) problems.push(`spørsmål ${i + 1}: ${r.ms} ms`);
        }
        const vote = await send(ctx.u('/api/feedback'), json({ answerId: randomUUID(), vote: 'up' })).catch((e: Error) => ({ status: 0, text: e.message, ms: 0 }) as Reply);
        if (vote.status >= 500 && LEAK.test(vote.text)) problems.push(`stemme: ${vote.status} med stakkspor`);
        return verdict(problems, `basen låst av en annen prosess: 5 svar kom likevel (${Math.max(...times)} ms på det meste)`);
      } finally {
        holder.kill('SIGKILL');
      }
    },
  },
  {
    name: 'load-burst',
    timeoutMs: 60_000,
    async run(ctx) {
      const questions = [QUESTION, 'Hvem har ansvar for nalokson på Nordstrand?', 'Hva står TSB for?', 'Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?'];
      const result = await autocannon({
        url: ctx.u(ASK),
        connections: 20,
        duration: 6,
        timeout: 10,
        requests: questions.map((question) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })),
      });
      const problems: string[] = [];
      const fiveXx = Object.entries(result.statusCodeStats).filter(([code]) => code.startsWith('5')).reduce((n, [, s]) => n + s.count, 0);
      if (result.errors + result.timeouts + result.non2xx) {
        problems.push(`${result.errors} feil, ${result.timeouts} tidsavbrudd, ${result.non2xx} ikke-2xx (${fiveXx} 5xx)`);
      }
      if (result.latency.p99 > 3_000) problems.push(`p99 ${result.latency.p99} ms`);
      const health = await send(ctx.u('/healthz'));
      if (health.status !== 200) problems.push(`/healthz etterpå: ${health.status}`);
      const ok = await answersCorrectly(ctx);
      if (ok) problems.push(`etterpå: ${ok}`);
      return verdict(
        problems,
        `20 forbindelser i 6 s: ${result.requests.total} svar, ${Math.round(result.requests.average)}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ingen feil`,
      );
    },
  },
  {
    name: 'kill-9-during-votes',
    timeoutMs: 150_000,
    async run(ctx) {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await send(ctx.u(ASK), json({ question: i % 2 ? QUESTION : 'Hva står TSB for?' }));
        const id = r.headers.get('x-answer-id');
        if (id) ids.push(id);
      }
      const confirmed = new Map<string, string>();
      let confirmations = 0;
      let stop = false;
      const voter = async (offset: number) => {
        for (let i = offset; !stop && i < 2_000; i += 4) {
          const id = ids[i % ids.length]!;
          const vote = i % 3 ? 'up' : 'down';
          const r = await send(ctx.u('/api/feedback'), json({ answerId: id, vote })).catch(() => undefined);
          if (r?.status === 200) {
            confirmed.set(id, vote);
            confirmations += 1;
          }
        }
      };
      const voters = [0, 1, 2, 3].map(voter);
      await sleep(400);
      ctx.server.child.kill('SIGKILL');
      await ctx.server.exited;
      stop = true;
      await Promise.all(voters);
      const problems: string[] = [];
      // The database is whole and every vote the server confirmed is there.
      const file = path.join(ctx.dataDir, 'feedback.sqlite');
      const db = new Database(file, { timeout: 5_000 });
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
        const votes = new Map(db.prepare<[], { id: string; vote: string | null }>('SELECT id, vote FROM answers').all().map((r) => [r.id, r.vote]));
        const lost = [...confirmed].filter(([id]) => !votes.get(id));
        if (lost.length) problems.push(`${lost.length} bekreftede stemmer borte`);
      } finally {
        db.close();
      }
      try {
        await ctx.restart();
        const ok = await answersCorrectly(ctx);
        if (ok) problems.push(`etter omstart: ${ok}`);
      } catch (err) {
        problems.push(`omstart: ${(err as Error).message.slice(0, 200)}`);
      }
      return verdict(problems, `kill -9 midt i stemmegivningen (${confirmations} bekreftede stemmer på ${confirmed.size} svar): basen er hel, ingen bekreftet stemme tapt, serveren starter igjen`);
    },
  },
  {
    name: 'corrupted-index',
    timeoutMs: 240_000,
    async run(ctx) {
      const indexDir = path.join(ctx.dataDir, 'index');
      const problems: string[] = [];
      const outcomes: string[] = [];
      const files = existsSync(indexDir) ? readdirSync(indexDir) : [];
      if (!files.length) return broke(`fant ingen indeks i ${indexDir}`);
      const damages: Array<[string, (dir: string) => void]> = [
        ['bm25.bin avkortet', (d) => writeFileSync(path.join(d, 'bm25.bin'), readFileSync(path.join(d, 'bm25.bin')).subarray(0, 100))],
        ['bm25.json søppel', (d) => writeFileSync(path.join(d, 'bm25.json'), '{"terms": [1, 2')],
        ['manifest.json tom', (d) => writeFileSync(path.join(d, 'manifest.json'), '')],
        [
          'corpus.ndjson med byttet tekst',
          (d) => {
            const f = path.join(d, 'corpus.ndjson');
            writeFileSync(f, readFileSync(f, 'utf8').replaceAll('10S', '99X'));
          },
        ],
      ];
      for (const [name, damage] of damages) {
        await ctx.server.stop();
        damage(indexDir);
        const started = Date.now();
        try {
          await ctx.restart(60_000);
          const wrong = await answersCorrectly(ctx);
          if (wrong) problems.push(`${name}: starter, men ${wrong}`);
          else outcomes.push(`${name}: bygget på nytt/svarer riktig (${Math.round((Date.now() - started) / 1000)} s)`);
        } catch (err) {
          const message = (err as Error).message;
          if (/not ready in/.test(message)) problems.push(`${name}: henger (ikke klar på 60 s)`);
          else if (/exited with 1/.test(message) && !LEAK.test(message.split(': ').slice(1).join(': ').slice(-300))) outcomes.push(`${name}: nekter å starte med melding`);
          else problems.push(`${name}: ${message.slice(0, 160)}`);
          // leave a good index for what follows
          rmSync(indexDir, { recursive: true, force: true });
          await ctx.restart(120_000);
        }
      }
      return verdict(problems, outcomes.join('; '));
    },
  },
];

// ---------- run ----------

async function main(): Promise<number> {
  const only = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((n) => !checks.some((c) => c.name === n)) ?? [];
  if (unknown.length) {
    process.stderr.write(`Ukjent sjekk: ${unknown.join(', ')}. Velg blant: ${checks.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  const selected = only ? checks.filter((c) => only.includes(c.name)) : checks;

  const dataDir = mkdtempSync(path.join(tmpdir(), 'veileder-attack-'));
  const slack = await startSlackApiStandIn();
  const llm = await startOpenAIStandIn();
  llm.chat.fallback = reply.error(503);
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    FEEDBACK_DB: '',
    RATE_LIMIT_PER_MINUTE: '100000',
    SLACK_BOT_TOKEN: 'xoxb-attack-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: slack.apiUrl,
    SLACK_ALLOWED_CHANNELS: '',
    SLACK_ALLOWED_TEAMS: '',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: APP_PASSWORD,
    MICROSOFT_APP_TYPE: 'MultiTenant',
    MICROSOFT_APP_TENANT_ID: '',
    OPENAI_API_KEY: 'sk-attack',
    OPENAI_BASE_URL: llm.baseURL,
    EMBEDDINGS_PROVIDER: 'hashing',
    LLM_ENABLED: 'true',
    LLM_TIMEOUT_MS: '1500',
  };
  process.stdout.write(`Starter Veileder på 127.0.0.1:${env.PORT} med DATA_DIR=${dataDir} …\n`);
  let server: Veileder;
  try {
    server = await startVeileder(env, 180_000);
  } catch (err) {
    process.stdout.write(`brøt: oppstart — ${(err as Error).message}\n`);
    await Promise.all([slack.close(), llm.close()]);
    rmSync(dataDir, { recursive: true, force: true });
    return 1;
  }
  const ctx: Context = {
    server,
    env,
    dataDir,
    slack,
    llm,
    u: (p) => new URL(p, ctx.server.url).href,
    async restart(timeoutMs = 120_000) {
      if (ctx.server.child.exitCode === null && ctx.server.child.signalCode === null) await ctx.server.stop();
      ctx.server = await startVeileder(env, timeoutMs);
    },
  };

  let broken = 0;
  const started = Date.now();
  for (const check of selected) {
    const t0 = Date.now();
    let outcome: Outcome;
    let timer: NodeJS.Timeout | undefined;
    try {
      outcome = await Promise.race([
        check.run(ctx),
        new Promise<Outcome>((resolve) => {
          timer = setTimeout(() => resolve(broke(`ble ikke ferdig på ${check.timeoutMs / 1000} s`)), check.timeoutMs);
        }),
      ]);
    } catch (err) {
      outcome = broke(`sjekken feilet: ${(err as Error).message.slice(0, 200)}`);
    } finally {
      clearTimeout(timer);
    }
    if (!outcome.held) broken += 1;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`${outcome.held ? 'holdt' : 'brøt'}: ${check.name} — ${outcome.detail} (${secs} s)\n`);
    // A check that took the server down leaves a running one for the next.
    if (ctx.server.child.exitCode !== null || ctx.server.child.signalCode !== null) {
      await ctx.restart().catch((err: Error) => process.stdout.write(`brøt: omstart — ${err.message.slice(0, 200)}\n`));
    }
  }
  await ctx.server.stop();
  await Promise.all([slack.close(), llm.close()]);
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(
    `${selected.length - broken} av ${selected.length} holdt, ${broken} brøt (${Math.round((Date.now() - started) / 1000)} s).\n`,
  );
  return broken ? 1 : 0;
}

process.exitCode = await main();
