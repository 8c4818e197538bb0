import { z } from 'zod';
import { toPlainText } from './mrkdwn.js';

/**
 * What a person wrote to the bot → the question to ask, or why there is none. Slack markup is turned
 * back into plain text and the bot's own mention dropped; ask() takes care of personal data.
 */

export const MAX_QUESTION_CHARS = 2_000;

const QuestionText = z.string().trim().min(1).max(MAX_QUESTION_CHARS);

export type ParsedQuestion = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too_long' };

export function parseQuestion(raw: string | undefined, botUserId?: string): ParsedQuestion {
  const text = toPlainText(raw ?? '', botUserId);
  const parsed = QuestionText.safeParse(text);
  if (parsed.success) return { ok: true, text: parsed.data };
  return { ok: false, reason: text.trim() ? 'too_long' : 'empty' };
}
