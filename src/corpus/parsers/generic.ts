import { findReferences } from '../references.js';
import type { Measure, Parser } from '../types.js';
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
 *     a table («| Tiltak | Ansvar |» rows, header first) with a unit column (Ansvar, Ansvarlig,
 *       Enhet, Hvem): each row a measure, the unit cell its `responsible`; columns named Mål,
 *       Beskrivelse, Status, Prioritet/Innsatsområde and Nr/Id fill those fields;
 *     a paragraph with a line «Ansvar: …», «Ansvarlig: …», «Hovedansvar: …» (or «… Ansvar: X.» at
 *       its end): the paragraph's other text is the measure, or the paragraph before it when the
 *       label stands alone; «Mål:», «Status:», «Beskrivelse:» lines fill those fields.
 *    A measure keeps the plan's own number where its text starts with one («3.2», «Tiltak 4:»),
 *    else gets a stable id of our making: T1, T2, … in document order.
 *  - Everything else stays section text (tables without a unit column as «- Kolonne: celle» lines).
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

type Column = 'unit' | 'id' | 'text' | 'goal' | 'description' | 'status' | 'priority';

const COLUMN_NAMES: [Column, RegExp][] = [
  ['unit', /ansvar|hvem|enhet|utføres av|responsible/i],
  ['id', /^(?:nr\.?|id|#|nummer|tiltak\s*nr\.?)$/i],
  ['goal', /mål|goal/i],
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
function readTables(lines: string[], taken: Set<number>, headings: readonly Heading[]): Draft[] {
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
    for (let r = i + 1; r <= end; r++) {
      const cells = cellsOf(lines[r]!);
      const cell = (role: Column) => {
        const c = role === 'text' ? textCol : [...roles].find(([, x]) => x === role)?.[0];
        return c === undefined || c < 0 ? '' : (cells[c] ?? '');
      };
      if (hasUnits && cell('text')) {
        drafts.push({
          ownId: cell('id') || null,
          line: r,
          text: cell('text'),
          description: cell('description') || undefined,
          goal: cell('goal') || undefined,
          status: cell('status') || undefined,
          priority: cell('priority') || undefined,
          section: sectionName(headings, r),
          responsible: splitUnits(cell('unit')),
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
function readParagraphs(lines: readonly string[], taken: Set<number>, headings: readonly Heading[]): Draft[] {
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
      responsible: splitUnits(firstSentence(units)),
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

export const parseGeneric: Parser = (text, entry) => {
  const lines = planLines(text);
  const headings = headingsOf(lines);
  const taken = new Set<number>();
  const drafts = [...readTables(lines, taken, headings), ...readParagraphs(lines, taken, headings)].sort((a, b) => a.line - b.line);

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

  const sections = sectionsFrom(
    lines.map((l, i) => (taken.has(i) ? '' : l)),
    headings,
  ).filter((s) => s.text.trim() !== '' || measures.some((m) => m.section === sectionLabel(s)));
  return { sections, measures };
};
