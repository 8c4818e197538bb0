import type { Activity } from 'botbuilder';
import type { Answer } from '../../answer/types.js';
import { sourcesAttachment } from './card.js';
import { buildAiMessageEntity, citedSources, withMarkers } from './citations.js';
import { escapeMarkdown } from './text.js';

/**
 * The Teams message for an Answer: the answer text (escaped) with `[n]` markers, ask()'s warnings,
 * the AI-generated label with citation entities, the sources as an Adaptive Card for clients that
 * do not show citations, and Teams' 👍/👎 feedback loop switched on.
 */
export function buildAnswerActivity(answer: Answer): Partial<Activity> {
  const sources = citedSources(answer);
  const warnings = answer.warnings.map((w) => `⚠️ _${escapeMarkdown(w)}_`);
  // Teams' Markdown joins single line breaks; every line of the answer stays its own paragraph.
  const body = escapeMarkdown(answer.answer).replace(/\n+/g, '\n\n');
  const text = [withMarkers(body, sources.length), ...warnings].join('\n\n');
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    entities: [buildAiMessageEntity(answer)],
    attachments: sources.length ? [sourcesAttachment(sources, answer.language)] : [],
    channelData: { feedbackLoopEnabled: true },
  };
}

/** A plain message of the bot's own (welcome, help, errors): no AI label, no feedback loop. */
export function buildNoticeActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}
