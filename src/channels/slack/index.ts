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
    const reason = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    throw new SlackChannelError(
      'SLACK_AUTH_FAILED',
      `Slack godtok ikke SLACK_BOT_TOKEN (${reason}). Kopier «Bot User OAuth Token» (xoxb-…) fra appens side ` +
        '«OAuth & Permissions», og sjekk at appen er installert i arbeidsområdet og at maskinen når slack.com (eller SLACK_API_URL).',
    );
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
