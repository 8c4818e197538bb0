import type { App, BlockButtonAction } from '@slack/bolt';
import type { FeedbackStore } from '../../feedback/store.js';
import type { Logger } from 'pino';
import { ACTION } from './actions.js';
import { answerMessage } from './blocks.js';
import { clickedAnswer, unknownAnswerReply } from './clicked.js';

/**
 * «Del i kanalen» on an ephemeral /veileder answer: the recorded answer is posted in the channel
 * through the command's response_url (works without the bot being a member) and the private copy is removed.
 */
export function registerShare(app: App, feedback: FeedbackStore, log: Logger): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const clicked = await clickedAnswer(action.value, feedback);
    if (!clicked) {
      log.warn({ code: 'SLACK_SHARE_UNKNOWN', user: body.user.id }, 'slack: share of an unknown answer');
      await respond(unknownAnswerReply());
      return;
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...answerMessage(clicked.answer, { answerId: clicked.answerId }) });
    await respond({ delete_original: true });
    log.info({ answerId: clicked.answerId, user: body.user.id, channel: body.channel?.id }, 'slack answer shared');
  });
}
