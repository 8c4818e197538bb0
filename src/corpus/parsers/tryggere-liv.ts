import { findReferences } from '../references.js';
import type { Measure, Parser } from '../types.js';
import { joinLines, planLines } from './lines.js';
import { sectionLabel, sectionsWithout } from './outline.js';
import type { Heading } from './sections.js';
import { findUnits, unit, type UnitPattern } from './units.js';

/**
 * «Tryggere liv» 2026–2029 (plan 001). Numbered chapters «1 Innledning» … «8 Innsatsområder,
 * resultatmål og tiltak skadeforebygging (S)». Chapters 7 (F) and 8 (S) hold a table:
 * resultatmål | tiltak (1F.–24F., 1S.–19S.) | ansvarlig byrådsavdeling (SET, HLS, UTD, SET/HLS …).
 *
 * The PDF extraction gives, page by page: a resultatmål paragraph (narrow column, before the first
 * tiltak it covers), the tiltak paragraphs with their «- …» sub-points, and at the end of the page
 * the byrådsavdeling codes, one per tiltak started on that page, in order. A tiltak cut by a page
 * break goes on (lower case) after the next page's column header. A resultatmål covers the tiltak
 * after it until the next resultatmål.
 *
 * `accountable` is the code as written; `responsible` the etater/units the tiltak text names as
 * acting (the codes are not expanded: the corpus does not define them).
 */

export const TRYGGERE_LIV_UNITS: readonly UnitPattern[] = [
  unit('Velferdsetaten'),
  unit('Uteseksjonen'),
  unit('KORUS Oslo'),
  unit('Utdanningsetaten'),
  unit('Helseetaten'),
  unit('Barne- og familieetaten'),
  unit('Bymiljøetaten'),
  unit('RUSInfo', 'RUSInfo', true),
  unit('Bydel St Hanshaugen'),
  unit('Bydel Bjerke'),
  // «Bydelene …» as the subject, or «(i) samarbeid(er) med (relevante) bydel(ene)» — not «i tre bydeler».
  {
    name: 'Bydelene',
    pattern: /(?<![\p{L}\d])(?:Bydelene|(?<=(?:samarbeid(?:er)?|sammen)\s+med\s+(?:relevante\s+)?)bydel(?:ene)?)(?![\p{L}\d])/gu,
  },
  unit('Skolene'),
  unit('Seniorsentrene'),
  unit('Oslo Universitetssykehus HF'),
  unit('Oslo politidistrikt'),
  unit('Politiets nettpatrulje'),
];

const CHAPTER = /^(\d{1,2})\s+(\p{Lu}.*)$/u;
const TABLE_HEADER = /^(?:Resultatmål\s+Tiltak\s+Ansvarlig|byrådsavdeling)$/iu;
const CODE = /^(?:SET|HLS|UTD)(?:\s*\/\s*(?:SET|HLS|UTD))*$/u;
const ID = /^(?:(.*?)\s+)?(\d{1,2})\s?([FS])\.\s*(.*)$/u;
/** Resultatmål stand in a narrow column: no line of theirs is wider than this. */
const GOAL_COLUMN_WIDTH = 32;

type Paragraph = { kind: 'id'; id: string; prefix: string; lines: string[] } | { kind: 'text'; lines: string[]; start: number };

interface Draft {
  id: string;
  goal?: string;
  /** The tiltak paragraph first, then its «- …» sub-points. */
  parts: string[][];
}

/** The numbered chapters; the line «(S)» that ends a two-line heading goes into `taken`. */
function headingsOf(lines: readonly string[], taken: Set<number>): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CHAPTER.exec(lines[i]!);
    if (!m || Number(m[1]) !== headings.length + 1) continue;
    // «8 Innsatsområder, resultatmål og tiltak skadeforebygging» + «(S)» on the next line.
    const next = lines[i + 1] ?? '';
    const wraps = /^\([A-ZÆØÅ]\)$/.test(next);
    if (wraps) taken.add(i + 1);
    headings.push({ line: i, number: m[1]!, title: wraps ? `${m[2]!.trim()} ${next}` : m[2]!.trim(), rest: '' });
  }
  return headings;
}

