import type { Channel, ChannelDeps } from '../channel.js';
import { createSlackApp, EVENTS_PATH } from './app.js';
import { SlackChannelError, slackSettings } from './settings.js';

export { SlackChannelError } from './settings.js';

/**
 * The Slack channel (issue 5), created by src/server.ts when SLACK_BOT_TOKEN is set. Checks the
 * settings and the bot token (auth.test) before anything is mounted, so a wrong token stops the start
 * with a message that says what to fix. HTTP mode mounts POST /slack/events on the server; Socket Mode
 * connects in start() and disconnects in stop().
 */
export async function createSlackChannel(deps: ChannelDeps): Promise<Channel> {
  const settings = slackSettings(deps.config);
  const { bolt, router } = createSlackApp(deps, settings);
  try {
    await bolt.init();
  } catch (err) {
    throw startupError(err, settings.apiUrl);
  }
  return {
    name: 'slack',
    mount(app) {
      if (router) app.use(router);
    },
    async start() {
      if (settings.socketMode) await bolt.start();
    },
    async stop() {
      if (settings.socketMode) await bolt.stop();
    },
    describe() {
      return settings.socketMode ? 'Slack (Socket Mode)' : `Slack (HTTP) på ${EVENTS_PATH}`;
    },
  };
}

/** Why auth.test failed, said so the person starting Veileder knows what to fix. */
function startupError(err: unknown, apiUrl: string | undefined): SlackChannelError {
  const e = err as { code?: string; data?: { error?: string }; original?: { message?: string }; message?: string };
  if (e.code === 'slack_webapi_platform_error') {
    return new SlackChannelError(
      'SLACK_AUTH_FAILED',
      `Slack godtok ikke SLACK_BOT_TOKEN (${e.data?.error ?? 'ukjent feil'}). Kopier «Bot User OAuth Token» (xoxb-…) ` +
        'fra appens side «OAuth & Permissions», og sjekk at appen er installert i arbeidsområdet.',
    );
  }
  return new SlackChannelError(
    'SLACK_UNREACHABLE',
    `Kom ikke fram til Slack på ${apiUrl ?? 'https://slack.com/api/'} (${e.original?.message ?? e.message ?? 'ukjent feil'}). ` +
      'Sjekk nettverket og eventuell proxy, eller SLACK_API_URL.',
  );
}
