import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';

/**
 * HTML → the corpus's plain-text form, which the generic parser reads:
 *   «# Title» / «## Sub-title» for headings, paragraphs separated by a blank line,
 *   «- item» for list items, and a table as one «| cell | cell |» line per row, header row first.
 * Scripts, styles, navigation and footers are dropped; where the page has a <main>, only it is read.
 * DOCX goes through here too (mammoth turns it into HTML with the same headings, lists and tables).
 */

const DROP = 'script, style, noscript, template, svg, nav, footer, iframe, form, button';
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'aside', 'blockquote', 'pre', 'address',
  'figure', 'figcaption', 'dl', 'dt', 'dd', 'ul', 'ol', 'body', 'html', 'caption', 'hr',
]);

const inlineSpace = (s: string) => s.replace(/\s+/g, ' ');

/** The text of an element as one line (for headings and table cells). */
function lineOf(el: HTMLElement): string {
  return inlineSpace(el.text).trim();
}

/**
 * A table's rows as «| … |» lines. A cell merged down (rowspan) is written in each row it covers, so
 * every row keeps its columns; a cell merged across (colspan) is followed by empty cells — a row whose
 * one cell spans the whole table (an innsatsområde's name) has only its first cell filled.
 */
function tableRows(table: HTMLElement): string[] {
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const pending: { text: string; left: number }[] = [];
  return rows
    .map((tr) => {
      const cells: string[] = [];
      const take = () => {
        while (pending[cells.length]?.left) {
          const p = pending[cells.length]!;
          p.left--;
          cells.push(p.text);
        }
      };
      for (const el of tr.childNodes) {
        if (el.nodeType !== NodeType.ELEMENT_NODE || !/^(?:td|th)$/i.test((el as HTMLElement).tagName)) continue;
        const cell = el as HTMLElement;
        take();
        const text = lineOf(cell).replace(/\|/g, '/');
        const rowspan = Math.min(Number(cell.getAttribute('rowspan') ?? 1) || 1, 1000);
        const colspan = Math.min(Number(cell.getAttribute('colspan') ?? 1) || 1, 50);
        for (let k = 0; k < colspan; k++) {
          if (rowspan > 1) pending[cells.length] = { text, left: rowspan - 1 };
          cells.push(k === 0 ? text : '');
        }
      }
      take();
      return cells;
    })
    .filter((cells) => cells.some((c) => c !== ''))
    .map((cells) => `| ${cells.join(' | ')} |`);
}

function render(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(inlineSpace(node.text));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? '';
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const title = lineOf(el);
    if (title) out.push(`\n\n${'#'.repeat(Number(heading[1]))} ${title}\n\n`);
    return;
  }
  if (tag === 'table') {
    out.push(`\n\n${tableRows(el).join('\n')}\n\n`);
    return;
  }
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  if (tag === 'li') {
    out.push('\n- ');
    el.childNodes.forEach((c) => render(c, out));
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.push('\n\n');
  el.childNodes.forEach((c) => render(c, out));
  if (block) out.push('\n\n');
}

export function htmlToText(html: string): string {
  const root = parse(html, { comment: false });
  root.querySelectorAll(DROP).forEach((n) => n.remove());
  const main = root.querySelector('main') ?? root.querySelector('body') ?? root;
  const out: string[] = [];
  render(main, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^- $/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

