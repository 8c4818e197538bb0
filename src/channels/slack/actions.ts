import { z } from 'zod';

/** The interactive elements the bot puts on its messages, and the value each button carries. */

export const ACTION = {
  /** The `feedback_buttons` element (👍/👎) in the answer's `context_actions` block. */
  feedback: 'veileder_feedback',
  /** The buttons of answers sent before feedback_buttons: still handled, for messages already in Slack. */
  voteUp: 'veileder_vote_up',
  voteDown: 'veileder_vote_down',
  share: 'veileder_share',
} as const;

/** The modal that asks «Hva var galt?» after a 👎. */
export const REASON_VIEW = 'veileder_feedback_reason';

/** A button's value: the recorded answer it belongs to (feedback store id) and the answer's language. */
export const ButtonValue = z.object({
  answerId: z.uuid(),
  language: z.enum(['nb', 'en']),
});
export type ButtonValue = z.infer<typeof ButtonValue>;

export const encodeButtonValue = (v: ButtonValue): string => JSON.stringify(v);

/** A feedback button's value: the answer it belongs to and which of the two buttons it is. */
export const FeedbackValue = ButtonValue.extend({ vote: z.enum(['up', 'down']) });
export type FeedbackValue = z.infer<typeof FeedbackValue>;

export const encodeFeedbackValue = (v: FeedbackValue): string => JSON.stringify(v);

export function decodeFeedbackValue(raw: string | undefined): FeedbackValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = FeedbackValue.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a button value from Slack; undefined when it is not one of ours. */
export function decodeButtonValue(raw: string | undefined): ButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = ButtonValue.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
