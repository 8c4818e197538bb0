import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { FeedbackStoreError, type Vote } from '../../feedback/store.js';
import type { TeamsHandlerDeps } from './route.js';

/**
 * 👍/👎 on an answer: Teams sends an invoke `message/submitAction` whose `replyToId` is the answer
 * message. The vote goes to the feedback store shared with Slack and the web chat. The free-text
 * comment Teams may add is not stored: it can hold personal data.
 */

export const FEEDBACK_INVOKE = 'message/submitAction';

export const FeedbackInvokeValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.union([z.string().max(10_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});

const VOTES: Record<'like' | 'dislike', Vote> = { like: 'up', dislike: 'down' };

function invokeResponse(status: number, body?: unknown) {
  const value: InvokeResponse = { status, body };
  return { type: ActivityTypes.InvokeResponse, value };
}

export async function onFeedbackInvoke(context: TurnContext, deps: TeamsHandlerDeps): Promise<void> {
  const parsed = FeedbackInvokeValue.safeParse(context.activity.value);
  if (!parsed.success) {
    deps.log.warn({ code: 'TEAMS_FEEDBACK_INVALID' }, 'Feedback invoke with an unknown payload');
    await context.sendActivity(invokeResponse(400, { error: 'Ugyldig tilbakemelding.' }));
    return;
  }
  const vote = VOTES[parsed.data.actionValue.reaction];
  const messageId = context.activity.replyToId;
  const answerId = messageId ? await deps.history.answerIdOf(messageId) : undefined;
  let stored = false;
  try {
    stored = answerId ? await deps.feedback.vote(answerId, vote) : false;
  } catch (err) {
    if (!(err instanceof FeedbackStoreError)) throw err;
    // The store logged and counted it; Teams still gets its 200 (the user cannot do better now).
    await context.sendActivity(invokeResponse(200));
    return;
  }
  if (stored) {
    deps.log.info({ answerId, vote }, 'Teams feedback stored');
  } else {
    deps.log.warn({ code: 'TEAMS_FEEDBACK_UNKNOWN_ANSWER', vote }, 'Feedback on a message no longer known');
  }
  // 200 either way: Teams shows its own confirmation, and a vote on a forgotten message is not the user's fault.
  await context.sendActivity(invokeResponse(200));
}
