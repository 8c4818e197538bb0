/** Readers for the Block Kit messages the stand-in recorded. */

type Block = Record<string, unknown> & { type: string };
interface TextObject {
  type: string;
  text: string;
}
export interface Button {
  /** `button`, or `feedback_buttons` for each half (👍 first) of Slack's feedback buttons. */
  type: string;
  action_id: string;
  block_id: string;
  value: string;
  text: TextObject;
  accessibility_label?: string;
}
interface FeedbackHalf {
  text: TextObject;
  value: string;
  accessibility_label?: string;
}

/** Every text of every block, in order (section text, context elements). */
export function blockTexts(blocks: unknown): string[] {
  return (blocks as Block[]).flatMap((b) => {
    if (b.type === 'section') return [(b.text as TextObject).text];
    if (b.type === 'context') return (b.elements as TextObject[]).map((e) => e.text);
    return [];
  });
}

/** The source lines: the first element of each context block that starts with `[n]`. */
export function citationBlocks(blocks: unknown): string[] {
  return (blocks as Block[])
    .filter((b) => b.type === 'context')
    .map((b) => (b.elements as TextObject[])[0]!.text)
    .filter((t) => /^\[\d+\] /.test(t));
}

/** Every clickable element: buttons in `actions` blocks, and the two halves of `feedback_buttons` in `context_actions`. */
export function feedbackButtons(blocks: unknown): Button[] {
  return (blocks as Block[])
    .filter((b) => b.type === 'actions' || b.type === 'context_actions')
    .flatMap((b) =>
      (b.elements as Array<Record<string, unknown>>).flatMap((e): Button[] => {
        const base = { type: String(e.type), action_id: String(e.action_id), block_id: String(b.block_id) };
        if (e.type !== 'feedback_buttons') return [{ ...base, value: String(e.value), text: e.text as TextObject }];
        return [e.positive_button as FeedbackHalf, e.negative_button as FeedbackHalf].map((half) => ({ ...base, ...half }));
      }),
    );
}

/** The 👍 or 👎 half of an answer's feedback buttons. */
export function voteButton(blocks: unknown, vote: 'up' | 'down'): Button {
  const halves = feedbackButtons(blocks).filter((b) => b.type === 'feedback_buttons');
  const half = halves[vote === 'up' ? 0 : 1];
  if (!half) throw new Error('no feedback_buttons in the message');
  return half;
}

/** What a click on a recorded button sends back: the arguments for sendButtonClick. */
export const clickOf = (b: Button) => ({ actionId: b.action_id, value: b.value, type: b.type, blockId: b.block_id });
