import { linePages, pageList, takeMarks } from '../pages.js';
import { findReferences } from '../references.js';
import type { Measure, Parser, Section } from '../types.js';
import { joinLines, paragraphsOf, planLines } from './lines.js';
import { sectionLabel } from './outline.js';
import { labelHeadings, numberedHeadings, sectionsFrom, type Heading } from './sections.js';

/**
 * The «generic» layout: a document of unknown layout (a new plan, a standard added with
 * `npm run ingest -- add`), read so that it is useful the moment it is added.
 *
 *  - Sections: «# Title» headings (what src/corpus/extract makes of HTML/DOCX headings), else
 *    numbered headings («2.1 Tidlig innsats»), else the label headings of prose plans.
 *  - Measures, from two shapes:
 *     a table («| Tiltak | Ansvar |» rows, header first) with a unit column (Ansvar, Ansvarlig
 *       (enhet), Hovedansvar, Enhet, Hvem): each row a measure, the unit cell its `responsible`;
 *       columns named Nr./Tiltak nr. (the plan's own id), Mål, Beskrivelse, Status, Frist/Tidsramme,
 *       Samarbeid/Samarbeidspartnere (`partners`, never the responsible unit) and
 *       Prioritet/Innsatsområde fill those fields. A row with only its first cell filled (a cell
 *       merged over the whole width) names the innsatsområde of the rows under it (`priority`); a
 *       Mål or Prioritet cell merged down several rows (written in its first row only) holds for
 *       the rows under it until the next innsatsområde;
 *     a paragraph with a line «Ansvar: …», «Ansvarlig: …», «Hovedansvar: …» (or «… Ansvar: X.» at
 *       its end): the paragraph's other text is the measure, or the paragraph before it when the
 *       label stands alone; «Mål:», «Status:», «Beskrivelse:» lines fill those fields.
 *    A measure keeps the plan's own number where its text starts with one («3.2», «Tiltak 4:»),
 *    else gets a stable id of our making: T1, T2, … in document order.
 *  - Everything else stays section text (tables without a unit column as «- Kolonne: celle» lines).
 *  - Pages: «[[side N]]» marks (src/corpus/pages.ts, written by the PDF extractor) give each measure
 *    and section the pages it stands on, and are removed from the text.
 * Units are kept as written, split at «,», «;», «/» and at «og» between two capitalised names
 * («NAV og KUL»; «Helse og mestring» stays one unit). Nothing is expanded.
 */

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/u;
const NUMBER_PREFIX = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\p{L}.*)$/u;
const TABLE_ROW = /^\|(.*)\|$/u;
const UNIT_LABEL = /^(?:hoved)?ansvar(?:lig|lige)?(?:\s+enhet(?:er)?)?\s*:\s*/iu;
const INLINE_UNIT = /(?:^|(?<=[.!?])\s+)((?:Hoved)?[Aa]nsvar(?:lig|lige)?(?:\s+enhet(?:er)?)?)\s*:\s*(.+)$/u;
const FIELD = /^(mål|status|beskrivelse|tiltak|prioritet|innsatsområde|frist|tidsplan)\s*:\s*(.*)$/iu;
const OWN_ID = /^(?:tiltak\s+)?(\d{1,2}(?:\.\d{1,2}){0,3}[A-Z]?)[.):]?\s+(?=\p{L})/iu;
const ID_CELL = /^(?:tiltak\s+)?\d{1,2}(?:\.\d{1,2}){0,3}[A-Z]?\.?$/iu;

type Column = 'unit' | 'id' | 'text' | 'goal' | 'description' | 'status' | 'priority' | 'partners' | 'deadline';

