import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Turn } from '../../answer/types.js';
import { toPlainText, truncate } from './mrkdwn.js';

/**
 * A thread's earlier messages → the `Turn[]` history ask() takes, oldest first: the bot's own replies
 * become assistant turns (their fallback text is the answer), people's messages user turns; other
 * bots are left out. Read with conversations.replies; if that fails the question is answered without history.
 */

export const MAX_TURNS = 10;
const MAX_TURN_CHARS = 4_000;

export interface ThreadRef {
  channel: string;
  threadTs: string;
  /** The message being answered: it and anything after it is not history. */
  beforeTs: string;
}
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

export async function threadHistory(
  client: webApi.WebClient,
  ref: ThreadRef,
  bot: BotIdentity,
  log: Logger,
): Promise<Turn[]> {
  let messages: webApi.ConversationsRepliesResponse['messages'];
  try {
    const res = await client.conversations.replies({ channel: ref.channel, ts: ref.threadTs, limit: 50 });
    messages = res.messages;
  } catch (err) {
    log.warn({ code: 'SLACK_HISTORY_FAILED', channel: ref.channel, err: (err as { code?: string }).code }, 'thread history unavailable');
    return [];
  }
  const turns: Turn[] = [];
  for (const m of messages ?? []) {
    if (!m.ts || Number(m.ts) >= Number(ref.beforeTs)) continue;
    const mine = (bot.botId && m.bot_id === bot.botId) || (bot.botUserId && m.user === bot.botUserId);
    if (!mine && m.bot_id) continue;
    const text = truncate(toPlainText(m.text ?? '', bot.botUserId), MAX_TURN_CHARS);
    if (text) turns.push({ role: mine ? 'assistant' : 'user', text });
  }
  return turns.slice(-MAX_TURNS);
}
