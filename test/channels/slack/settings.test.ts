import { describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { createSlackChannel, SlackChannelError } from '../../../src/channels/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { createFeedbackStore } from '../../../src/feedback/store.js';
import { log } from '../../../src/log.js';
import { startSlackApiStandIn } from './support/slack-api-standin.js';

const deps = (env: Record<string, string>) => ({
  ask,
  feedback: createFeedbackStore(':memory:'),
  config: loadConfig({ SLACK_SIGNING_SECRET: 's', ...env }),
  log,
});

describe('Slack channel settings', () => {
  it('refuses a token that is not a bot token, saying which one to use', async () => {
    const err = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxp-user-token' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackChannelError);
    expect(err).toMatchObject({ code: 'SLACK_SETTINGS_INVALID' });
    expect((err as Error).message).toContain('Bot User OAuth Token');
  });

  it('refuses channel names in the allow-list (ids are needed)', async () => {
    const err = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_ALLOWED_CHANNELS: '#rusfeltet' })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SLACK_SETTINGS_INVALID' });
    expect((err as Error).message).toContain('kanal-id-er');
  });

  it('refuses user names in SLACK_ADMIN_USER_IDS (ids are needed)', async () => {
    const err = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_ADMIN_USER_IDS: '@kari' })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SLACK_SETTINGS_INVALID' });
    expect((err as Error).message).toContain('SLACK_ADMIN_USER_IDS: bruk bruker-id-er');
  });

  it('stops the start with a clear message when Slack rejects the bot token', async () => {
    const api = await startSlackApiStandIn();
    try {
      api.failNext('auth.test', 'invalid_auth');
      const err = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_API_URL: api.apiUrl })).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'SLACK_AUTH_FAILED' });
      expect((err as Error).message).toContain('invalid_auth');
      expect(api.callsTo('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-revoked');
    } finally {
      await api.close();
    }
  });

  it('says Slack could not be reached, not that the token is wrong, when nothing answers', async () => {
    const api = await startSlackApiStandIn();
    const url = api.apiUrl;
    await api.close(); // nothing listens there any more
    const err = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: url })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SLACK_UNREACHABLE' });
    expect((err as Error).message).toContain(`Kom ikke fram til Slack på ${url}`);
  });

  it('describes HTTP mode and Socket Mode for the start-up log', async () => {
    const api = await startSlackApiStandIn();
    try {
      const http = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: api.apiUrl }));
      expect(http.describe()).toBe('Slack (HTTP) på /slack/events');
      const socket = await createSlackChannel(deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: api.apiUrl }));
      expect(socket.describe()).toBe('Slack (Socket Mode)');
    } finally {
      await api.close();
    }
  });
});