const COLUMN_NAMES: [Column, RegExp][] = [
  // Partners first: «Samarbeidende enheter» and «Medansvar» are not the responsible unit.
  ['partners', /samarbeid|partner|medansvar|involverte/i],
  ['unit', /ansvar|hvem|enhet|utføres av|responsible/i],
  ['id', /^(?:nr\.?|id|#|nummer|tiltak\s*nr\.?|tiltaksnr\.?|tiltaksnummer)$/i],
  ['deadline', /^(?:frist|tidsramme|tidsplan|tidsperspektiv|tidspunkt|når|tid|periode|deadline|gjennomføres)\b/i],
  ['goal', /^(?:mål(?!gruppe)|resultatmål|delmål|goal)/i],
  ['description', /beskrivelse|innhold|description/i],
  ['status', /status/i],
  ['priority', /priorit|innsatsområde|strategi/i],
  ['text', /tiltak|aktivitet|measure|action|hva/i],
];

/** Units as written: split at , ; / and at «og» between two capitalised names; a final full stop dropped. */
export function splitUnits(cell: string): string[] {
  return cell
    .replace(/\.\s*$/, '')
    .split(/\s*[,;/]\s*|\s+(?:og|and|&)\s+(?=\p{Lu})/u)
    .map((u) => u.trim().replace(/^(?:og|and)\s+/i, ''))
    .filter((u) => u !== '' && u !== '-' && u !== '–');
}

function cellsOf(line: string): string[] {
  return TABLE_ROW.exec(line)![1]!.split('|').map((c) => c.trim());
}

/** The heading a line stands under (the last one before it), or null before the first. */
function headingAt(headings: readonly Heading[], line: number): Heading | null {
  let found: Heading | null = null;
  for (const h of headings) if (h.line < line) found = h;
  return found;
}

function headingsOf(lines: readonly string[]): Heading[] {
  const marked = lines.flatMap((l, line): Heading[] => {
    const m = MD_HEADING.exec(l);
    if (!m) return [];
    const n = NUMBER_PREFIX.exec(m[2]!);
    return [{ line, number: n ? n[1]! : null, title: n ? n[2]! : m[2]!, rest: '' }];
  });
  if (marked.length) return marked;
  const numbered = numberedHeadings(lines);
  return numbered.length >= 2 ? numbered : labelHeadings(lines);
}

interface Draft extends Omit<Measure, 'id' | 'documentId' | 'references' | 'accountable'> {
  ownId: string | null;
  line: number;
}

/** Tables: measure rows where there is a unit column, readable «- Kolonne: celle» lines where not. */
function readTables(lines: string[], taken: Set<number>, headings: readonly Heading[], pageOf: readonly number[]): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!TABLE_ROW.test(lines[i]!)) continue;
    let end = i;
    while (end + 1 < lines.length && TABLE_ROW.test(lines[end + 1]!)) end++;
    const header = cellsOf(lines[i]!);
    const roles = new Map<number, Column>();
    for (const [role, re] of COLUMN_NAMES) {
      const col = header.findIndex((h, c) => !roles.has(c) && re.test(h));
      if (col >= 0 && ![...roles.values()].includes(role)) roles.set(col, role);
    }
    const textCol = [...roles].find(([, r]) => r === 'text')?.[0] ?? header.findIndex((_, c) => !roles.has(c));
    const hasUnits = [...roles.values()].includes('unit') && textCol >= 0;
    const hasCol = (role: Column) => [...roles.values()].includes(role);
    let group: string | undefined;
    const carried: Partial<Record<'goal' | 'priority', string>> = {};
    for (let r = i + 1; r <= end; r++) {
      const cells = cellsOf(lines[r]!);
      const cell = (role: Column) => {
        const c = role === 'text' ? textCol : [...roles].find(([, x]) => x === role)?.[0];
        return c === undefined || c < 0 ? '' : (cells[c] ?? '');
      };
      const filled = cells.filter((c) => takeMarks(c).text.trim() !== '');
      if (hasUnits && filled.length === 1 && cells[0]!.trim() !== '' && !ID_CELL.test(cells[0]!.trim()) && cells.length > 2) {
        // A cell over the whole width: the innsatsområde of the rows under it.
        group = takeMarks(cells[0]!).text.trim();
        delete carried.goal;
        delete carried.priority;
        taken.add(r);
        continue;
      }
      if (hasUnits && cell('text')) {
        const marks: number[] = [];
        const field = (role: Column) => {
          const { text, pages } = takeMarks(cell(role));
          marks.push(...pages);
          return text.replace(/\s+/g, ' ').trim();
        };
        // A merged Mål/Prioritet cell is written in its first row: it holds for the rows under it.
        const carry = (role: 'goal' | 'priority') => {
          const own = field(role);
          if (!hasCol(role)) return undefined;
          if (own && /^\p{Ll}/u.test(own) && carried[role]) return (carried[role] = `${carried[role]} ${own}`);
          if (own) return (carried[role] = own);
          return carried[role];
        };
        let text = field('text');
        let ownId = field('id').replace(/^tiltak\s+/i, '').replace(/\.$/, '') || null;
        const own = OWN_ID.exec(text);
        if (own && (!ownId || ownId === own[1])) {
          ownId = own[1]!;
          text = text.slice(own[0].length);
        }
        const partners = splitUnits(field('partners'));
        const deadline = field('deadline');
        drafts.push({
          ownId,
          line: r,
          text,
          description: field('description') || undefined,
          goal: carry('goal'),
          status: field('status') || undefined,
          priority: carry('priority') ?? group,
          section: sectionName(headings, r),
          responsible: splitUnits(field('unit')),
          partners: partners.length ? partners : undefined,
          deadline: deadline || undefined,
          // A row marked at its start begins on that page, not on the page the line before ended on.
          pages: pageList(/^\|[\s|]*\[\[side \d+\]\]/.test(lines[r]!) ? marks : [pageOf[r] ?? 0, ...marks]),
        });
        taken.add(r);
      } else {
        lines[r] = `- ${cells.map((c, k) => (header[k] && c ? `${header[k]}: ${c}` : c)).filter(Boolean).join('; ')}`;
      }
    }
    taken.add(i);
    if (!hasUnits) lines[i] = '';
    i = end;
  }
  return drafts;
}

