import type { App } from '@slack/bolt';
import type { ConversationReplier } from './conversation.js';

/** `@Veileder …` in a channel: answered in a thread under the question (or in the thread it was asked in). */
export function registerMention(app: App, reply: ConversationReplier): void {
  app.event('app_mention', async ({ event, client, context, body }) => {
    if (!event.ts || !event.channel) return;
    await reply({
      client,
      message: { channel: event.channel, ts: event.ts, thread_ts: event.thread_ts, text: event.text, user: event.user },
      bot: { botUserId: context.botUserId, botId: context.botId },
      threadTs: event.thread_ts ?? event.ts,
      via: 'mention',
      teamId: body.team_id ?? context.teamId,
      eventId: body.event_id,
    });
  });
}
