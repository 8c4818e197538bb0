/**
 * The sentences of a message, as ask() reads a longer message: split after «.», «!», «?» or «:» where
 * whitespace follows, trimmed, empty ones dropped. One splitter for every reader of a message's parts
 * (ask.ts questionParts, kinds/across.ts acrossSentence).
 */
export function sentences(message: string): string[] {
  return message
    .split(/(?<=[.!?:])\s+/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * The sentences of a plan's text (a passage or a measure): split after «.», «!» or «?» where whitespace
 * follows. Not after «:», which in the plans introduces a measure's goal («Mål: Tidlig innsats»).
 */
export function textSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/u);
}