function sectionName(headings: readonly Heading[], line: number): string | undefined {
  const h = headingAt(headings, line);
  return h ? sectionLabel(h) : undefined;
}

/** Paragraphs that name a responsible unit. */
function readParagraphs(lines: readonly string[], taken: Set<number>, headings: readonly Heading[], pageOf: readonly number[]): Draft[] {
  const drafts: Draft[] = [];
  const headingLines = new Set(headings.map((h) => h.line));
  const visible = lines.map((l, i) => (taken.has(i) || headingLines.has(i) ? '' : l));
  const paragraphs = paragraphsOf(visible);
  paragraphs.forEach((p, k) => {
    const at = p.lines.findIndex((l) => UNIT_LABEL.test(l) || INLINE_UNIT.test(l));
    if (at < 0) return;
    const fields: Partial<Record<'goal' | 'status' | 'description' | 'text' | 'priority', string>> = {};
    const body: string[] = [];
    let units = '';
    p.lines.forEach((line, j) => {
      if (j === at) {
        const inline = UNIT_LABEL.test(line) ? null : INLINE_UNIT.exec(line);
        if (inline) {
          body.push(line.slice(0, inline.index).trim());
          units = inline[2]!;
        } else units = line.replace(UNIT_LABEL, '');
        return;
      }
      const f = FIELD.exec(line);
      if (f) {
        const key = f[1]!.toLowerCase();
        const name = key === 'mål' ? 'goal' : key === 'beskrivelse' ? 'description' : key === 'innsatsområde' || key === 'prioritet' ? 'priority' : key === 'tiltak' ? 'text' : key === 'status' ? 'status' : null;
        if (name) fields[name] = f[2]!;
        else body.push(line);
        return;
      }
      // A unit list running over a line break: «Ansvar: Helse og» / «mestring».
      if (j === at + 1 && /\s(?:og|,)$/.test(units) && !/[.:]$/.test(line) && line.split(/\s+/).length <= 4) {
        units = `${units} ${line}`;
        return;
      }
      body.push(line);
    });
    let text = fields.text ?? joinLines(body.filter(Boolean));
    let start = p.start;
    const marks = takeMarks(text);
    text = marks.text;
    if (!text) {
      // The label stands alone: the measure is the paragraph before it, if it is in the same section.
      const prev = paragraphs[k - 1];
      if (!prev || headingAt(headings, prev.start) !== headingAt(headings, p.start) || prev.lines.some((l) => UNIT_LABEL.test(l))) return;
      text = joinLines(prev.lines);
      start = prev.start;
      prev.lines.forEach((_, j) => taken.add(prev.start + j));
    }
    const own = OWN_ID.exec(text);
    drafts.push({
      ownId: own ? own[1]! : null,
      line: start,
      text: own ? text.slice(own[0].length) : text,
      description: fields.description,
      goal: fields.goal,
      status: fields.status,
      priority: fields.priority,
      section: sectionName(headings, start),
      responsible: splitUnits(firstSentence(takeMarks(units).text)),
      pages: pageList([pageOf[start] ?? 0, ...marks.pages]),
    });
    p.lines.forEach((_, j) => taken.add(p.start + j));
  });
  return drafts;
}

