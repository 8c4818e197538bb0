import type { App, BlockButtonAction } from '@slack/bolt';
import type { Answer } from '../../answer/types.js';
import type { FeedbackStore, StoredAnswer, Vote } from '../../feedback/store.js';
import type { Logger } from 'pino';
import { ACTION, decodeButtonValue } from './actions.js';
import { answerMessage, noticeMessage } from './blocks.js';
import { texts } from './texts.js';

/**
 * 👍/👎 on an answer: the vote is stored with the recorded answer (question already free of personal
 * data, answer, citations) and the message is redrawn from the store with a thank-you in place of the
 * buttons. Works on channel messages and on ephemeral /veileder answers alike (through response_url).
 */

/** A recorded answer as the Answer the builders render (warnings are not stored, so none are shown). */
export function storedToAnswer(stored: StoredAnswer, language: Answer['language']): Answer {
  return { question: stored.question, answer: stored.answer, found: stored.found, language, citations: stored.citations, warnings: [] };
}

export function registerFeedback(app: App, feedback: FeedbackStore, log: Logger): void {
  const onVote = (vote: Vote) =>
    app.action<BlockButtonAction>(vote === 'up' ? ACTION.voteUp : ACTION.voteDown, async ({ ack, action, body, respond }) => {
      await ack();
      const value = decodeButtonValue(action.value);
      const stored = value && feedback.vote(value.answerId, vote) ? feedback.get(value.answerId) : undefined;
      if (!value || !stored) {
        log.warn({ code: 'SLACK_FEEDBACK_UNKNOWN', user: body.user.id }, 'slack: vote for an unknown answer');
        await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(texts('nb').unknownAnswer) });
        return;
      }
      log.info({ answerId: value.answerId, vote, user: body.user.id }, 'slack feedback');
      const ephemeral = body.container?.is_ephemeral === true;
      await respond({
        replace_original: true,
        ...answerMessage(storedToAnswer(stored, value.language), { answerId: value.answerId, voted: vote, shareable: ephemeral }),
      });
    });
  onVote('up');
  onVote('down');
}
