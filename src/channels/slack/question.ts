import { toPlainText } from './mrkdwn.js';

/**
 * What a person wrote to the bot → the question to ask, or none. Slack markup is turned back into
 * plain text and the bot's own mention dropped. Length and personal data are ask()'s business: it
 * shortens a huge question and redacts, and says so in its warnings.
 */
export function parseQuestion(raw: string | undefined, botUserId?: string): string | undefined {
  const text = toPlainText(raw ?? '', botUserId);
  // Only emoji (`:wave:` as Slack writes them), punctuation or nothing: not a question.
  return /[\p{L}\p{N}]/u.test(text.replace(/:[\w+'-]+:/g, '')) ? text : undefined;
}
