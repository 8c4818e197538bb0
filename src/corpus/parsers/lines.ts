import { joinFragments } from './sections.js';

/**
 * Line helpers shared by the table parsers (gamle-oslo, tryggere-liv, grunerlokka).
 * Parsers get normalize() output, but stay correct on raw extraction too: page-number and
 * URL-only lines are dropped here as well, and whitespace-only lines count as blank.
 */

/** The plan's lines, trimmed; page numbers and footnote URLs become blank lines (indices are kept). */
export function planLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .map((line) => (/^\d{1,3}$/.test(line) || /^(?:https?:\/\/|www\.)\S+$/i.test(line) ? '' : line));
}

/**
 * Lines joined into one line of running text (hyphenation at line ends joined, see joinFragments);
 * a line that starts with a comma or full stop («alkohol-» / «, benzodiazepin-») takes no space.
 */
export function joinLines(lines: readonly string[]): string {
  return lines.reduce(joinFragments, '').replace(/\s+([.,;:])(?=\s|$)/g, '$1').trim();
}

/** Splits lines into paragraphs at blank lines; each paragraph keeps the index of its first line. */
export function paragraphsOf(lines: readonly string[], from = 0, to = lines.length): { start: number; lines: string[] }[] {
  const out: { start: number; lines: string[] }[] = [];
  let current: { start: number; lines: string[] } | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (!line) {
      current = undefined;
      continue;
    }
    if (!current) out.push((current = { start: i, lines: [] }));
    current.lines.push(line);
  }
  return out;
}
