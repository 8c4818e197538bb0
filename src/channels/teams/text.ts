/**
 * Text that goes into a Teams message: user and corpus text is escaped so it cannot inject Markdown,
 * HTML or @mentions; mentions of the bot are stripped from what the user wrote before asking.
 */

/**
 * Characters that start Markdown emphasis, code or a link anywhere in a line. Parentheses need no
 * escape: without an unescaped `[` they cannot become a link.
 */
const MARKDOWN_SPECIAL = /[\\`*_~[\]]/g;

/**
 * Escapes text for a Teams message with textFormat "markdown": Markdown characters get a backslash,
 * `<`, `>` and `&` become entities so `<at>…</at>` or any HTML stays literal text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    // A line that starts like a list item or heading stays a plain line.
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.')
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2');
}

export interface MentionLike {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

/** A mention's name for comparison: tags, a leading «@», entities and case taken off. */
function mentionName(text: string): string {
  return text
    .replace(/<\/?at>/gi, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/^\s*@/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The question as the user meant it: every `<at>…</at>` of the bot (the recipient) removed, other
 * people's mentions kept as their plain names, whitespace collapsed. The bot's mention is found by
 * the entity's text and by its name, so `<at>@Veileder</at>` in the entity still removes
 * `<at>Veileder</at>` in the message (Teams does not always write them alike).
 */
export function stripMentions(
  text: string,
  entities: readonly MentionLike[] | undefined,
  botId: string,
  botName?: string,
): string {
  const botMentions = (entities ?? []).filter((e) => e.type === 'mention' && e.mentioned?.id === botId);
  const names = new Set(
    [...botMentions.flatMap((e) => [e.text, e.mentioned?.name]), botMentions.length ? botName : undefined]
      .filter((n): n is string => Boolean(n))
      .map(mentionName)
      .filter(Boolean),
  );
  let out = text;
  for (const e of botMentions) if (e.text) out = out.split(e.text).join(' ');
  return out
    .replace(/<at>([^<]*)<\/at>/gi, (_, name: string) => (names.has(mentionName(name)) ? ' ' : name))
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Escapes text for an Adaptive Card TextBlock or Fact, whose Markdown subset knows emphasis, lists
 * and links but no HTML: a backslash before the characters that would start one.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\\*_~[\]`]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2');
}

/** Shortens to `max` characters (code points), whitespace collapsed, ending in «…» when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
