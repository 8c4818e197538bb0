import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Turn } from '../../answer/types.js';
import { toPlainText, truncate } from './mrkdwn.js';

/**
 * Earlier messages → the `Turn[]` history ask() takes, oldest first: the bot's own replies become
 * assistant turns (their fallback text is the answer), people's messages user turns; other bots are
 * left out. In a thread: its earlier messages (conversations.replies). In a DM outside a thread: the
 * conversation's last messages of the past half hour (conversations.history), so a follow-up at the
 * top of a DM works too. If Slack refuses, the question is answered without history.
 */

export const MAX_TURNS = 10;
const MAX_TURN_CHARS = 4_000;
const DM_WINDOW_SECONDS = 30 * 60;

export interface HistoryRef {
  channel: string;
  /** The thread, if the message is in one. */
  threadTs?: string;
  /** The message being answered: it and anything after it is not history. */
  beforeTs: string;
}
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

type Message = NonNullable<webApi.ConversationsRepliesResponse['messages']>[number];

function toTurns(messages: Message[], ref: HistoryRef, bot: BotIdentity): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (!m.ts || Number(m.ts) >= Number(ref.beforeTs)) continue;
    const mine = isMine(m, bot);
    if (!mine && m.bot_id) continue;
    const text = truncate(toPlainText(m.text ?? '', bot.botUserId), MAX_TURN_CHARS);
    if (text) turns.push({ role: mine ? 'assistant' : 'user', text });
  }
  return turns.slice(-MAX_TURNS);
}

const isMine = (m: Message, bot: BotIdentity) => Boolean((bot.botId && m.bot_id === bot.botId) || (bot.botUserId && m.user === bot.botUserId));

/** Whether Veileder has replied in a thread (its first 50 messages); false also when Slack will not say. */
export async function botRepliedInThread(client: webApi.WebClient, channel: string, threadTs: string, bot: BotIdentity, log: Logger): Promise<boolean> {
  try {
    const res = await client.conversations.replies({ channel, ts: threadTs, limit: 50 });
    return (res.messages ?? []).some((m) => isMine(m, bot));
  } catch (err) {
    log.warn({ code: 'SLACK_HISTORY_FAILED', channel, err: (err as { data?: { error?: string } }).data?.error }, 'slack: thread lookup failed');
    return false;
  }
}

export async function conversationHistory(client: webApi.WebClient, ref: HistoryRef, bot: BotIdentity, log: Logger): Promise<Turn[]> {
  try {
    if (ref.threadTs) {
      const res = await client.conversations.replies({ channel: ref.channel, ts: ref.threadTs, limit: 50 });
      return toTurns(res.messages ?? [], ref, bot);
    }
    const res = await client.conversations.history({
      channel: ref.channel,
      latest: ref.beforeTs,
      oldest: String(Number(ref.beforeTs) - DM_WINDOW_SECONDS),
      inclusive: false,
      limit: MAX_TURNS,
    });
    // conversations.history is newest first.
    return toTurns([...(res.messages ?? [])].reverse(), ref, bot);
  } catch (err) {
    log.warn({ code: 'SLACK_HISTORY_FAILED', channel: ref.channel, err: (err as { data?: { error?: string } }).data?.error }, 'slack: history unavailable');
    return [];
  }
}
