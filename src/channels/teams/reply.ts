import type { Activity } from 'botbuilder';
import type { Answer } from '../../answer/types.js';
import { MAX_CARD_TEXT, sourcesAttachment } from './card.js';
import { buildAiMessageEntity, citedSources, withMarkers } from './citations.js';
import { escapeMarkdown, truncate } from './text.js';

/**
 * The Teams messages for an Answer.
 *
 * 1. The answer: its text (escaped) with `[n]` markers, ask()'s warnings, the AI-generated label
 *    with citation entities, and the custom 👍/👎 feedback loop. It has no attachments: Teams splits
 *    a message with text and attachments into two and answers 202 without an id, and without the id
 *    a vote on the answer cannot be linked to it.
 * 2. The sources as an Adaptive Card, for clients that do not show citations — its own message.
 *
 * Teams refuses a message over its size limit (413 MessageSizeTooBig), counted on the whole payload
 * as UTF-16 and documented as 40 KB or ~100 KB depending on the page. Each message is kept under
 * 40 KB whatever the number of citations: it gives up detail step by step (shorter texts, no detail
 * cards, fewer sources, a shorter answer) rather than fail.
 */

/** Bytes of UTF-16 a message may take: under 40 KB (40 960), with room for what the SDK adds. */
export const MAX_MESSAGE_BYTES = 40_000;

/** The payload's size as Teams counts it. */
export function activityBytes(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf16le');
}

/** Teams' custom feedback loop: 👍/👎 send `message/fetchTask`, the bot answers with its own form. */
export const FEEDBACK_CHANNEL_DATA = { feedbackLoop: { type: 'custom' } } as const;

interface Detail {
  /** Citations carried (the rest are left out, with their markers). */
  count: number;
  /** Characters of the measure's text in each citation's detail card; null: no detail card. */
  detailTextMax: number | null;
  /** Characters of the answer text. */
  textMax: number;
}

function answerActivity(answer: Answer, d: Detail): Partial<Activity> {
  const total = citedSources(answer).length;
  const count = Math.min(d.count, total);
  const warnings = answer.warnings.map((w) => `⚠️ _${escapeMarkdown(w)}_`);
  // Teams' Markdown joins single line breaks; every line of the answer stays its own paragraph.
  const plain = Number.isFinite(d.textMax) ? truncate(answer.answer, d.textMax) : answer.answer;
  const body = escapeMarkdown(plain).replace(/\n+/g, '\n\n');
  const text = [withMarkers(body, count, total), ...warnings].join('\n\n');
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    entities: [buildAiMessageEntity(answer, { count, detailTextMax: d.detailTextMax })],
    channelData: FEEDBACK_CHANNEL_DATA,
  };
}

/** The steps of detail, richest first; the first that fits is sent. */
function* answerSteps(answer: Answer): Generator<Detail> {
  const total = citedSources(answer).length;
  for (const detailTextMax of [MAX_CARD_TEXT, 200, 0, null]) yield { count: total, detailTextMax, textMax: Infinity };
  for (let count = Math.floor(total / 2); count >= 1; count = Math.floor(count / 2)) {
    yield { count, detailTextMax: null, textMax: Infinity };
  }
  for (const textMax of [8_000, 4_000, 2_000, 1_000]) yield { count: Math.min(total, 1), detailTextMax: null, textMax };
}

function firstThatFits<T>(steps: Iterable<T>, build: (step: T) => Partial<Activity>): Partial<Activity> {
  let last: Partial<Activity> | undefined;
  for (const step of steps) {
    last = build(step);
    if (activityBytes(last) <= MAX_MESSAGE_BYTES) return last;
  }
  // Only warnings longer than the budget could get here; ask() keeps them short.
  return last!;
}

/** The answer message, at the most detail that stays under the size limit. */
export function buildAnswerActivity(answer: Answer): Partial<Activity> {
  return firstThatFits(answerSteps(answer), (d) => answerActivity(answer, d));
}

/** The sources card as its own message, or null when the answer cites nothing. */
export function buildSourcesActivity(answer: Answer): Partial<Activity> | null {
  const sources = citedSources(answer);
  if (!sources.length) return null;
  const steps: Array<{ textMax: number; limit: number }> = [MAX_CARD_TEXT, 200, 0].map((textMax) => ({ textMax, limit: sources.length }));
  for (let limit = Math.floor(sources.length / 2); limit >= 1; limit = Math.floor(limit / 2)) steps.push({ textMax: 0, limit });
  return firstThatFits(steps, (o) => ({
    type: 'message',
    attachments: [sourcesAttachment(sources, answer.language, o)],
  }));
}

/** A plain message of the bot's own (welcome, help, errors): no AI label, no feedback loop. */
export function buildNoticeActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}
