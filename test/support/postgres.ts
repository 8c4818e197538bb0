import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL for tests: a temporary cluster (initdb) under the test's own temp directory,
 * listening only on 127.0.0.1 on a free port, trust authentication for the local test user. One per
 * test file (start in beforeAll, stop in afterAll); freshDatabase() gives each test an empty database.
 * Needs Debian's `postgresql` package (.ci/run installs it). PostgreSQL refuses to run as root, so
 * as root the cluster runs as the `postgres` user (runuser).
 */

export interface TestPostgres {
  /** postgres://veileder@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** A new empty database; its URL. */
  freshDatabase(): Promise<string>;
  /** Stops the server (a database outage); start() brings it back on the same port with the same data. */
  stopServer(): void;
  startServer(): void;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) {
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this) — the store tests need a real server.');
  }
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'veileder-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    return execFileSync(cmd, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', data, '-U', 'veileder', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const startServer = () => {
    try {
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', 'start']);
    } catch (err) {
      const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
      throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${log}`);
    }
  };
  const stopServer = () => {
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  };
  startServer();
  const url = `postgres://veileder@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    url,
    port,
    async freshDatabase() {
      const name = `t${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://veileder@127.0.0.1:${port}/${name}`;
    },
    stopServer,
    startServer,
    async stop() {
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
