import type { Section } from '../types.js';
import { joinLines } from './lines.js';

/** A heading found by a parser: the line it starts on, how many lines it spans, its number and title. */
export interface Heading {
  line: number;
  span: number;
  number: string | null;
  title: string;
}

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'seksjon'
  );
}

/** «2.2 Tiltak tidlig innsats» — how a measure names the section it stands in. */
export function sectionLabel(heading: Pick<Heading, 'number' | 'title'>): string {
  return heading.number ? `${heading.number} ${heading.title}` : heading.title;
}

/**
 * Sections from headings: each section's text is the lines between its heading and the next one,
 * without the lines a parser has already used for measures (`taken`). Text before the first heading
 * is left out (the title page). Paragraph breaks are kept as blank lines.
 */
export function buildSections(lines: readonly string[], headings: readonly Heading[], taken: ReadonlySet<number> = new Set()): Section[] {
  const sorted = [...headings].sort((a, b) => a.line - b.line);
  const seen = new Map<string, number>();
  return sorted.map((h, i) => {
    const end = sorted[i + 1]?.line ?? lines.length;
    const paragraphs: string[][] = [[]];
    for (let l = h.line + h.span; l < end; l++) {
      if (taken.has(l)) continue;
      // A bullet («•», «–», «-», «o») starts a paragraph of its own, so lists stay lists.
      if (/^(?:[•–-]|o\s)/u.test(lines[l] ?? '') && paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
      if (lines[l]) paragraphs[paragraphs.length - 1]!.push(lines[l]!);
      else if (paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
    }
    const base = h.number ?? slug(h.title);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: n === 1 ? base : `${base}-${n}`,
      number: h.number,
      title: h.title,
      text: paragraphs.map((p) => joinLines(p)).filter(Boolean).join('\n\n'),
    };
  });
}
