import { z } from 'zod';
import type { Config } from '../../config.js';

/** The Slack settings, checked beyond config.ts's "set or not": token kinds, API URL form. */

export type SlackErrorCode = 'SLACK_SETTINGS_INVALID' | 'SLACK_AUTH_FAILED' | 'SLACK_UNREACHABLE';

export class SlackChannelError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SlackChannelError';
  }
}

const SlackSettings = z.object({
  botToken: z.string().startsWith('xoxb-', 'SLACK_BOT_TOKEN skal være appens «Bot User OAuth Token» (begynner med xoxb-)'),
  signingSecret: z.string().optional(),
  appToken: z
    .string()
    .startsWith('xapp-', 'SLACK_APP_TOKEN skal være et app-nivå-token med connections:write (begynner med xapp-)')
    .optional(),
  /** The Web API base URL, ending in a slash as @slack/web-api expects. */
  apiUrl: z
    .url('SLACK_API_URL skal være en URL, f.eks. https://slack.com/api/')
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .optional(),
  allowedChannels: z.array(z.string().regex(/^[CGD][A-Z0-9]+$/, 'SLACK_ALLOWED_CHANNELS: bruk kanal-id-er (C…/G…), ikke navn')),
  allowedTeams: z.array(z.string().regex(/^[TE][A-Z0-9]+$/, 'SLACK_ALLOWED_TEAMS: bruk arbeidsområde-id-er (T…/E…)')),
  /** Who may bind a channel to a district (/veileder bydel …). */
  adminUserIds: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'SLACK_ADMIN_USER_IDS: bruk bruker-id-er (U…/W…), ikke navn')),
  apiTimeoutMs: z.number().int(),
});
export type SlackSettings = z.infer<typeof SlackSettings> & { socketMode: boolean };

export function slackSettings(config: Config): SlackSettings {
  const parsed = SlackSettings.safeParse({
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    allowedChannels: config.SLACK_ALLOWED_CHANNELS,
    allowedTeams: config.SLACK_ALLOWED_TEAMS,
    adminUserIds: config.SLACK_ADMIN_USER_IDS,
    apiTimeoutMs: config.SLACK_API_TIMEOUT_MS,
  });
  if (!parsed.success) {
    throw new SlackChannelError(
      'SLACK_SETTINGS_INVALID',
      `Slack-innstillingene er ugyldige:\n${parsed.error.issues.map((i) => `  - ${i.message}`).join('\n')}\n` +
        'Rett dem opp (se .env.example og docs/kanaler.md «Slack») og start på nytt.',
    );
  }
  return { ...parsed.data, socketMode: config.slack.socketMode };
}
