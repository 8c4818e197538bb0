import { z } from 'zod';

/**
 * The Teams app manifest (teams/manifest.json): its zod schema — the fields and limits Teams
 * checks when an app is uploaded — and the filling of `${{NAME}}` placeholders at packaging.
 */

export const MANIFEST_VERSION = '1.22';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const httpsUrl = z.string().url().startsWith('https://');
const Scope = z.enum(['personal', 'team', 'groupChat']);

export const Command = z.object({
  title: z.string().min(1).max(32),
  description: z.string().min(1).max(128),
});

export const Bot = z.object({
  botId: z.string().regex(GUID, 'botId må være en GUID (MICROSOFT_APP_ID)'),
  scopes: z.array(Scope).min(1),
  supportsFiles: z.boolean().optional(),
  isNotificationOnly: z.boolean().optional(),
  commandLists: z
    .array(z.object({ scopes: z.array(Scope).min(1), commands: z.array(Command).min(1).max(10) }))
    .max(3)
    .optional(),
});

/** BCP 47 tags as Teams takes them: nb-NO, en-US. */
const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i, 'språkkoden skal være på formen nb-NO');

/** The language of the manifest's own strings, and the files with other languages' strings. */
export const LocalizationInfo = z.object({
  defaultLanguageTag: LanguageTag,
  additionalLanguages: z
    .array(z.object({ languageTag: LanguageTag, file: z.string().regex(/^[\w.-]+\.json$/, 'filen skal ligge ved siden av manifestet') }))
    .optional(),
});

/**
 * A localization file: its schema and the manifest strings it translates, by path
 * (`name.short`, `bots[0].commandLists[0].commands[0].title` …), with the manifest's own limits.
 */
export const LocalizationFile = z
  .object({
    $schema: z.literal(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`),
    'name.short': z.string().min(1).max(30),
    'name.full': z.string().max(100).optional(),
    'description.short': z.string().min(1).max(80),
    'description.full': z.string().min(1).max(4_000),
  })
  .catchall(z.string().min(1).max(4_000));
export type LocalizationFile = z.infer<typeof LocalizationFile>;

/** The value at a localization key's path in the manifest (undefined when the path does not exist). */
export function manifestValueAt(manifest: unknown, key: string): unknown {
  let value: unknown = manifest;
  for (const part of key.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const steps: Array<string | number> = [m[1]!, ...[...m[2]!.matchAll(/\[(\d+)\]/g)].map((i) => Number(i[1]))];
    for (const step of steps) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[step];
    }
  }
  return value;
}

export const TeamsManifest = z
  .object({
    $schema: z.literal(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`),
    manifestVersion: z.literal(MANIFEST_VERSION),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version skal være på formen 1.0.0'),
    id: z.string().regex(GUID, 'id må være en GUID (MICROSOFT_APP_ID)'),
    developer: z.object({ name: z.string().min(1).max(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4_000) }),
    icons: z.object({ color: z.string().min(1), outline: z.string().min(1) }),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    bots: z.array(Bot).length(1),
    permissions: z.array(z.enum(['identity', 'messageTeamMembers'])).optional(),
    validDomains: z.array(z.string()).optional(),
    localizationInfo: LocalizationInfo,
  })
  .loose();
export type TeamsManifest = z.infer<typeof TeamsManifest>;

export class ManifestError extends Error {
  constructor(
    readonly code: 'MANIFEST_PLACEHOLDER' | 'MANIFEST_INVALID' | 'MANIFEST_NOT_JSON',
    message: string,
  ) {
    super(message);
  }
}

/** Replaces every `${{NAME}}` in the manifest text; a placeholder without a value is an error. */
export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  const missing = new Set<string>();
  const filled = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size) {
    throw new ManifestError('MANIFEST_PLACEHOLDER', `Mangler verdi for ${[...missing].join(', ')} i manifestet.`);
  }
  return filled;
}

/** Parses and validates filled manifest text; the error lists every problem by its path. */
export function parseManifest(text: string): TeamsManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError('MANIFEST_NOT_JSON', `manifest.json er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = TeamsManifest.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ManifestError('MANIFEST_INVALID', `manifest.json er ugyldig: ${problems}`);
  }
  return parsed.data;
}
