/** Readers for the Block Kit messages the stand-in recorded. */

type Block = Record<string, unknown> & { type: string };
interface TextObject {
  type: string;
  text: string;
}
export interface Button {
  action_id: string;
  value: string;
  text: TextObject;
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

export function feedbackButtons(blocks: unknown): Button[] {
  return (blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Button[]);
}
