import { isEmptyQuestion } from '../../answer/input.js';
import { toPlainText } from './mrkdwn.js';

/**
 * What a person wrote to the bot → the question to ask, or none. Slack markup is turned back into
 * plain text and the bot's own mention dropped. Length and personal data are ask()'s business: it
 * shortens a huge question and redacts, and says so in its warnings.
 */
export function parseQuestion(raw: string | undefined, botUserId?: string): string | undefined {
  const text = toPlainText(raw ?? '', botUserId);
  // Slack writes emoji as `:wave:`: a message of only those is as empty as one of only emoji.
  return isEmptyQuestion(text.replace(/:[\w+'-]+:/g, '')) ? undefined : text;
}
