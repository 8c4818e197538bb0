import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { districtsIn, type District } from '../search/districts.js';

/**
 * Which district a Slack channel or a Teams team/channel is bound to («/veileder bydel Nordstrand»).
 * Questions there that name no district are answered for that district (AskContext.district).
 * Keys are the channel's own: `slack:T0123:C0456`, `teams:<tenant>:<conversation id>`.
 * The embedded store is one JSON file in the data directory, written atomically.
 */

export const Binding = z.object({
  district: z.string().min(1),
  /** Who bound it (a Slack or Teams user id) and when, for the admin's audit. */
  by: z.string().min(1),
  at: z.string(),
});
export type Binding = z.infer<typeof Binding>;

const BindingsFile = z.object({ version: z.literal(1), bindings: z.record(z.string(), Binding) });

export interface DistrictBindings {
  get(key: string): Promise<Binding | null>;
  /** Binds the channel to a district; `null` removes the binding. */
  set(key: string, district: District | null, by: string): Promise<void>;
  list(): Promise<Record<string, Binding>>;
}

/** The one district a text names («bydel Nordstrand», «nordstrand», «Gamle Oslo»), or null when none or several. */
export function districtOf(text: string): District | null {
  const found = districtsIn(text);
  return found.length === 1 ? found[0]! : null;
}

export class BindingsFileError extends Error {
  readonly code = 'BINDINGS_FILE_INVALID';
  constructor(file: string, detail: string) {
    super(`${file}: kanalbindingene kan ikke leses (${detail}). Rett eller slett filen og start på nytt.`);
    this.name = 'BindingsFileError';
  }
}

/** The file store: read once at start (a broken file stops start-up with a message), written on every change. */
export function fileBindings(dataDir: string): DistrictBindings {
  const file = path.join(dataDir, 'channel-districts.json');
  let bindings: Record<string, Binding> = {};
  try {
    const parsed = BindingsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new BindingsFileError(file, parsed.error.issues[0]?.message ?? 'ugyldig innhold');
    bindings = parsed.data.bindings;
  } catch (err) {
    if (err instanceof BindingsFileError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new BindingsFileError(file, (err as Error).message);
  }
  const save = () => {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, bindings }, null, 2)}\n`);
    renameSync(tmp, file);
  };
  return {
    async get(key) {
      return bindings[key] ?? null;
    },
    async set(key, district, by) {
      const next = { ...bindings };
      if (district === null) delete next[key];
      else next[key] = { district, by, at: new Date().toISOString() };
      const previous = bindings;
      bindings = next;
      try {
        save();
      } catch (err) {
        bindings = previous;
        throw err;
      }
    },
    async list() {
      return { ...bindings };
    },
  };
}
