import type { App, BlockButtonAction } from '@slack/bolt';
import type { FeedbackStore } from '../../feedback/store.js';
import type { Logger } from 'pino';
import { ACTION, decodeButtonValue } from './actions.js';
import { answerMessage, noticeMessage } from './blocks.js';
import { storedToAnswer } from './feedback.js';
import { texts } from './texts.js';

/**
 * «Del i kanalen» on an ephemeral /veileder answer: the recorded answer is posted in the channel
 * through the command's response_url (works without the bot being a member) and the private copy is removed.
 */
export function registerShare(app: App, feedback: FeedbackStore, log: Logger): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeButtonValue(action.value);
    const stored = value && feedback.get(value.answerId);
    if (!value || !stored) {
      log.warn({ code: 'SLACK_SHARE_UNKNOWN', user: body.user.id }, 'slack: share of an unknown answer');
      await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(texts('nb').unknownAnswer) });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...answerMessage(storedToAnswer(stored, value.language), { answerId: value.answerId }),
    });
    await respond({ delete_original: true });
    log.info({ answerId: value.answerId, user: body.user.id, channel: body.channel?.id }, 'slack answer shared');
  });
}
