import type { Answer } from '../../answer/types.js';
import type { FeedbackStore } from '../../feedback/store.js';
import { decodeButtonValue } from './actions.js';
import { noticeMessage } from './blocks.js';
import { texts } from './texts.js';

/**
 * The recorded answer a button on one of our messages refers to, read back from the feedback store
 * as the Answer the builders render — with its warnings, so a redrawn message keeps them.
 */
export interface ClickedAnswer {
  answerId: string;
  answer: Answer;
}

export async function clickedAnswer(rawValue: string | undefined, feedback: FeedbackStore): Promise<ClickedAnswer | undefined> {
  const value = decodeButtonValue(rawValue);
  const stored = value && (await feedback.get(value.answerId));
  if (!value || !stored) return undefined;
  return {
    answerId: value.answerId,
    answer: {
      question: stored.question,
      answer: stored.answer,
      found: stored.found,
      language: stored.language,
      citations: stored.citations,
      warnings: stored.warnings,
    },
  };
}

/** What the clicker sees when the vote could not be stored now (the store is locked or failing). */
export const voteFailedReply = () => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  ...noticeMessage(texts('nb').voteFailed),
});

/** What the clicker sees when the answer is gone (another database, a forged value). */
export const unknownAnswerReply = () => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  ...noticeMessage(texts('nb').unknownAnswer),
});
