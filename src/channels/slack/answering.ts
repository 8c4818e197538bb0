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

export type Via = 'mention' | 'dm' | 'command';

export interface AnswerRequest {
  raw: string | undefined;
  botUserId?: string;
  history?: Turn[];
  via: Via;
  /** Ephemeral answers get a share button. */
  shareable?: boolean;
  /** Ids for the log line (channel, user, event id). */
  ids: Record<string, string | undefined>;
}

export type Answering = (req: AnswerRequest) => Promise<SlackMessage>;

export function createAnswering({ ask, feedback, log }: Pick<ChannelDeps, 'ask' | 'feedback' | 'log'>): Answering {
  return async function answer(req) {
    const question = parseQuestion(req.raw, req.botUserId);
    if (!question) {
      log.info({ via: req.via, ...req.ids }, 'slack: no question, help shown');
      return helpMessage();
    }
    const started = performance.now();
    try {
      const result = await ask(question, { history: req.history ?? [], channel: 'slack' });
      const answerId = await feedback.record(result, 'slack');
      log.info(
        { via: req.via, ...req.ids, answerId, found: result.found, citations: result.citations.length,
          historyTurns: req.history?.length ?? 0, ms: Math.round(performance.now() - started) },
        'slack answer',
      );
      // No id when the feedback store could not take it: the answer goes out without 👍/👎.
      return answerMessage(result, { answerId: answerId ?? undefined, shareable: req.shareable });
    } catch (err) {
      log.error(
        { via: req.via, ...req.ids, code: (err as { code?: string }).code ?? 'ASK_FAILED', ms: Math.round(performance.now() - started) },
        'slack answer failed',
      );
      return noticeMessage(texts('nb').failed);
    }
  };
}
