import { z } from 'zod';
import { Filters, Turn, type AskContext } from './types.js';

/**
 * What reaches ask() from outside, checked with zod and cleaned. Never throws: a context that does
 * not validate is reduced to its valid parts and the problem is reported back for the log.
 */

/** Longer questions are cut here (after redaction of the whole text). */
export const MAX_QUESTION_CHARS = 2_000;
const MAX_HISTORY_TURNS = 20;

/** Control characters out, whitespace collapsed; anything that is not a string becomes ''. */
export function cleanText(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  return s
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut to MAX_QUESTION_CHARS at a word boundary. Run after redaction, so nothing is half-redacted. */
export function truncate(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return { text: (space > MAX_QUESTION_CHARS * 0.8 ? cut.slice(0, space) : cut).trim(), truncated: true };
}

/** No letters or digits at all: empty, whitespace, only emoji or punctuation. */
export function isEmptyQuestion(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

const ContextSchema = z.object({
  history: z.array(Turn).max(200).optional(),
  filters: Filters.optional(),
  channel: z.enum(['slack', 'teams', 'web', 'cli', 'eval']).optional(),
  today: z.date().optional(),
  district: z.string().trim().min(1).max(80).optional(),
});

export interface CheckedContext {
  context: AskContext;
  problems: string[];
}

export function checkContext(raw: unknown): CheckedContext {
  if (raw == null) return { context: {}, problems: [] };
  const whole = ContextSchema.safeParse(raw);
  if (whole.success) {
    return { context: { ...whole.data, history: whole.data.history?.slice(-MAX_HISTORY_TURNS) }, problems: [] };
  }
  // Keep what validates, field by field.
  const problems = whole.error.issues.map((i) => `${i.path.join('.') || 'context'}: ${i.message}`);
  const obj = (typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const context: AskContext = {};
  const shape = ContextSchema.shape;
  const history = z.array(z.unknown()).safeParse(obj.history);
  if (history.success) {
    context.history = history.data
      .map((t) => Turn.safeParse(t))
      .filter((t) => t.success)
      .map((t) => t.data)
      .slice(-MAX_HISTORY_TURNS);
  }
  const filters = shape.filters.safeParse(obj.filters);
  if (filters.success) context.filters = filters.data;
  const channel = shape.channel.safeParse(obj.channel);
  if (channel.success) context.channel = channel.data;
  const district = shape.district.safeParse(obj.district);
  if (district.success && district.data) context.district = district.data;
  else if (!district.success) problems.push('district');
  const today = shape.today.safeParse(obj.today);
  if (today.success && !(today.data && Number.isNaN(today.data.getTime()))) context.today = today.data;
  return { context, problems };
}