function isGoal(p: Paragraph): boolean {
  return (
    p.kind === 'text' &&
    /^\p{Lu}/u.test(p.lines[0]!) &&
    p.lines.every((l) => l.length <= GOAL_COLUMN_WIDTH)
  );
}

/** The tiltak of one table (chapter 7 or 8), with the lines it used marked in `taken`. */
function parseTable(lines: readonly string[], from: number, to: number, letter: string, taken: Set<number>) {
  const paragraphs: Paragraph[] = [];
  const codes: string[][] = [];
  let open: Paragraph | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (!line) {
      open = undefined;
      continue;
    }
    if (TABLE_HEADER.test(line) || CODE.test(line)) {
      if (CODE.test(line)) codes.push(line.split('/').map((c) => c.trim()));
      taken.add(i);
      open = undefined;
      continue;
    }
    const m = ID.exec(line);
    const expected = paragraphs.filter((p) => p.kind === 'id').length + 1;
    if (m && m[3] === letter && Number(m[2]) === expected) {
      open = { kind: 'id', id: `${m[2]}${letter}`, prefix: (m[1] ?? '').trim(), lines: m[4] ? [m[4]] : [] };
      paragraphs.push(open);
    } else if (open) open.lines.push(line);
    else paragraphs.push((open = { kind: 'text', lines: [line], start: i }));
    taken.add(i);
  }

  const drafts: Draft[] = [];
  let goal: string | undefined;
  let pendingGoal: string[] | undefined;
  paragraphs.forEach((p, index) => {
    if (p.kind === 'id') {
      const goalLines = [...(pendingGoal ?? []), ...(p.prefix ? [p.prefix] : [])];
      if (goalLines.length) goal = joinLines(goalLines);
      pendingGoal = undefined;
      drafts.push({ id: p.id, ...(goal ? { goal } : {}), parts: [p.lines] });
      return;
    }
    const current = drafts.at(-1);
    if (paragraphs[index + 1]?.kind === 'id' && isGoal(p)) pendingGoal = p.lines;
    // Lower case after a page break: the tiltak or sub-point goes on.
    else if (current && /^\p{Ll}/u.test(p.lines[0]!)) current.parts.at(-1)!.push(...p.lines);
    else if (current) current.parts.push(p.lines);
    else for (let l = p.start; l < p.start + p.lines.length; l++) taken.delete(l); // prose before the table
  });
  return drafts.map((d, i) => ({ ...d, accountable: codes[i] ?? [] }));
}

export const parseTryggereLiv: Parser = (input, entry) => {
  const lines = planLines(input);
  const taken = new Set<number>();
  const headings = headingsOf(lines, taken);
  const measures: Measure[] = [];
  headings.forEach((h, i) => {
    const letter = /\(([FS])\)$/.exec(h.title)?.[1];
    if (!letter) return;
    const end = headings[i + 1]?.line ?? lines.length;
    const tableStart = lines.findIndex((l, n) => n > h.line && n < end && TABLE_HEADER.test(l));
    if (tableStart < 0) return;
    for (const d of parseTable(lines, tableStart, end, letter, taken)) {
      const [main = [], ...points] = d.parts;
      const text = joinLines(main);
      const description = points.map((p) => joinLines(p).replace(/^[-–]\s*/, '– ')).join('\n');
      const all = `${text}\n${description}`;
      measures.push({
        id: d.id,
        documentId: entry.id,
        text,
        ...(description ? { description } : {}),
        ...(d.goal ? { goal: d.goal } : {}),
        section: sectionLabel(h),
        responsible: findUnits(all, TRYGGERE_LIV_UNITS),
        accountable: d.accountable,
        references: findReferences(all),
      });
    }
  });
  return { sections: sectionsWithout(lines, headings, taken), measures };
};
