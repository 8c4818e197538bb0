import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { EXAMPLE_QUESTIONS } from '../../answer/examples.js';

/**
 * The agent container (Slack's «agent messaging experience», `agent_view` in the manifest — the one
 * new apps get; the older `assistant_view` with its Assistant class is legacy): the conversation is
 * the app's Messages tab, i.e. the DM, answered by message.ts like any DM. When someone opens that
 * tab, the shared example questions are set as suggested prompts at its top — without thread_ts,
 * which agent apps must leave out (Slack then ignores the call).
 */

/** Slack shows at most four suggested prompts. */
export const SUGGESTED_PROMPTS = EXAMPLE_QUESTIONS.slice(0, 4).map((q) => ({ title: q, message: q }));
export const PROMPTS_TITLE = 'Eksempler på spørsmål';

export function registerHome(app: App, log: Logger): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'messages' || !event.channel) return;
    try {
      await client.assistant.threads.setSuggestedPrompts({ channel_id: event.channel, title: PROMPTS_TITLE, prompts: SUGGESTED_PROMPTS });
    } catch (err) {
      log.warn({ code: 'SLACK_PROMPTS_FAILED', channel: event.channel, err: (err as { data?: { error?: string } }).data?.error }, 'slack: suggested prompts refused');
    }
  });
}
