import { joinLines } from '../parsers/lines.js';
import { pageMark } from '../pages.js';

/**
 * A PDF's text rebuilt from the positions pdf.js gives each text item — what Word's and
 * LibreOffice's PDFs need, since their table cells come out of plain text extraction as interleaved
 * lines. The result is the corpus's text form (what the generic parser reads):
 *   «[[side N]]» on its own line where page N begins (src/corpus/pages.ts), inline where a table
 *   row or cell continues on page N;
 *   «# …» headings (lines set larger than the body text; the largest size is «#»);
 *   paragraphs as lines, a blank line between paragraphs; a two-column page read column by column;
 *   a table as one «| cell | … |» line per row, header row first, found by its header row (a line
 *   with two or more known column names: Nr., Tiltak, Ansvar, Mål, Frist, Samarbeid …).
 * Tables: cells are the runs of consecutive items (in content-stream order, as Word and LibreOffice
 * write a table: row by row, cell by cell) that stay in one column; a run that goes back to an
 * earlier column starts a new row. Cells that wrap are joined; the header row repeated at the top
 * of a page is skipped; a row that continues on the next page stays one row; a cell merged over
 * the whole width (an innsatsområde's name) becomes a row with only its first cell; a cell merged
 * down several rows is written in its first row. Page numbers and running headers/footers go.
 */

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  items: PdfItem[];
  /** page height in points (for telling running headers and footers) */
  height: number;
}

interface Item {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** position in the page's content stream */
  order: number;
}

interface Frag {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  items: Item[];
}

interface Line {
  y: number;
  size: number;
  frags: Frag[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Items on one baseline (within `tolerance`) as lines, top to bottom; items in a line left to right, joined into fragments. */
function linesOf(items: readonly Item[], tolerance: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: { y: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - it.y) <= tolerance) last.items.push(it);
    else lines.push({ y: it.y, items: [it] });
  }
  return lines.map((l) => {
    const items = l.items.sort((a, b) => a.x0 - b.x0);
    const frags: Frag[] = [];
    for (const it of items) {
      const f = frags.at(-1);
      const gap = f ? it.x0 - f.x1 : Infinity;
      if (f && gap <= Math.max(f.size, it.size) * 0.6) {
        f.text += gap > it.size * 0.12 && !/\s$/.test(f.text) ? ` ${it.text}` : it.text;
        f.x1 = Math.max(f.x1, it.x1);
        f.items.push(it);
      } else frags.push({ text: it.text, x0: it.x0, x1: it.x1, y: it.y, size: it.size, items: [it] });
    }
    for (const f of frags) f.text = f.text.replace(/\s+/g, ' ').trim();
    const size = Math.max(...items.map((i) => i.size));
    return { y: l.y, size, frags };
  });
}

const lineText = (l: Line) => l.frags.map((f) => f.text).join(' ');

// ── furniture: page numbers, running headers and footers ───────────────────────────────────────

const PAGE_NUMBER = /^(?:(?:side|s\.|page)\s*)?\d{1,3}(?:\s*(?:av|\/|of)\s*\d{1,3})?$/iu;

function furniture(pages: { lines: Line[]; height: number }[]): Set<Line> {
  const drop = new Set<Line>();
  const key = (l: Line) => lineText(l).replace(/\d+/g, '#').toLowerCase();
  const count = new Map<string, number>();
  const edge = (l: Line, h: number) => l.y < h * 0.1 || l.y > h * 0.9;
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (edge(l, p.height)) seen.add(key(l));
    for (const k of seen) count.set(k, (count.get(k) ?? 0) + 1);
  }
  for (const p of pages) {
    for (const l of p.lines) {
      if (!edge(l, p.height)) continue;
      const text = lineText(l);
      const repeated = pages.length >= 3 && (count.get(key(l)) ?? 0) >= Math.max(3, pages.length / 2);
      if (PAGE_NUMBER.test(text) || repeated) drop.add(l);
    }
  }
  return drop;
}

// ── tables ─────────────────────────────────────────────────────────────────────────────────────

