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
