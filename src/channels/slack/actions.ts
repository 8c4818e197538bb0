import { z } from 'zod';

/** The interactive elements the bot puts on its messages, and the value each button carries. */

export const ACTION = {
  voteUp: 'veileder_vote_up',
  voteDown: 'veileder_vote_down',
  share: 'veileder_share',
} as const;

/** A button's value: the recorded answer it belongs to (feedback store id) and the answer's language. */
export const ButtonValue = z.object({
  answerId: z.uuid(),
  language: z.enum(['nb', 'en']),
});
export type ButtonValue = z.infer<typeof ButtonValue>;

export const encodeButtonValue = (v: ButtonValue): string => JSON.stringify(v);

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
