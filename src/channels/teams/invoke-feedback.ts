import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Answer } from '../../answer/types.js';
import { FeedbackStoreError, type Vote } from '../../feedback/store.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './card.js';
import { FEEDBACK_REASONS, feedbackLabelsFor, type FeedbackReason } from './labels.js';
import type { TeamsHandlerDeps } from './route.js';

/**
 * 👍/👎 on an answer, with Teams' custom feedback loop (`channelData.feedbackLoop.type: "custom"`):
 *
 * 1. The click sends an invoke `message/fetchTask` (`value.actionName: "feedback"`,
 *    `value.actionValue.reaction`), `replyToId` the answer message. The vote is stored right away —
 *    it counts even if the form is closed — and the bot answers with its form: for 👎 «Hva var galt?»
 *    (wrong unit, outdated, not answered, other, and free text), for 👍 a thank-you.
 * 2. Submitting the form sends `message/submitAction` with `value.actionValue.feedback` a JSON string
 *    of the form's inputs (`{"reason":"wrong_unit","comment":"…"}`; Teams' default form sends
 *    `{"feedbackText":"…"}`). The vote is stored again with the reason and the text; the store
 *    removes personal data from the text as it does from questions.
 *
 * The vote goes to the feedback store shared with Slack and the web chat.
 */

export const FEEDBACK_INVOKE = 'message/submitAction';
export const FEEDBACK_FETCH_INVOKE = 'message/fetchTask';
/** Characters of free text kept from the form. */
export const MAX_FEEDBACK_TEXT = 1_000;

const Reaction = z.enum(['like', 'dislike']);

export const FeedbackFetchValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({ reaction: Reaction }),
});

export const FeedbackInvokeValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: Reaction,
    feedback: z.union([z.string().max(10_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** What the form (ours or Teams' default one) sends back, read leniently: unknown fields are ignored. */
const FormInput = z.object({
  reason: z.enum(FEEDBACK_REASONS).optional().catch(undefined),
  comment: z.string().optional().catch(undefined),
  feedbackText: z.string().optional().catch(undefined),
});

const VOTES: Record<z.infer<typeof Reaction>, Vote> = { like: 'up', dislike: 'down' };

function invokeResponse(status: number, body?: unknown) {
  const value: InvokeResponse = { status, body };
  return { type: ActivityTypes.InvokeResponse, value };
}

/** The form's inputs from `actionValue.feedback` (a JSON string, or an object from older clients). */
export function readFeedbackForm(feedback: string | Record<string, unknown> | undefined): { reason: FeedbackReason | null; text: string } {
  let value: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      value = JSON.parse(feedback);
    } catch {
      value = { feedbackText: feedback };
    }
  }
  const parsed = FormInput.safeParse(value ?? {});
  const input = parsed.success ? parsed.data : {};
  const text = (input.comment ?? input.feedbackText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_FEEDBACK_TEXT);
  return { reason: input.reason ?? null, text };
}

/**
 * The stored comment: the reason's label and the free text («Feil enhet: …»). The store removes
 * personal data from it before it is written.
 */
export function feedbackComment(reason: FeedbackReason | null, text: string): string | null {
  const label = reason ? feedbackLabelsFor('nb').reasons[reason] : null;
  if (label && text) return `${label}: ${text}`;
  return label ?? (text || null);
}

/** The «Hva var galt?» form as an Adaptive Card (in the answer's language). */
export function feedbackForm(language: Answer['language']) {
  const l = feedbackLabelsFor(language);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: l.question, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'reason',
        style: 'expanded',
        isRequired: true,
        errorMessage: l.pick,
        choices: FEEDBACK_REASONS.map((r) => ({ title: l.reasons[r], value: r })),
      },
      { type: 'Input.Text', id: 'comment', isMultiline: true, maxLength: MAX_FEEDBACK_TEXT, placeholder: l.placeholder },
    ],
    actions: [{ type: 'Action.Submit', title: l.send }],
  };
}

async function answerOf(context: TurnContext, deps: TeamsHandlerDeps): Promise<string | undefined> {
  const messageId = context.activity.replyToId;
  return messageId ? deps.history.answerIdOf(messageId) : undefined;
}

async function store(deps: TeamsHandlerDeps, answerId: string | undefined, vote: Vote, comment: string | null): Promise<boolean> {
  let stored = false;
  try {
    stored = answerId ? await deps.feedback.vote(answerId, vote, comment) : false;
  } catch (err) {
    // The store logged and counted it; Teams still gets its 200 (the user cannot do better now).
    if (!(err instanceof FeedbackStoreError)) throw err;
    return false;
  }
  if (stored) {
    deps.log.info({ answerId, vote, reason: Boolean(comment) }, 'Teams feedback stored');
  } else {
    deps.log.warn({ code: 'TEAMS_FEEDBACK_UNKNOWN_ANSWER', vote }, 'Feedback on a message no longer known');
  }
  return stored;
}

/** `message/fetchTask`: stores the vote and answers with the form (👎) or a thank-you (👍). */
export async function onFeedbackFetch(context: TurnContext, deps: TeamsHandlerDeps): Promise<void> {
  const parsed = FeedbackFetchValue.safeParse(context.activity.value);
  if (!parsed.success) {
    deps.log.warn({ code: 'TEAMS_FEEDBACK_INVALID' }, 'Feedback fetch with an unknown payload');
    await context.sendActivity(invokeResponse(400, { error: 'Ugyldig tilbakemelding.' }));
    return;
  }
  const { reaction } = parsed.data.actionValue;
  const answerId = await answerOf(context, deps);
  await store(deps, answerId, VOTES[reaction], null);
  const language = (answerId && (await deps.feedback.get(answerId))?.language) || 'nb';
  const l = feedbackLabelsFor(language);
  const task =
    reaction === 'dislike'
      ? {
          type: 'continue',
          value: { title: l.title, height: 'medium', width: 'medium', card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: feedbackForm(language) } },
        }
      : { type: 'message', value: l.thanks };
  await context.sendActivity(invokeResponse(200, { task }));
}

/** `message/submitAction` with `actionName: "feedback"`: the vote with the form's reason and text. */
export async function onFeedbackInvoke(context: TurnContext, deps: TeamsHandlerDeps): Promise<void> {
  const parsed = FeedbackInvokeValue.safeParse(context.activity.value);
  if (!parsed.success) {
    deps.log.warn({ code: 'TEAMS_FEEDBACK_INVALID' }, 'Feedback invoke with an unknown payload');
    await context.sendActivity(invokeResponse(400, { error: 'Ugyldig tilbakemelding.' }));
    return;
  }
  const { reaction, feedback } = parsed.data.actionValue;
  const { reason, text } = readFeedbackForm(feedback);
  await store(deps, await answerOf(context, deps), VOTES[reaction], feedbackComment(reason, text));
  // 200 either way: Teams shows its own confirmation, and a vote on a forgotten message is not the user's fault.
  await context.sendActivity(invokeResponse(200));
}
