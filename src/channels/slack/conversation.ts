import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answering, Via } from './answering.js';
import { conversationHistory, type BotIdentity } from './history.js';

/**
 * Answers a message where it was written (a channel mention or a DM): a ⏳ reaction while working,
 * the earlier turns as history (history.ts), the answer posted in the thread (or the DM), the reaction
 * removed after.
 */

export const WORKING_REACTION = 'hourglass_flowing_sand';

export interface IncomingMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
}

export interface ConversationReply {
  client: webApi.WebClient;
  message: IncomingMessage;
  bot: BotIdentity;
  /** Where the answer goes: the question's thread (mentions), or the thread only if there is one (DMs). */
  threadTs: string | undefined;
  via: Via;
  eventId?: string;
}

export function createConversationReplier(answering: Answering, log: Logger) {
  const reaction = async (client: webApi.WebClient, op: 'add' | 'remove', m: IncomingMessage) => {
    try {
      await client.reactions[op]({ channel: m.channel, timestamp: m.ts, name: WORKING_REACTION });
    } catch (err) {
      log.warn({ code: 'SLACK_REACTION_FAILED', op, channel: m.channel, err: (err as { data?: { error?: string } }).data?.error }, 'slack: reaction failed');
    }
  };

  return async function reply({ client, message, bot, threadTs, via, eventId }: ConversationReply): Promise<void> {
    await reaction(client, 'add', message);
    try {
      // In a thread: its earlier turns. At the top of a DM: the DM's last turns. A new channel question: none.
      const history =
        message.thread_ts || via === 'dm'
          ? await conversationHistory(client, { channel: message.channel, threadTs: message.thread_ts, beforeTs: message.ts }, bot, log)
          : [];
      const reply = await answering({
        raw: message.text,
        botUserId: bot.botUserId,
        history,
        via,
        ids: { channel: message.channel, user: message.user, eventId },
      });
      await client.chat.postMessage({
        channel: message.channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        text: reply.text,
        blocks: reply.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } finally {
      await reaction(client, 'remove', message);
    }
  };
}
export type ConversationReplier = ReturnType<typeof createConversationReplier>;
