import type { TurnContext } from 'botbuilder';
import { NOTICES } from './notices.js';
import { buildNoticeActivity } from './reply.js';

/** When the bot itself is added (to a personal chat, group chat or team), it says hello with examples. */
export async function onConversationUpdate(context: TurnContext): Promise<void> {
  const { membersAdded, recipient } = context.activity;
  if (membersAdded?.some((m) => m.id === recipient.id)) {
    await context.sendActivity(buildNoticeActivity(NOTICES.welcome));
  }
}
