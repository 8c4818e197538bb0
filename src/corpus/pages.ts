/**
 * Page marks in the corpus's text form: «[[side 12]]» on its own line where page 12 of a PDF begins,
 * or inside a line where a table row or a paragraph goes on on page 12. src/corpus/extract/pdf.ts
 * writes them; the generic parser reads them into `pages` of each measure and section and removes
 * them; every other parser gets the text without them (a text without marks has no pages).
 */

export const pageMark = (page: number) => `[[side ${page}]]`;

const MARK = /\[\[side (\d{1,4})\]\]/gu;
const MARK_LINE = /^\s*\[\[side (\d{1,4})\]\]\s*$/u;

export function hasPageMarks(text: string): boolean {
  return /\[\[side \d{1,4}\]\]/u.test(text);
}

/** The text without page marks: a mark line becomes a blank line, an inline mark a space. */
export function withoutPageMarks(text: string): string {
  return text
    .split('\n')
    .map((l) => (MARK_LINE.test(l) ? '' : l.replace(/ ?\[\[side \d{1,4}\]\] ?/gu, (m) => (m.startsWith(' ') && m.endsWith(' ') ? ' ' : ''))))
    .join('\n');
}

/** A string's inline marks taken out: the clean string, the pages the marks name and where each begins in it. */
export function takeMarks(text: string): { text: string; pages: number[]; at: number[] } {
  const pages: number[] = [];
  const at: number[] = [];
  let clean = '';
  let last = 0;
  for (const m of text.matchAll(/ ?\[\[side (\d{1,4})\]\] ?/gu)) {
    clean += text.slice(last, m.index);
    if (m[0].startsWith(' ') && m[0].endsWith(' ')) clean += ' ';
    pages.push(Number(m[1]));
    at.push(clean.length);
    last = m.index + m[0].length;
  }
  clean += text.slice(last);
  return { text: clean, pages, at };
}

/**
 * The page each line starts on (0 where no mark came before), with mark lines blanked and inline
 * marks left in place (the caller takes them with takeMarks where it keeps the text).
 */
export function linePages(lines: readonly string[]): { lines: string[]; pages: number[] } {
  let page = 0;
  const pages: number[] = [];
  const out = lines.map((l) => {
    const only = MARK_LINE.exec(l);
    if (only) {
      page = Number(only[1]);
      pages.push(page);
      return '';
    }
    pages.push(page);
    for (const m of l.matchAll(MARK)) page = Number(m[1]);
    return l;
  });
  return { lines: out, pages };
}

/** Sorted, distinct pages; none (undefined) when no page is known. */
export function pageList(pages: Iterable<number>): number[] | undefined {
  const list = [...new Set([...pages].filter((p) => p > 0))].sort((a, b) => a - b);
  return list.length ? list : undefined;
}

/** The page a passage of a section stands on: where its first words are in the section's text; null without pages. */
export function pageOfPassage(section: { text: string; pages?: number[]; pageBreaks?: number[] }, passage: string): number | null {
  const pages = section.pages;
  if (!pages?.length) return null;
  const breaks = section.pageBreaks ?? [];
  if (pages.length === 1 || !breaks.length) return pages[0]!;
  let collapsed = '';
  const map: number[] = [];
  for (let i = 0; i < section.text.length; i++) {
    const ch = section.text[i]!;
    if (/\s/.test(ch)) {
      if (collapsed === '' || collapsed.endsWith(' ')) continue;
      collapsed += ' ';
    } else collapsed += ch;
    map.push(i);
  }
  const at = collapsed.indexOf(passage.replace(/\s+/g, ' ').trim().slice(0, 60));
  if (at < 0) return pages[0]!;
  const offset = map[at]!;
  let page = pages[0]!;
  breaks.forEach((b, k) => {
    if (offset >= b) page = pages[k + 1] ?? page;
  });
  return page;
}
