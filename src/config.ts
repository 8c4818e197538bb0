import { z } from 'zod';

/**
 * Every setting Veileder reads, validated with zod from the environment.
 * `.env.example` lists them all; keep the two in step. Empty strings count as "not set".
 */

/** An empty variable is an unset one: the schema's default (or undefined) applies. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const optionalString = unsetIfEmpty(z.string().trim().min(1).optional());
const list = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
  z.array(z.string()),
);
const bool = (fallback: boolean) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return fallback;
    if (typeof v === 'string') return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
    return v;
  }, z.boolean());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));

const EnvSchema = z.object({
  // Server (issue 8)
  PORT: int(3978, 0, 65535),
  HOST: unsetIfEmpty(z.string().default('127.0.0.1')),
  API_MAX_BODY_BYTES: int(32_768, 1_024, 1_048_576),
  RATE_LIMIT_PER_MINUTE: int(120, 1, 100_000),
  // How often a running server looks for a new search index (after `ingest add/remove`); 0 = never.
  INDEX_RELOAD_MS: int(2000, 0, 3_600_000),
  // On SIGTERM: how long questions in flight may take to finish before connections are cut
  SHUTDOWN_TIMEOUT_MS: int(20_000, 0, 600_000),

  // Files
  CORPUS_DIR: unsetIfEmpty(z.string().default('corpus')),
  DATA_DIR: unsetIfEmpty(z.string().default('.data')),
  FEEDBACK_DB: optionalString, // default: DATA_DIR/feedback.sqlite
  // PostgreSQL for shared state (answers, votes, dedupe, Teams reply chains, bindings); unset: SQLite in FEEDBACK_DB
  DATABASE_URL: unsetIfEmpty(z.string().regex(/^postgres(ql)?:\/\//, 'use the form postgres://user:password@host:5432/database').optional()),
  // Days an answer (question, answer, vote, comment) is kept in the feedback store; then only counts
  RETENTION_DAYS: int(90, 1, 3650),

  // Search (issue 3)
  EMBEDDINGS_PROVIDER: unsetIfEmpty(z.enum(['auto', 'hashing', 'openai', 'local']).default('auto')),
  EMBEDDINGS_MODEL: unsetIfEmpty(z.string().default('text-embedding-3-small')),
  LOCAL_MODEL_PATH: optionalString,

  // Optional LLM (issue 4): any OpenAI-compatible API, Azure OpenAI through OPENAI_BASE_URL
  OPENAI_API_KEY: optionalString,
  // Never `https://user:secret@…`: the key goes in OPENAI_API_KEY (a URL is quoted in error messages).
  OPENAI_BASE_URL: unsetIfEmpty(
    z
      .string()
      .url()
      .refine((u) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(u), 'må ikke inneholde brukernavn eller passord; sett nøkkelen i OPENAI_API_KEY')
      .optional(),
  ),
  OPENAI_MODEL: unsetIfEmpty(z.string().default('gpt-4o-mini')),
  LLM_ENABLED: bool(true),
  LLM_TIMEOUT_MS: int(15_000, 100, 120_000),

  // Answers (issue 4): "today" for plan-period checks; set in tests
  VEILEDER_TODAY: unsetIfEmpty(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD').optional()),

  // Slack (issue 5)
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: unsetIfEmpty(z.string().url().optional()),
  SLACK_ALLOWED_CHANNELS: list,
  SLACK_ALLOWED_TEAMS: list,
  SLACK_ADMIN_USER_IDS: list,
  SLACK_API_TIMEOUT_MS: int(10_000, 100, 120_000),

  // Teams (issue 7)
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: unsetIfEmpty(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MICROSOFT_APP_CERT_THUMBPRINT: optionalString,
  MICROSOFT_APP_CERT_KEY_FILE: optionalString,
  TEAMS_ENABLED: bool(false),
  // AAD object ids (GUIDs) of the users who may bind a Teams conversation to a district («bydel Nordstrand»)
  TEAMS_ADMIN_IDS: list.pipe(z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'skal være AAD-objekt-id-er (GUID), skilt med komma'))),

  LOG_LEVEL: unsetIfEmpty(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  feedbackDb: string;
  indexDir: string;
  slack: { enabled: boolean; socketMode: boolean };
  teams: { enabled: boolean; authenticated: boolean };
  llm: { enabled: boolean };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(
      `Innstillingene er ugyldige:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Rett opp variablene (se .env.example) og start på nytt.',
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN);
  if (slackEnabled && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_BOT_TOKEN er satt: sett også SLACK_SIGNING_SECRET (HTTP) eller SLACK_APP_TOKEN (Socket Mode)');
  }
  if (!slackEnabled && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
    problems.push('SLACK_SIGNING_SECRET/SLACK_APP_TOKEN er satt uten SLACK_BOT_TOKEN: sett SLACK_BOT_TOKEN (xoxb-…)');
  }
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_CERT_THUMBPRINT && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push('MICROSOFT_APP_ID er satt: sett også MICROSOFT_APP_PASSWORD (eller sertifikat)');
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TYPE=SingleTenant krever MICROSOFT_APP_TENANT_ID');
  }
  if (Boolean(e.MICROSOFT_APP_CERT_THUMBPRINT) !== Boolean(e.MICROSOFT_APP_CERT_KEY_FILE)) {
    problems.push('Sertifikat: sett både MICROSOFT_APP_CERT_THUMBPRINT og MICROSOFT_APP_CERT_KEY_FILE (PEM-fil med privatnøkkelen)');
  }
  if (e.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TYPE=UserAssignedMSI krever MICROSOFT_APP_TENANT_ID');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...e,
    feedbackDb: e.FEEDBACK_DB ?? `${e.DATA_DIR}/feedback.sqlite`,
    indexDir: `${e.DATA_DIR}/index`,
    slack: { enabled: slackEnabled, socketMode: Boolean(e.SLACK_APP_TOKEN) },
    teams: { enabled: Boolean(e.MICROSOFT_APP_ID) || e.TEAMS_ENABLED, authenticated: Boolean(e.MICROSOFT_APP_ID) },
    llm: { enabled: Boolean(e.OPENAI_API_KEY) && e.LLM_ENABLED },
  };
}
