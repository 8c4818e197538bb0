import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DistrictBindings } from '../bindings.js';
import type { Answering, Via } from './answering.js';
import { noticeMessage } from './blocks.js';
import { conversationHistory, type BotIdentity } from './history.js';
import { truncate } from './mrkdwn.js';
import { texts } from './texts.js';
import type { AnsweredThreads } from './threads.js';

/**
 * Answers a message where it was written (a channel mention, a follow-up in a thread Veileder
 * answered, a DM): a sign of work while answering — in a DM (the agent's Messages tab) the
 * assistant status «leter i planene …», elsewhere (or when Slack refuses the status) a ⏳ reaction —,
 * the earlier turns as history (history.ts), the channel's district (bindings.ts), the answer
 * posted in the thread (or the DM), and a title for a new DM conversation.
 *
 * Every question gets an answer or a reason: the Web API client (app.ts: two retries) waits out a
 * 429 for its Retry-After and tries a 5xx or a time-out again; when the answer still cannot be
 * posted, or Slack refuses it, a short message says so.
 */

export const WORKING_REACTION = 'hourglass_flowing_sand';
const TITLE_CHARS = 80;

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
  teamId?: string;
  eventId?: string;
}

export interface ConversationDeps {
  bindings: DistrictBindings;
  threads: AnsweredThreads;
}

type PostArgs = Parameters<webApi.WebClient['chat']['postMessage']>[0];

const slackError = (err: unknown) => {
  const e = err as { code?: string; statusCode?: number; data?: { error?: string }; message?: string };
  return { slackCode: e.code, status: e.statusCode, error: e.data?.error ?? e.message };
};

export const bindingKey = (teamId: string | undefined, channel: string) => `slack:${teamId ?? '-'}:${channel}`;

export function createConversationReplier(answering: Answering, log: Logger, deps: ConversationDeps) {
  const reaction = async (client: webApi.WebClient, op: 'add' | 'remove', m: IncomingMessage) => {
    try {
      await client.reactions[op]({ channel: m.channel, timestamp: m.ts, name: WORKING_REACTION });
    } catch (err) {
      log.warn({ code: 'SLACK_REACTION_FAILED', op, channel: m.channel, err: slackError(err).error }, 'slack: reaction failed');
    }
  };

  /** The assistant status on a DM; false when Slack refuses it (the app has no agent features turned on). */
  const status = async (client: webApi.WebClient, m: IncomingMessage, text: string): Promise<boolean> => {
    try {
      await client.assistant.threads.setStatus({ channel_id: m.channel, thread_ts: m.thread_ts ?? m.ts, status: text });
      return true;
    } catch (err) {
      log.warn({ code: 'SLACK_STATUS_FAILED', channel: m.channel, err: slackError(err).error }, 'slack: assistant status refused');
      return false;
    }
  };

  const post = async (client: webApi.WebClient, args: PostArgs): Promise<void> => {
    await client.chat.postMessage(args);
  };

  async function district(teamId: string | undefined, channel: string): Promise<string | undefined> {
    try {
      return (await deps.bindings.get(bindingKey(teamId, channel)))?.district;
    } catch (err) {
      log.warn({ code: 'BINDINGS_READ_FAILED', channel, err: (err as Error).message }, 'slack: channel binding unreadable');
      return undefined;
    }
  }

  return async function reply({ client, message, bot, threadTs, via, teamId, eventId }: ConversationReply): Promise<void> {
    const useStatus = via === 'dm' && (await status(client, message, texts('nb').status));
    if (!useStatus) await reaction(client, 'add', message);
    const where = { channel: message.channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
    try {
      // In a thread: its earlier turns. At the top of a DM: the DM's last turns. A new channel question: none.
      const history =
        message.thread_ts || via === 'dm'
          ? await conversationHistory(client, { channel: message.channel, threadTs: message.thread_ts, beforeTs: message.ts }, bot, log)
          : [];
      const answer = await answering({
        raw: message.text,
        botUserId: bot.botUserId,
        history,
        via,
        district: await district(teamId, message.channel),
        quietWhenEmpty: via === 'thread',
        ids: { channel: message.channel, user: message.user, eventId },
      });
      if (!answer) return;
      try {
        await post(client, { ...where, text: answer.text, blocks: answer.blocks, unfurl_links: false, unfurl_media: false });
      } catch (err) {
        log.error({ code: 'SLACK_POST_FAILED', via, eventId, ...slackError(err) }, 'slack: answer not posted');
        try {
          await post(client, { ...where, ...noticeMessage(texts('nb').notDelivered) });
        } catch (again) {
          log.error({ code: 'SLACK_REASON_FAILED', via, eventId, ...slackError(again) }, 'slack: not even the reason could be posted');
          if (useStatus) await status(client, message, '');
        }
        return;
      }
      if (threadTs && via !== 'dm') deps.threads.remember(message.channel, threadTs);
      // A new DM conversation gets the question as its title (in the agent's history).
      if (via === 'dm' && useStatus && history.length === 0 && answer.question) {
        await client.assistant.threads
          .setTitle({ channel_id: message.channel, thread_ts: message.thread_ts ?? message.ts, title: truncate(answer.question, TITLE_CHARS) })
          .catch((err: unknown) => log.warn({ code: 'SLACK_TITLE_FAILED', channel: message.channel, err: slackError(err).error }, 'slack: thread title refused'));
      }
    } finally {
      if (!useStatus) await reaction(client, 'remove', message);
    }
  };
}
export type ConversationReplier = ReturnType<typeof createConversationReplier>;