/** Column names a measure table's header uses (the generic parser gives them their roles). */
const HEADER_NAME =
  /^(?:nr\.?|tiltak\s*nr\.?|tiltaksnr\.?|id|#|nummer|tiltak(?:et)?|aktivitet(?:er)?|hva|beskrivelse(?: av tiltak(?:et)?)?|(?:hoved)?ansvar(?:lig|lige)?(?: enhet(?:er)?| \(enhet\))?|enhet(?:er)?|hvem|utføres av|mål(?:settinger?)?|resultatmål|status|frist|tidsramme|tidsplan|når|tid|samarbeid(?:spartnere?|spartner)?|samarbeider med|partnere?|medansvar|prioritet|innsatsområde)$/iu;

interface Column {
  name: string;
  x0: number;
  x1: number;
}

function headerOf(line: Line): Column[] | null {
  if (line.frags.length < 2) return null;
  const known = line.frags.filter((f) => HEADER_NAME.test(f.text.replace(/[:*]+$/, '').trim()));
  if (known.length < 2 || known.length < line.frags.length * 0.6) return null;
  return line.frags.map((f) => ({ name: f.text, x0: f.x0, x1: f.x1 }));
}

/** A header wrapped over two lines («Ansvarlig» / «enhet»): short fragments right under the header's columns. */
function extendHeader(cols: Column[], next: Line | undefined, header: Line): boolean {
  if (!next || header.y - next.y > header.size * 1.35 || next.frags.length > Math.max(1, cols.length / 2)) return false;
  const parts = next.frags.map((f) => ({ f, c: cols.findIndex((c) => f.x0 < c.x1 + 2 && f.x1 > c.x0 - 2) }));
  if (parts.some(({ f, c }) => c < 0 || f.text.split(/\s+/).length > 2 || /^\d/.test(f.text))) return false;
  if (!parts.some(({ f, c }) => HEADER_NAME.test(`${cols[c]!.name} ${f.text}`))) return false;
  for (const { f, c } of parts) cols[c]!.name = `${cols[c]!.name} ${f.text}`;
  return true;
}

/** The column an item starting at x0 stands in: how many header texts end before it. */
function columnAt(cols: readonly Column[], x0: number): number {
  let c = 0;
  while (c + 1 < cols.length && cols[c]!.x1 < x0 + 0.5) c++;
  return c;
}

const ID_CELL = /^(?:tiltak\s+)?(?:\d{1,2}(?:\.\d{1,2}){0,3}[A-Z]?|[A-Z]\d{1,3})\.?$/iu;

interface CellLine {
  text: string;
  page: number;
}

interface Row {
  cells: CellLine[][];
  page: number;
  /** a cell merged over the whole width */
  group?: boolean;
}

interface Table {
  cols: Column[];
  rows: Row[];
  idCol: number;
  textCol: number;
  size: number;
  left: number;
  /** the content-stream column of the last run, and whether a row is open */
  lastCol: number;
}

function cellText(lines: readonly CellLine[], rowPage: number): string {
  let page = rowPage;
  const parts = lines.map((l) => {
    const mark = l.page !== page ? `${pageMark(l.page)} ` : '';
    page = l.page;
    return `${mark}${l.text}`;
  });
  // A word broken without a hyphen in a narrow column («Kommunikasjonsenhete» / «n»).
  const joined: string[] = [];
  for (const p of parts) {
    if (joined.length && /^\p{Ll}{1,2}[.,]?$/u.test(p) && /\p{L}{6,}$/u.test(joined.at(-1)!)) joined[joined.length - 1] += p;
    else joined.push(p);
  }
  return joinLines(joined).replace(/\|/g, '/');
}

function tableText(t: Table): string {
  const out = [`| ${t.cols.map((c) => c.name.replace(/\|/g, '/')).join(' | ')} |`];
  let page = t.rows[0]?.page ?? 0;
  for (const r of t.rows) {
    const cells = t.cols.map((_, c) => cellText(r.cells[c] ?? [], r.page));
    if (cells.every((c) => !c.replace(/\[\[side \d+\]\]/g, '').trim())) continue;
    // A row that begins on a later page than the row before: marked at its start.
    if (r.page !== page) {
      const first = cells.findIndex((c) => c.trim() !== '');
      cells[first] = `${pageMark(r.page)} ${cells[first]}`;
    }
    page = Math.max(page, ...[r.page, ...(r.cells.flat().map((l) => l.page))]);
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

/**
 * The table's items on this page (stream order) into rows. `continued`: the table came over from
 * the page before, so its first run may finish the last row.
 */
function readTableItems(t: Table, items: readonly Item[], page: number, continued: boolean): void {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  let run: { col: number; y: number; size: number } | null = null;
  let first = continued;
  const current = () => t.rows.at(-1);
  for (const it of sorted) {
    const col = columnAt(t.cols, it.x0);
    const spans = it.x1 > (t.cols[col + 1]?.x0 ?? Infinity) + 2;
    const sameRun = run && run.col === col && (Math.abs(it.y - run.y) <= it.size * 0.3 || (run.y - it.y > 0 && run.y - it.y <= it.size * 1.7));
    if (!sameRun) {
      let newRow = !current() || current()!.group || (run !== null && col <= run.col) || (run === null && !first && col <= t.lastCol);
      if (first) {
        // Top of a page inside a table: a new row only where the row's own id (or, without an id
        // column, a capital letter in the text column) says so.
        const id = t.idCol >= 0 && col === t.idCol && ID_CELL.test(it.text.trim());
        const capital = t.idCol < 0 && col === t.textCol && /^\p{Lu}/u.test(it.text.trim());
        newRow = !current() || current()!.group || id || capital;
        first = false;
      }
      if (spans && (col === 0 || col === t.idCol)) {
        t.rows.push({ cells: [[{ text: it.text.trim(), page }]], page, group: true });
        run = { col: Infinity, y: it.y, size: it.size };
        t.lastCol = Infinity;
        continue;
      }
      if (newRow) t.rows.push({ cells: [], page });
      run = { col, y: it.y, size: it.size };
    }
    const row = current()!;
    const cell = (row.cells[col] ??= []);
    const last = cell.at(-1);
    if (last && sameRun && Math.abs(it.y - run!.y) <= it.size * 0.3) last.text = `${last.text}${/\s$/.test(last.text) ? '' : ' '}${it.text.trim()}`;
    else cell.push({ text: it.text.trim(), page });
    run!.y = it.y;
    t.lastCol = col;
  }
}

// ── prose ──────────────────────────────────────────────────────────────────────────────────────

/** A page's prose lines in reading order: a two-column page column by column. */
function readingOrder(lines: Line[]): Line[] {
  const frags = lines.flatMap((l) => l.frags);
  if (frags.length < 6) return lines;
  const minX = Math.min(...frags.map((f) => f.x0));
  const maxX = Math.max(...frags.map((f) => f.x1));
  let best: { g: number; score: number } | null = null;
  for (let g = minX + (maxX - minX) * 0.3; g <= minX + (maxX - minX) * 0.7; g += 2) {
    const crossing = frags.filter((f) => f.x0 < g - 1 && f.x1 > g + 1).length;
    const left = lines.filter((l) => l.frags.some((f) => f.x1 <= g)).length;
    const right = lines.filter((l) => l.frags.some((f) => f.x0 >= g)).length;
    const both = lines.filter((l) => l.frags.some((f) => f.x1 <= g) && l.frags.some((f) => f.x0 >= g)).length;
    if (crossing > frags.length * 0.08 || left < 3 || right < 3 || both < 3) continue;
    const score = Math.min(left, right) - crossing * 3;
    if (!best || score > best.score) best = { g, score };
  }
  if (!best) return lines;
  const g = best.g;
  const wide = (f: Frag) => f.x0 < g - 1 && f.x1 > g + 1;
  const split = (side: 'left' | 'right') =>
    lines
      .map((l) => ({ ...l, frags: l.frags.filter((f) => !wide(f) && (side === 'left' ? f.x1 <= g + 1 : f.x0 >= g - 1)) }))
      .filter((l) => l.frags.length);
  const full = lines.map((l) => ({ ...l, frags: l.frags.filter(wide) })).filter((l) => l.frags.length);
  const columnsTop = Math.max(...lines.filter((l) => l.frags.some((f) => !wide(f))).map((l) => l.y));
  return [...full.filter((l) => l.y > columnsTop), ...split('left'), ...split('right'), ...full.filter((l) => l.y <= columnsTop)];
}

/** Prose lines → text: headings by size, a blank line where the gap is wider than a line and a half. */
function proseText(lines: readonly Line[], body: number, headingSizes: readonly number[]): string[] {
  const out: string[] = [];
  let prev: Line | undefined;
  let heading: { level: number; text: string } | null = null;
  const flush = () => {
    if (heading) out.push('', `${'#'.repeat(heading.level)} ${heading.text}`, '');
    heading = null;
  };
  for (const l of lines) {
    const text = lineText(l).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const level = l.size > body * 1.12 ? headingSizes.findIndex((s) => Math.abs(s - l.size) < 0.6) + 1 : 0;
    if (level > 0 && text.length < 200) {
      // A heading wrapped over two lines of the same size is one heading.
      if (heading && heading.level === level && prev && prev.y - l.y < l.size * 1.6) heading.text = /[–-]$/.test(heading.text) && /^\d/.test(text) ? `${heading.text}${text}` : joinLines([heading.text, text]);
      else {
        flush();
        heading = { level, text };
      }
      prev = l;
      continue;
    }
    flush();
    const gap = prev ? prev.y - l.y : 0;
    if (prev && (gap > Math.max(prev.size, l.size) * 1.6 || gap < -l.size)) out.push('');
    out.push(text);
    prev = l;
  }
  flush();
  return out;
}

// ── the document ───────────────────────────────────────────────────────────────────────────────

export function layoutText(pdfPages: readonly PdfPage[]): string {
  const pages = pdfPages.map((p) => {
    const items: Item[] = [];
    p.items.forEach((it, order) => {
      if (!it.str.trim()) return;
      items.push({ text: it.str, x0: round(it.x), x1: round(it.x + it.width), y: round(it.y), size: it.fontSize || 10, order });
    });
    return { items, height: p.height, lines: linesOf(items, 0.35) };
  });
  const drop = furniture(pages);
  for (const p of pages) p.lines = p.lines.filter((l) => !drop.has(l));

  // Body size: the size most text is set in; larger sizes are headings, largest first.
  const chars = new Map<number, number>();
  for (const p of pages) for (const l of p.lines) for (const f of l.frags) chars.set(Math.round(f.size * 2) / 2, (chars.get(Math.round(f.size * 2) / 2) ?? 0) + f.text.length);
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const headingSizes = [...chars.keys()].filter((s) => s > body * 1.12).sort((a, b) => b - a).slice(0, 6);

  const out: string[] = [];
  let table: Table | null = null;
  let marked = 0;
  let page = 0;
  const mark = () => {
    if (page !== marked) out.push('', pageMark(page), '');
    marked = page;
  };
  const endTable = () => {
    if (table) out.push('', tableText(table), '');
    table = null;
    mark();
  };
  pages.forEach((p, index) => {
    page = index + 1;
    const lines = p.lines;
    let prose: Line[] = [];
    const flushProse = () => {
      if (prose.length) out.push(...proseText(readingOrder(prose), body, headingSizes));
      prose = [];
    };
    if (!table) mark();
    let i = 0;
    let continued = Boolean(table);
    while (i < lines.length) {
      if (!table) {
        const cols = headerOf(lines[i]!);
        if (!cols) {
          prose.push(lines[i]!);
          i++;
          continue;
        }
        flushProse();
        const header = lines[i]!;
        i++;
        while (extendHeader(cols, lines[i], header)) i++;
        const role = (re: RegExp) => cols.findIndex((c) => re.test(c.name));
        table = {
          cols,
          rows: [],
          idCol: role(/^(?:nr\.?|tiltak\s*nr\.?|tiltaksnr\.?|id|#|nummer)$/i),
          textCol: Math.max(0, role(/^(?:tiltak(?:et)?|aktivitet|hva|beskrivelse)/i)),
          size: header.size,
          left: Math.min(...cols.map((c) => c.x0)),
          lastCol: -1,
        };
        continued = false;
      }
      const t: Table = table;
      // Skip the header row repeated at the top of a page.
      if (continued && lines[i] && headerOf(lines[i]!)?.map((c) => c.name.toLowerCase()).join('|') === t.cols.map((c) => c.name.toLowerCase().split(' ')[0]).join('|')) {
        const header = lines[i]!;
        i++;
        while (lines[i] && header.y - lines[i]!.y < header.size * 1.35 && lines[i]!.frags.every((f) => f.text.split(/\s+/).length <= 2 && !/^\d/.test(f.text)) && lines[i]!.frags.length <= t.cols.length / 2) i++;
      } else if (continued && lines[i] && headerOf(lines[i]!)) {
        // The same table's header, written with its wrapped parts on one line: still a repeat.
        const names = headerOf(lines[i]!)!.map((c) => c.name.toLowerCase());
        if (names.length === t.cols.length && names.every((n, k) => t.cols[k]!.name.toLowerCase().startsWith(n))) i++;
      }
      // The table's lines on this page: until a line in another size, left of the table, or after a wide gap.
      const start = i;
      let prev: Line | undefined;
      while (i < lines.length) {
        const l = lines[i]!;
        const x0 = Math.min(...l.frags.map((f) => f.x0));
        const other = Math.abs(l.size - t.size) > t.size * 0.15 || x0 < t.left - 3 || (prev !== undefined && prev.y - l.y > t.size * 3.2);
        if (other || (headerOf(l) && i !== start)) break;
        prev = l;
        i++;
      }
      if (i === start && continued) {
        // The page goes on with something else: the table ended on the page before.
        endTable();
        continued = false;
        continue;
      }
      readTableItems(t, lines.slice(start, i).flatMap((l) => l.frags.flatMap((f) => f.items)), page, continued);
      continued = false;
      if (i < lines.length) endTable();
    }
    flushProse();
    // A table that runs to the end of the page may go on at the top of the next one (its page is
    // then marked inside the rows that continue there, and after the table).
    const next = pages[index + 1];
    if (table && next) {
      const t: Table = table;
      const top = next.lines[0];
      const goesOn = top && (headerOf(top) !== null || top.frags.some((f) => t.cols.some((c) => Math.abs(c.x0 - f.x0) < 3)));
      if (!goesOn) endTable();
    }
  });
  endTable();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
