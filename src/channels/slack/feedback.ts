import type { App, BlockAction, BlockButtonAction, BlockFeedbackButtonsAction, RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { FeedbackStoreError, type FeedbackStore, type Vote } from '../../feedback/store.js';
import { ACTION, decodeFeedbackValue, REASON_VIEW } from './actions.js';
import { answerMessage } from './blocks.js';
import { clickedAnswer, unknownAnswerReply, voteFailedReply } from './clicked.js';
import { REASON_STORED, texts, type Language, type Reason } from './texts.js';

/**
 * 👍/👎 on an answer (Slack's `feedback_buttons`, and the plain buttons of older messages): the vote is
 * stored with the recorded answer (question already free of personal data, answer, citations) and
 * the message is redrawn from the store with a thank-you in place of the buttons. A 👎 also opens
 * «Hva var galt?» (feil enhet, utdatert, ikke besvart, annet + fritekst); what is chosen there is
 * stored with the vote, the free text redacted by the store like a question. Works on channel
 * messages and on ephemeral /veileder answers alike (through response_url).
 */

const REASONS = Object.keys(REASON_STORED) as [Reason, ...Reason[]];
const DETAILS_MAX = 1_000;

const ReasonMetadata = z.object({ answerId: z.uuid(), language: z.enum(['nb', 'en']) });
const ReasonState = z.object({
  reason: z.object({ choice: z.object({ selected_option: z.object({ value: z.enum(REASONS) }).nullish() }) }),
  details: z.object({ text: z.object({ value: z.string().nullish() }) }).optional(),
});

/** The modal: the four choices as radio buttons, and a free-text field. */
export function reasonView(answerId: string, language: Language): webApi.View {
  const t = texts(language).reason;
  const plain = (text: string) => ({ type: 'plain_text' as const, text });
  return {
    type: 'modal',
    callback_id: REASON_VIEW,
    private_metadata: JSON.stringify({ answerId, language }),
    title: plain(t.title),
    submit: plain(t.submit),
    close: plain(t.close),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: plain(t.question),
        element: { type: 'radio_buttons', action_id: 'choice', options: REASONS.map((r) => ({ text: plain(t.choices[r]), value: r })) },
      },
      {
        type: 'input',
        block_id: 'details',
        optional: true,
        label: plain(t.details),
        hint: plain(t.detailsHint),
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: DETAILS_MAX },
      },
    ],
  };
}

/** What is stored as the vote's comment: the reason in bokmål, then the free text. */
export function reasonComment(reason: Reason, details: string | null | undefined): string {
  const text = details?.trim().slice(0, DETAILS_MAX);
  return text ? `${REASON_STORED[reason]}: ${text}` : REASON_STORED[reason];
}

export function registerFeedback(app: App, feedback: FeedbackStore, log: Logger): void {
  async function onVote(vote: Vote, rawValue: string | undefined, body: BlockAction, respond: RespondFn, client: webApi.WebClient) {
    const clicked = await clickedAnswer(rawValue, feedback);
    let stored = false;
    try {
      stored = Boolean(clicked) && (await feedback.vote(clicked!.answerId, vote));
    } catch (err) {
      // The store logged and counted it; the user is told to try again.
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
    if (vote === 'down') {
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: reasonView(clicked.answerId, clicked.answer.language) });
      } catch (err) {
        // The 👎 is stored already; without the modal it just has no reason.
        log.warn({ code: 'SLACK_REASON_VIEW_FAILED', answerId: clicked.answerId, err: (err as { data?: { error?: string } }).data?.error }, 'slack: reason modal not opened');
      }
    }
    const ephemeral = body.container?.is_ephemeral === true;
    await respond({
      replace_original: true,
      ...answerMessage(clicked.answer, { answerId: clicked.answerId, voted: vote, shareable: ephemeral }),
    });
  }

  app.action<BlockFeedbackButtonsAction>(ACTION.feedback, async ({ ack, action, body, respond, client }) => {
    await ack();
    const value = decodeFeedbackValue(action.value);
    await onVote(value?.vote ?? 'down', value ? action.value : undefined, body, respond, client);
  });
  for (const vote of ['up', 'down'] as const) {
    app.action<BlockButtonAction>(vote === 'up' ? ACTION.voteUp : ACTION.voteDown, async ({ ack, action, body, respond, client }) => {
      await ack();
      await onVote(vote, action.value, body, respond, client);
    });
  }

  app.view(REASON_VIEW, async ({ ack, view, body }) => {
    const meta = (() => {
      try {
        return ReasonMetadata.safeParse(JSON.parse(view.private_metadata)).data;
      } catch {
        return undefined;
      }
    })();
    const state = ReasonState.safeParse(view.state.values).data;
    const reason = state?.reason.choice.selected_option?.value;
    if (!meta || !reason) {
      await ack({ response_action: 'errors', errors: { reason: texts(meta?.language).reason.question } });
      return;
    }
    await ack();
    let stored = false;
    try {
      stored = await feedback.vote(meta.answerId, 'down', reasonComment(reason, state?.details?.text.value));
    } catch (err) {
      if (!(err instanceof FeedbackStoreError)) throw err;
    }
    log.info({ answerId: meta.answerId, reason, stored, user: body.user.id }, 'slack feedback reason');
  });
}
