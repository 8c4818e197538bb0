import type { Turn } from '../../answer/types.js';
import type { ConversationStore } from '../../store/types.js';

/**
 * Earlier turns of a Teams conversation, bounded: in the store shared by replicas (sharedHistoryStore,
 * what the server uses) or in memory (createHistoryStore, tests). A channel reply chain has its own
 * conversation id in Teams (`19:…@thread.tacv2;messageid=…`), so keying by conversation id gives
 * one history per reply chain, per group chat and per personal chat.
 *
 * It also remembers which stored answer (feedback store id) each sent bot message carries, so a
 * 👍/👎 on that message (which names only the message's activity id) finds its answer.
 * In memory both are lost on restart; in the store they survive it and reach every replica.
 */

export interface HistoryOptions {
  /** Conversations kept; the least recently used is dropped beyond this. */
  maxConversations?: number;
  /** Turns kept per conversation (a question and its answer are two turns). */
  maxTurns?: number;
  /** Characters kept of each turn's text. */
  maxTurnChars?: number;
  /** Sent messages whose answer id is remembered for feedback. */
  maxLinks?: number;
}

export interface HistoryStore {
  /** Earlier turns of the conversation, oldest first (a copy). */
  turns(conversationId: string): Promise<Turn[]>;
  /** Records a question (already free of personal data) and the answer given to it. */
  addExchange(conversationId: string, question: string, answer: string): Promise<void>;
  /** Remembers that the bot message `activityId` carries the stored answer `answerId`. */
  link(activityId: string, answerId: string): Promise<void>;
  answerIdOf(activityId: string): Promise<string | undefined>;
}

/** Inserts into a Map used as an LRU: re-inserted keys move to the end, the oldest drop off. */
function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

export function createHistoryStore(options: HistoryOptions = {}): HistoryStore {
  const maxConversations = options.maxConversations ?? 1_000;
  const maxTurns = options.maxTurns ?? 6;
  const maxTurnChars = options.maxTurnChars ?? 2_000;
  const maxLinks = options.maxLinks ?? 5_000;
  const conversations = new Map<string, Turn[]>();
  const links = new Map<string, string>();

  return {
    async turns(conversationId) {
      return (conversations.get(conversationId) ?? []).map((t) => ({ ...t }));
    },
    async addExchange(conversationId, question, answer) {
      const turns = [
        ...(conversations.get(conversationId) ?? []),
        { role: 'user' as const, text: question.slice(0, maxTurnChars) },
        { role: 'assistant' as const, text: answer.slice(0, maxTurnChars) },
      ].slice(-maxTurns);
      touch(conversations, conversationId, turns, maxConversations);
    },
    async link(activityId, answerId) {
      touch(links, activityId, answerId, maxLinks);
    },
    async answerIdOf(activityId) {
      return links.get(activityId);
    },
  };
}

/** The same bounds on the store's tables (src/store/), shared by every replica. */
export function sharedHistoryStore(store: ConversationStore, options: Pick<HistoryOptions, 'maxTurns' | 'maxTurnChars'> = {}): HistoryStore {
  const maxTurns = options.maxTurns ?? 6;
  const maxTurnChars = options.maxTurnChars ?? 2_000;
  return {
    turns: (conversationId) => store.turns(conversationId, maxTurns),
    addExchange: (conversationId, question, answer) =>
      store.addExchange(conversationId, question.slice(0, maxTurnChars), answer.slice(0, maxTurnChars), maxTurns),
    link: (activityId, answerId) => store.link(activityId, answerId),
    answerIdOf: (activityId) => store.answerIdOf(activityId),
  };
}