/** «NAV og KUL. Oppstart høsten 2025.» → «NAV og KUL» (a short word before the stop, «St.», is no end). */
function firstSentence(text: string): string {
  const m = /(?<=\p{L}{4,}|\))\.\s+\p{Lu}/u.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** Section texts without their page marks, each with the pages it stands on. */
function withPages(sections: Section[], headings: readonly Heading[], pageOf: readonly number[]): Section[] {
  return sections.map((s) => {
    const heading = headings.find((h) => (h.number ?? null) === s.number && h.title === s.title);
    const first = heading ? (pageOf[heading.line] ?? 0) : (pageOf.find((p) => p > 0) ?? 0);
    const { text, pages, at } = takeMarks(s.text);
    const all = [first, ...pages];
    const list = pageList(all);
    if (!list) return { ...s, text };
    // Where each page after the first begins (marks naming a page already counted add nothing).
    const breaks: number[] = [];
    let current = list[0]!;
    pages.forEach((p, k) => {
      if (p > current) {
        breaks.push(at[k]!);
        current = p;
      }
    });
    return { ...s, text, pages: list, ...(breaks.length ? { pageBreaks: breaks.slice(0, list.length - 1) } : {}) };
  });
}

export const parseGeneric: Parser = (text, entry) => {
  const { lines, pages: pageOf } = linePages(planLines(text));
  const headings = headingsOf(lines);
  const taken = new Set<number>();
  const drafts = [...readTables(lines, taken, headings, pageOf), ...readParagraphs(lines, taken, headings, pageOf)].sort((a, b) => a.line - b.line);

  const used = new Set<string>();
  let generated = 0;
  const measures: Measure[] = drafts.map(({ ownId, line: _line, ...d }) => {
    let id = ownId && !used.has(ownId) ? ownId : `T${++generated}`;
    while (used.has(id)) id = `T${++generated}`;
    used.add(id);
    const clean = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as typeof d;
    return {
      ...clean,
      id,
      documentId: entry.id,
      accountable: [],
      references: findReferences([d.text, d.description, d.goal].filter(Boolean).join('\n')),
    };
  });

  // A page that begins between two paragraphs is marked at the start of the first line on it.
  let page = 0;
  const sectionLines = lines.map((l, i) => {
    if (taken.has(i) || !l) return '';
    const starts = pageOf[i] ?? 0;
    const line = starts !== page && page > 0 ? `[[side ${starts}]] ${l}` : l;
    page = starts;
    for (const m of l.matchAll(/\[\[side (\d+)\]\]/g)) page = Number(m[1]);
    return line;
  });
  const sections = withPages(sectionsFrom(sectionLines, headings), headings, pageOf).filter(
    (s) => s.text.trim() !== '' || measures.some((m) => m.section === sectionLabel(s)),
  );
  return { sections, measures };
};
