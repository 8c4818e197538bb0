import type { Turn } from '../../answer/types.js';
import type { ChannelDeps } from '../channel.js';
import { answerMessage, helpMessage, noticeMessage, type SlackMessage } from './blocks.js';
import { parseQuestion } from './question.js';
import { texts } from './texts.js';

/**
 * One message → one Slack message: no question gives the help text; otherwise ask() answers it, the answer is recorded in the feedback store
 * (so 👍/👎 can refer to it), and the builders render it. Failures become a friendly message; the
 * log gets ids, timings and error codes, never the question.
 */

/** How the question came: an @mention, a DM (the agent's Messages tab), /veileder, or a follow-up in a thread Veileder answered. */
export type Via = 'mention' | 'dm' | 'command' | 'thread';

export interface AnswerRequest {
  raw: string | undefined;
  botUserId?: string;
  history?: Turn[];
  via: Via;
  /** Ephemeral answers get a share button. */
  shareable?: boolean;
  /** The district the channel is bound to (bindings.ts): ask() answers a question naming none for it. */
  district?: string;
  /** A follow-up without a mention that holds no question («takk!») gets no reply rather than the help text. */
  quietWhenEmpty?: boolean;
  /** Ids for the log line (channel, user, event id). */
  ids: Record<string, string | undefined>;
}

/** The message to send, and the question as ask() took it (personal data removed), for a thread title. */
export type SlackReply = SlackMessage & { question?: string };

export type Answering = {
  (req: AnswerRequest & { quietWhenEmpty: true }): Promise<SlackReply | undefined>;
  (req: AnswerRequest): Promise<SlackReply>;
};

export function createAnswering({ ask, feedback, log }: Pick<ChannelDeps, 'ask' | 'feedback' | 'log'>): Answering {
  return async function answer(req: AnswerRequest): Promise<SlackReply | undefined> {
    const question = parseQuestion(req.raw, req.botUserId);
    if (!question && req.quietWhenEmpty) return undefined;
    if (!question) {
      log.info({ via: req.via, ...req.ids }, 'slack: no question, help shown');
      return helpMessage();
    }
    const started = performance.now();
    try {
      const result = await ask(question, { history: req.history ?? [], channel: 'slack', ...(req.district ? { district: req.district } : {}) });
      const answerId = await feedback.record(result, 'slack');
      log.info(
        { via: req.via, ...req.ids, answerId, found: result.found, citations: result.citations.length,
          historyTurns: req.history?.length ?? 0, district: req.district, ms: Math.round(performance.now() - started) },
        'slack answer',
      );
      // No id when the feedback store could not take it: the answer goes out without 👍/👎.
      return { ...answerMessage(result, { answerId: answerId ?? undefined, shareable: req.shareable }), question: result.question };
    } catch (err) {
      log.error(
        { via: req.via, ...req.ids, code: (err as { code?: string }).code ?? 'ASK_FAILED', ms: Math.round(performance.now() - started) },
        'slack answer failed',
      );
      return noticeMessage(texts('nb').failed);
    }
  } as Answering;
}
