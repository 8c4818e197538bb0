import type { App, BlockButtonAction } from '@slack/bolt';
import { FeedbackStoreError, type FeedbackStore, type Vote } from '../../feedback/store.js';
import type { Logger } from 'pino';
import { ACTION } from './actions.js';
import { answerMessage } from './blocks.js';
import { clickedAnswer, unknownAnswerReply, voteFailedReply } from './clicked.js';

/**
 * 👍/👎 on an answer: the vote is stored with the recorded answer (question already free of personal
 * data, answer, citations) and the message is redrawn from the store with a thank-you in place of the
 * buttons. Works on channel messages and on ephemeral /veileder answers alike (through response_url).
 */
export function registerFeedback(app: App, feedback: FeedbackStore, log: Logger): void {
  const onVote = (vote: Vote) =>
    app.action<BlockButtonAction>(vote === 'up' ? ACTION.voteUp : ACTION.voteDown, async ({ ack, action, body, respond }) => {
      await ack();
      const clicked = await clickedAnswer(action.value, feedback);
      let stored = false;
      try {
        stored = Boolean(clicked) && (await feedback.vote(clicked!.answerId, vote));
      } catch (err) {
        if (!(err instanceof FeedbackStoreError)) throw err;
        await respond(voteFailedReply());
        return;
      }
      if (!clicked || !stored) {
        log.warn({ code: 'SLACK_FEEDBACK_UNKNOWN', user: body.user.id }, 'slack: vote for an unknown answer');
        await respond(unknownAnswerReply());
        return;
      }
      log.info({ answerId: clicked.answerId, vote, user: body.user.id }, 'slack feedback');
      const ephemeral = body.container?.is_ephemeral === true;
      await respond({
        replace_original: true,
        ...answerMessage(clicked.answer, { answerId: clicked.answerId, voted: vote, shareable: ephemeral }),
      });
    });
  onVote('up');
  onVote('down');
}
