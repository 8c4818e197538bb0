import type { Section } from '../types.js';
import { sectionsFrom, type Heading } from './sections.js';

/** «2.2 Tiltak tidlig innsats» — how a measure names the section it stands in. */
export function sectionLabel(heading: Pick<Heading, 'number' | 'title'>): string {
  return heading.number ? `${heading.number} ${heading.title}` : heading.title;
}

/**
 * The chapters of a tabled plan: corpus A's sectionsFrom over the lines, without those a parser has
 * used (`taken`: table rows, column headers, the second line of a two-line heading) and without the
 * title lines before the first heading (the manifest has the title).
 */
export function sectionsWithout(lines: readonly string[], headings: readonly Heading[], taken: ReadonlySet<number>): Section[] {
  const first = Math.min(...headings.map((h) => h.line));
  return sectionsFrom(
    lines.map((line, i) => (taken.has(i) || i < first ? '' : line)),
    headings,
  );
}
