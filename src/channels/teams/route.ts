import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DistrictBindings } from '../bindings.js';
import type { ChannelDeps } from '../channel.js';
import { onConversationUpdate } from './conversation-update.js';
import type { HistoryStore } from './history.js';
import { FEEDBACK_FETCH_INVOKE, FEEDBACK_INVOKE, onFeedbackFetch, onFeedbackInvoke } from './invoke-feedback.js';
import { onMessage } from './message.js';

/** What the activity handlers get: the channel's deps and the conversation history. */
export interface TeamsHandlerDeps extends Pick<ChannelDeps, 'ask' | 'feedback' | 'log'> {
  history: HistoryStore;
  /** Which conversation is bound to which district («bydel Nordstrand»). */
  bindings: DistrictBindings;
  /** AAD object ids allowed to bind (TEAMS_ADMIN_IDS). */
  adminIds: readonly string[];
  /** Milliseconds between repeated typing indicators while an answer is being made. */
  typingIntervalMs?: number;
}

/** Routes each incoming activity to its handler by type; unknown activities are ignored. */
export function createTurnHandler(deps: TeamsHandlerDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { type, name } = context.activity;
    if (type === ActivityTypes.Message) return onMessage(context, deps);
    if (type === ActivityTypes.ConversationUpdate) return onConversationUpdate(context);
    if (type === ActivityTypes.Invoke && name === FEEDBACK_FETCH_INVOKE) return onFeedbackFetch(context, deps);
    if (type === ActivityTypes.Invoke && name === FEEDBACK_INVOKE) return onFeedbackInvoke(context, deps);
    // Other invokes get the adapter's 501; other activity types need no reply.
  };
}
