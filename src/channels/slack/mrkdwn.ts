/**
 * Slack's text formats, both ways. Everything the bot sends that came from a user or the corpus goes
 * through `escapeMrkdwn`, so `<!channel>`, `<@U…>`, `&<>` and a bare `@here` can neither ping anyone nor
 * break the message. Everything that comes in goes through `toPlainText`, which turns Slack's markup
 * back into what the person typed.
 */

const BROADCASTS = /@(channel|here|everyone)\b/gi;
const WORD_JOINER = '\u2060';

/** Escapes text for a mrkdwn (or fallback `text`) field. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCASTS, `@${WORD_JOINER}$1`);
}

/** A mrkdwn link `<url|label>`; only http(s) URLs become links, anything else is plain escaped text. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label);
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return safeLabel;
  const safeUrl = url.replace(/[<>|]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * Slack message markup → plain text: the bot's own mention is dropped, other mentions become `@user`,
 * channel links `#name`, links their label (or URL), special mentions `@here`, and the three HTML
 * entities Slack encodes are decoded.
 */
export function toPlainText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_all, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return botUserId && target === `@${botUserId}` ? ' ' : label ? `@${label}` : '@bruker';
      if (target.startsWith('#')) return label ? `#${label}` : '#kanal';
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Cuts text to at most `max` characters, at a word boundary where one is near, marking the cut with «…». */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`;
}

/** Cuts text that is already escaped, never leaving half an entity (`&am…`). */
export function truncateEscaped(text: string, max: number): string {
  return truncate(text, max).replace(/&[a-z]{0,3}…$/, '…');
}

/**
 * Escapes plain text and splits it into pieces of at most `max` characters each (Slack's limit per
 * section is 3,000), breaking between words and never inside an escaped entity.
 */
export function escapeInChunks(plain: string, max: number): string[] {
  const pieces: string[] = [];
  for (const token of plain.split(/(\s+)/)) {
    // A "word" longer than a section is cut into parts that fit even when every character expands (& → &amp;).
    let rest = token;
    const step = Math.max(1, Math.floor(max / 5));
    while (escapeMrkdwn(rest).length > max) {
      pieces.push(rest.slice(0, step));
      rest = rest.slice(step);
    }
    if (rest) pieces.push(rest);
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const escaped = escapeMrkdwn(piece);
    if (current.length + escaped.length > max) {
      if (current.trim()) chunks.push(current.trim());
      current = '';
    }
    if (current || piece.trim()) current += escaped;
  }
  if (current.trim()) chunks.push(current.trim());
  return chunks;
}
