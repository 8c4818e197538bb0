import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/channels/slack/actions.js';
import { EVENTS_PATH } from '../../../src/channels/slack/app.js';
import { COMMAND } from '../../../src/channels/slack/command.js';
import { SUGGESTED_PROMPTS } from '../../../src/channels/slack/home.js';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url: string }>;
    app_home: { messages_tab_enabled: boolean };
    agent_view?: { agent_description: string; suggested_prompts: Array<{ title: string; message: string }> };
    assistant_view?: unknown;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

/** The manifest creates an app that sends exactly what the code handles, to where it listens. */
describe('slack/manifest.yaml', () => {
  const m = parse(readFileSync('slack/manifest.yaml', 'utf8')) as Manifest;

  // What mention, message, threads and home tests send in.
  it('subscribes to the events the handlers listen to, with the scopes they need', () => {
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im']);
    for (const scope of ['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'reactions:write', 'im:history', 'channels:history', 'groups:history']) {
      expect(m.oauth_config.scopes.bot).toContain(scope);
    }
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('declares the agent container new apps must use (agent_view, not the legacy assistant_view), with the prompts home.ts sets', () => {
    expect(m.features.assistant_view).toBeUndefined();
    expect(m.features.agent_view?.agent_description.length).toBeGreaterThan(20);
    expect(m.features.agent_view?.suggested_prompts).toEqual(SUGGESTED_PROMPTS);
    expect(SUGGESTED_PROMPTS.length).toBeLessThanOrEqual(4);
  });

  it('routes events, the slash command and interactivity to POST /slack/events', () => {
    expect(m.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    for (const url of [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, m.features.slash_commands[0]!.url]) {
      expect(new URL(url).pathname).toBe(EVENTS_PATH);
    }
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(Object.values(ACTION).every((id) => id.startsWith('veileder_'))).toBe(true);
  });
});
