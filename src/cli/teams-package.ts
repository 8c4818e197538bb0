import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { loadConfig } from '../config.js';
import {
  LocalizationFile,
  ManifestError,
  fillPlaceholders,
  manifestValueAt,
  parseManifest,
  type TeamsManifest,
} from '../channels/teams/manifest.js';

/**
 * `npm run teams:package [-- --app-id GUID] [--out FILE] [--dir teams]`
 * Fills the app id into teams/manifest.json, validates it, checks the icons' sizes and zips
 * manifest + icons (at the zip's root, as Teams wants) into DATA_DIR/veileder-teams.zip for
 * upload («Last opp en egendefinert app») in Teams. The app id comes from --app-id or MICROSOFT_APP_ID.
 */

const USAGE = `Bruk:
  npm run teams:package                      (app-id fra MICROSOFT_APP_ID)
  npm run teams:package -- --app-id <GUID>   [--out fil.zip] [--dir teams]`;

export class TeamsPackageError extends Error {
  constructor(
    readonly code: 'PACKAGE_USAGE' | 'PACKAGE_NO_APP_ID' | 'PACKAGE_FILE_MISSING' | 'PACKAGE_ICON_INVALID',
    message: string,
  ) {
    super(message);
  }
}

const ICON_SIZES = { color: 192, outline: 32 } as const;
/** A fixed time stamp, so the same inputs give the same zip. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

function readIn(dir: string, file: string): Buffer {
  try {
    return readFileSync(path.join(dir, file));
  } catch {
    throw new TeamsPackageError('PACKAGE_FILE_MISSING', `Fant ikke ${path.join(dir, file)}.`);
  }
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(png: Buffer, name: string): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new TeamsPackageError('PACKAGE_ICON_INVALID', `${name} er ikke en PNG-fil.`);
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A localization file, checked: valid JSON, Teams' limits, and every key a string the manifest has. */
export function parseLocalization(text: string, file: string, languageTag: string, manifest: TeamsManifest): LocalizationFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError('MANIFEST_NOT_JSON', `${file} (${languageTag}) er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = LocalizationFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ManifestError('MANIFEST_INVALID', `${file} (${languageTag}) er ugyldig: ${problems}`);
  }
  const unknown = Object.keys(parsed.data).filter((k) => k !== '$schema' && typeof manifestValueAt(manifest, k) !== 'string');
  if (unknown.length) {
    throw new ManifestError('MANIFEST_INVALID', `${file} (${languageTag}) oversetter felt manifestet ikke har: ${unknown.join(', ')}`);
  }
  return parsed.data;
}

export interface TeamsPackage {
  manifest: TeamsManifest;
  zip: Uint8Array;
}

/** Builds the upload package from the teams/ folder; every problem is a coded, Norwegian error. */
export function buildTeamsPackage(opts: { appId: string | undefined; dir: string }): TeamsPackage {
  if (!opts.appId) {
    throw new TeamsPackageError(
      'PACKAGE_NO_APP_ID',
      'Mangler app-id: sett MICROSOFT_APP_ID (Azure Bot → Configuration → Microsoft App ID) eller bruk --app-id <GUID>.',
    );
  }
  const text = fillPlaceholders(readIn(opts.dir, 'manifest.json').toString('utf8'), { MICROSOFT_APP_ID: opts.appId });
  const manifest = parseManifest(text);
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(text) };
  for (const { languageTag, file } of manifest.localizationInfo.additionalLanguages ?? []) {
    const localization = readIn(opts.dir, file);
    parseLocalization(localization.toString('utf8'), file, languageTag, manifest);
    files[file] = localization;
  }
  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons[kind];
    const png = readIn(opts.dir, file);
    const { width, height } = pngSize(png, file);
    const want = ICON_SIZES[kind];
    if (width !== want || height !== want) {
      throw new TeamsPackageError('PACKAGE_ICON_INVALID', `${file} er ${width}×${height}; Teams krever ${want}×${want}.`);
    }
    files[file] = png;
  }
  return { manifest, zip: zipSync(files, { mtime: ZIP_MTIME }) };
}

export interface PackageIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function runTeamsPackageCli(argv: string[], io: PackageIO, env: NodeJS.ProcessEnv = process.env): number {
  try {
    let args;
    try {
      args = parseArgs({
        args: argv,
        options: { 'app-id': { type: 'string' }, out: { type: 'string' }, dir: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (error) {
      throw new TeamsPackageError('PACKAGE_USAGE', `${(error as Error).message}\n${USAGE}`);
    }
    const config = loadConfig(env);
    const appId = args['app-id'] ?? config.MICROSOFT_APP_ID;
    const out = path.resolve(args.out ?? path.join(config.DATA_DIR, 'veileder-teams.zip'));
    const { manifest, zip } = buildTeamsPackage({ appId, dir: path.resolve(args.dir ?? 'teams') });
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    io.stdout.write(
      `Teams-pakken er klar: ${out}\n` +
        `App «${manifest.name.short}» ${manifest.version}, app-id ${manifest.id}.\n` +
        'Last den opp i Teams: Apper → Administrer apper → Last opp en app → Last opp en egendefinert app.\n',
    );
    return 0;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runTeamsPackageCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
