import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ConversationReplier } from './conversation.js';
import { botRepliedInThread } from './history.js';
import type { AnsweredThreads } from './threads.js';

/**
 * Messages that are not @mentions:
 * - a direct message to the bot (also the agent's Messages tab): answered in the DM (in the thread
 *   when it was written in one);
 * - a reply in a channel thread Veileder has answered in: answered in that thread without a new
 *   mention, with the thread as history. Only those threads: other channel messages, replies that
 *   mention the bot (app_mention answers them) or someone else (people talking to each other) are
 *   left alone.
 * Edits, deletions and other message subtypes are not questions.
 */

const MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/;

export function registerMessages(app: App, reply: ConversationReplier, threads: AnsweredThreads, log: Logger): void {
  app.event('message', async ({ event, client, context, body }) => {
    if (event.subtype !== undefined) return;
    const bot = { botUserId: context.botUserId, botId: context.botId };
    const common = {
      client,
      message: { channel: event.channel, ts: event.ts, thread_ts: event.thread_ts, text: event.text, user: event.user },
      bot,
      teamId: body.team_id ?? context.teamId,
      eventId: body.event_id,
    };
    if (event.channel_type === 'im') {
      await reply({ ...common, threadTs: event.thread_ts, via: 'dm' });
      return;
    }
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    const threadTs = event.thread_ts;
    if (!threadTs || threadTs === event.ts) return;
    if (MENTION.test(event.text ?? '')) return;
    let ours = threads.known(event.channel, threadTs);
    if (ours === undefined) {
      ours = await botRepliedInThread(client, event.channel, threadTs, bot, log);
      if (ours) threads.remember(event.channel, threadTs);
      else threads.rememberNotOurs(event.channel, threadTs);
    }
    if (!ours) return;
    await reply({ ...common, threadTs, via: 'thread' });
  });
}
