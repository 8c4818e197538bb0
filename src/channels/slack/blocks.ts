import { citationUrl, pageLabel } from '../../answer/citations.js';
import { randomUUID } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../../answer/types.js';
import type { Vote } from '../../feedback/store.js';
import { ACTION, encodeButtonValue, encodeFeedbackValue } from './actions.js';
import { escapeInChunks, escapeMrkdwn, mrkdwnLink, truncate, truncateEscaped } from './mrkdwn.js';
import { texts, type Texts } from './texts.js';

/**
 * Block Kit builders: an Answer → a Slack message. All user and corpus text is escaped here, and every
 * message stays within Slack's limits (3,000 characters per text, 10 elements per context, 50 blocks)
 * with a fallback `text` always set.
 */

export type Block = types.KnownBlock;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  textChars: 3_000,
  blocks: 50,
  contextElements: 10,
  /** Sections the answer text may fill before it is cut. */
  answerSections: 6,
  /** Citations shown; the rest are counted in one line. */
  citations: 10,
  fallbackChars: 2_900,
  excerptChars: 200,
} as const;

export interface AnswerMessageOptions {
  /** The feedback store id of this answer: the buttons refer to it (none when it could not be stored: no buttons). */
  answerId?: string;
  /** Ephemeral answers (/veileder) get a button to share them in the channel. */
  shareable?: boolean;
  /** Set after a vote: a thank-you replaces the 👍/👎 buttons. */
  voted?: Vote;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (elements: string[]): Block => ({
  type: 'context',
  elements: elements.slice(0, LIMITS.contextElements).map((t) => mrkdwn(truncateEscaped(t, LIMITS.textChars))),
});

/** `[n] plan title · tiltak id · unit · period`, the title linked where the plan has a URL. */
function citationLine(c: Citation, n: number, t: Texts): string {
  const unit = [c.responsible.join(', '), c.accountable.length ? `(${c.accountable.join(', ')})` : '']
    .filter(Boolean)
    .join(' ');
  const where = [c.measureId ? `${t.measure} ${c.measureId}` : c.section, pageLabel(c, t === texts('en') ? 'en' : 'nb')].filter(Boolean).join(', ');
  const parts = [mrkdwnLink(citationUrl(c), c.documentTitle), where && escapeMrkdwn(where), unit && escapeMrkdwn(unit),
    escapeMrkdwn(c.period), c.expired ? t.expiredTag : ''];
  return `[${n}] ${parts.filter(Boolean).join(' · ')}`;
}

function sourceBlocks(citations: Citation[], t: Texts): Block[] {
  if (!citations.length) return [];
  const shown = citations.slice(0, LIMITS.citations);
  const blocks: Block[] = [{ type: 'divider' }, context([`*${t.sources}*`])];
  shown.forEach((c, i) => {
    const excerpt = c.text.trim() ? `«${escapeMrkdwn(truncate(c.text.replace(/\s+/g, ' ').trim(), LIMITS.excerptChars))}»` : '';
    blocks.push(context([citationLine(c, i + 1, t), excerpt].filter(Boolean)));
  });
  if (citations.length > shown.length) blocks.push(context([t.moreSources(citations.length - shown.length)]));
  return blocks;
}

/**
 * A block_id of its own for every message drawn (the first answer, the redraw after a vote, the shared
 * copy): Slack keeps an element's state per block_id, so a reused one could show an old vote.
 */
const blockId = (kind: 'feedback' | 'share', nonce: string) => `veileder_${kind}.${nonce}`;

/** 👍/👎 as Slack's `feedback_buttons` in a `context_actions` block; a thank-you once voted; «Del i kanalen» for ephemeral answers. */
function feedbackBlock(answer: Answer, opts: AnswerMessageOptions, t: Texts): Block[] {
  // No id when the feedback store could not take it: the answer goes out without 👍/👎.
  if (!opts.answerId) return [];
  const nonce = randomUUID().slice(0, 8);
  const ids = { answerId: opts.answerId, language: answer.language };
  const share: types.Button = { type: 'button', action_id: ACTION.share, text: { type: 'plain_text', text: t.share }, value: encodeButtonValue(ids) };
  const shareBlock: Block[] = opts.shareable ? [{ type: 'actions', block_id: blockId('share', nonce), elements: [{ ...share, style: 'primary' }] }] : [];
  if (opts.voted) return [context([t.thanks(opts.voted)]), ...shareBlock];
  const buttons: types.FeedbackButtons = {
    type: 'feedback_buttons',
    action_id: ACTION.feedback,
    positive_button: { text: { type: 'plain_text', text: t.voteUp }, accessibility_label: t.voteUpLabel, value: encodeFeedbackValue({ ...ids, vote: 'up' }) },
    negative_button: { text: { type: 'plain_text', text: t.voteDown }, accessibility_label: t.voteDownLabel, value: encodeFeedbackValue({ ...ids, vote: 'down' }) },
  };
  return [{ type: 'context_actions', block_id: blockId('feedback', nonce), elements: [buttons] }, ...shareBlock];
}

/**
 * The answer message: answer text, ask()'s warnings, sources (one context block per citation, a plan
 * whose period has ended marked on its line), and the 👍/👎 feedback buttons.
 */
export function answerMessage(answer: Answer, opts: AnswerMessageOptions): SlackMessage {
  const t = texts(answer.language);
  const chunks = escapeInChunks(answer.answer, LIMITS.textChars);
  const answerChunks = chunks.slice(0, LIMITS.answerSections);
  if (chunks.length > answerChunks.length) {
    const last = answerChunks.length - 1;
    const cut = truncateEscaped(answerChunks[last] ?? '', LIMITS.textChars - 2);
    answerChunks[last] = cut.endsWith('…') ? cut : `${cut} …`;
  }
  // ask()'s warnings: personal data removed, plan periods that have ended, a shortened question …
  const warnings = answer.warnings.length ? [context(answer.warnings.map((w) => `⚠️ ${escapeMrkdwn(w)}`))] : [];
  const blocks = [
    ...answerChunks.map(section),
    ...warnings,
    ...sourceBlocks(answer.citations, t),
    ...feedbackBlock(answer, opts, t),
  ];
  return { text: fallbackText(answer.answer), blocks: fitBlocks(blocks) };
}

/** A short message of the channel's own (help, errors, notices): trusted mrkdwn paragraphs. */
export function noticeMessage(paragraphs: string | string[]): SlackMessage {
  const list = Array.isArray(paragraphs) ? paragraphs : [paragraphs];
  return {
    text: fallbackText(list.join('\n\n').replace(/[*`]/g, '')),
    blocks: fitBlocks(list.map((p) => section(truncateEscaped(p, LIMITS.textChars)))),
  };
}

export function helpMessage(): SlackMessage {
  return noticeMessage(texts('nb').help);
}

/** The fallback `text` (notifications, screen readers, clients without blocks): escaped and short. */
export function fallbackText(plain: string): string {
  return escapeMrkdwn(truncate(plain.trim() || '…', LIMITS.fallbackChars));
}

/** Keeps a message within 50 blocks: drops from the middle (sources) but keeps the first and last. */
function fitBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const last = blocks.at(-1)!;
  return [...blocks.slice(0, LIMITS.blocks - 1), last];
}
