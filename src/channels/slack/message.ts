import type { App } from '@slack/bolt';
import type { ConversationReplier } from './conversation.js';

/**
 * A direct message to the bot: answered in the DM (in the thread when it was written in one). Edits,
 * deletions and other message subtypes are not questions and are left alone; channel messages are
 * only answered when they mention the bot (mention.ts).
 */
export function registerDirectMessage(app: App, reply: ConversationReplier): void {
  app.event('message', async ({ event, client, context, body }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    await reply({
      client,
      message: { channel: event.channel, ts: event.ts, thread_ts: event.thread_ts, text: event.text, user: event.user },
      bot: { botUserId: context.botUserId, botId: context.botId },
      threadTs: event.thread_ts,
      via: 'dm',
      eventId: body.event_id,
    });
  });
}
