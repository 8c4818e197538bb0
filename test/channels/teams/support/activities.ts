import { randomUUID } from 'node:crypto';

/** Builders for the activities Teams sends to a bot, as they arrive on the wire. */

export const BOT = { id: '28:veileder-bot', name: 'Veileder' };
export const USER = { id: '29:user-1', name: 'Kari Nordmann', aadObjectId: '00000000-0000-0000-0000-000000000001' };
/** A user listed in TEAMS_ADMIN_IDS in the tests that bind districts. */
export const ADMIN = { id: '29:admin-1', name: 'Ola Admin', aadObjectId: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE' };

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface MessageOptions {
  serviceUrl: string;
  text: string;
  conversationType?: ConversationType;
  conversationId?: string;
  /** Prefix the text with an @mention of the bot, with its mention entity (as Teams does in channels). */
  mentionBot?: boolean;
  /** Who writes (default USER). */
  from?: { id: string; name: string; aadObjectId: string };
}

function conversation(type: ConversationType, id?: string) {
  const fallback = {
    personal: 'a:1personal-chat',
    groupChat: '19:group-chat@thread.v2',
    channel: '19:general@thread.tacv2;messageid=1700000000000',
  }[type];
  return { id: id ?? fallback, conversationType: type, tenantId: 'tenant-1', ...(type === 'personal' ? {} : { isGroup: true }) };
}

const base = (serviceUrl: string, type: ConversationType, conversationId?: string) => ({
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl,
  timestamp: new Date().toISOString(),
  from: USER,
  recipient: BOT,
  conversation: conversation(type, conversationId),
  channelData: { tenant: { id: 'tenant-1' } },
});

export function message(o: MessageOptions) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(o.serviceUrl, o.conversationType ?? 'personal', o.conversationId),
    ...(o.from ? { from: o.from } : {}),
    type: 'message',
    text: o.mentionBot ? `${mention} ${o.text}` : o.text,
    textFormat: 'plain',
    entities: o.mentionBot ? [{ type: 'mention', text: mention, mentioned: BOT }] : [],
  };
}

export function membersAdded(serviceUrl: string, members: Array<{ id: string; name?: string }>, type: ConversationType = 'personal') {
  return { ...base(serviceUrl, type), type: 'conversationUpdate', membersAdded: members };
}

/**
 * 👍/👎 submitted, as Teams sends it: `actionValue.feedback` is a JSON string of the form's inputs —
 * `{"feedbackText":"…"}` from Teams' default form, `{"reason":"…","comment":"…"}` from Veileder's.
 */
export function feedbackInvoke(
  serviceUrl: string,
  replyToId: string,
  reaction: 'like' | 'dislike',
  form: Record<string, string> = { feedbackText: '' },
) {
  return {
    ...base(serviceUrl, 'personal'),
    type: 'invoke',
    name: 'message/submitAction',
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify(form) } },
  };
}

/** The click on 👍/👎 of a message with the custom feedback loop: Teams asks the bot for its form. */
export function feedbackFetch(serviceUrl: string, replyToId: string, reaction: 'like' | 'dislike') {
  return {
    ...base(serviceUrl, 'personal'),
    type: 'invoke',
    name: 'message/fetchTask',
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction } },
  };
}
