import { pathToFileURL } from 'node:url';
import { log } from '../log.js';

/** What every command line tool shares: its usage error and how it runs when started from npm. */

/** A command used wrongly: its message (with the usage text) goes to stderr, exit code 2. */
export class UsageError extends Error {
  readonly code = 'CLI_USAGE';
}

/**
 * Runs `main` when `moduleUrl` is the file node was started with: its result is the exit code; a
 * UsageError prints its message (exit 2), any other error prints and logs it (exit 1).
 */
export function runIfMain(moduleUrl: string, name: string, main: () => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      const e = err as Error & { code?: string };
      process.stderr.write(`${e.message}\n`);
      if (e.code !== 'CLI_USAGE') log.error({ err: e.message, code: e.code }, `${name} failed`);
      process.exitCode = e.code === 'CLI_USAGE' ? 2 : 1;
    });
}
