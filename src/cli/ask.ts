import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ask as defaultAsk, type AskFn } from '../answer/ask.js';
import { citationUrl, pageLabel, unitsToName } from '../answer/citations.js';
import type { Answer } from '../answer/types.js';
import { log } from '../log.js';
import { runIfMain, UsageError } from './main.js';

/**
 * `npm run --silent ask -- "spørsmål"`      the answer and its numbered sources, readable
 * `npm run --silent ask -- --json "…"`      the Answer as one JSON object
 * `npm run --silent ask -- --batch FILE`    one question a line (FILE or - for stdin) → one JSON object a line
 * stdout carries only the answer(s); logs go to stderr.
 */

const USAGE = `Bruk:
  npm run --silent ask -- "Hvem deler ut nalokson i Bydel Nordstrand?"
  npm run --silent ask -- --json "Hva står TSB for?"
  npm run --silent ask -- --batch spørsmål.txt     (ett spørsmål per linje, - leser fra stdin)`;

/** The Answer as a person reads it in a terminal: the answer, warnings, then numbered sources. */
export function formatAnswer(a: Answer): string {
  const en = a.language === 'en';
  const lines = [a.answer];
  for (const w of a.warnings) lines.push(`! ${w}`);
  if (a.citations.length) {
    lines.push('', en ? 'Sources:' : 'Kilder:');
    a.citations.forEach((c, i) => {
      const what = [c.measureId ? `${en ? 'measure' : 'tiltak'} ${c.measureId}` : (c.section ?? ''), pageLabel(c, a.language)].filter(Boolean).join(', ');
      const ended = c.expired ? (en ? ', period ended' : ', utløpt') : '';
      lines.push(`[${i + 1}] ${c.documentTitle} (${c.period}${ended}) — ${what}`);
      const units = unitsToName(c);
      if (units.length) lines.push(`    ${en ? 'Responsible' : 'Ansvarlig'}: ${units.join(', ')}`);
      if (c.references.length) lines.push(`    ${en ? 'Refers to' : 'Viser til'}: ${c.references.join('; ')}`);
      if (c.url) lines.push(`    ${citationUrl(c)}`);
    });
  }
  return lines.join('\n');
}

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export async function runAskCli(argv: string[], io: CliIO, askFn: AskFn = defaultAsk): Promise<number> {
  let values: { json?: boolean; batch?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new UsageError(`Ugyldig valg: ${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const write = (s: string) => new Promise<void>((resolve) => io.stdout.write(`${s}\n`, () => resolve()));

  if (values.batch !== undefined) {
    if (positionals.length) throw new UsageError(`--batch leser spørsmålene fra filen; ta bort «${positionals.join(' ')}».\n${USAGE}`);
    const file = values.batch;
    if (file !== '-' && !existsSync(file)) throw new UsageError(`Fant ikke filen ${file}.`);
    const input = file === '-' ? io.stdin : createReadStream(file, 'utf8');
    const lines = createInterface({ input, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      if (!line.trim()) continue;
      n++;
      await write(JSON.stringify(await askFn(line, { channel: 'cli' })));
    }
    log.info({ questions: n }, 'ask --batch done');
    return 0;
  }

  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError(`Skriv et spørsmål.\n${USAGE}`);
  const answer = await askFn(question, { channel: 'cli' });
  await write(values.json ? JSON.stringify(answer) : formatAnswer(answer));
  return 0;
}

runIfMain(import.meta.url, 'ask', () => runAskCli(process.argv.slice(2), { stdout: process.stdout, stdin: process.stdin }));
