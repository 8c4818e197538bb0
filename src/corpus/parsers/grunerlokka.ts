import { findReferences } from '../references.js';
import type { Measure, Parser } from '../types.js';
import { joinLines, paragraphsOf, planLines } from './lines.js';
import { sectionLabel, sectionsWithout } from './outline.js';
import type { Heading } from './sections.js';
import { unit, unitLines, type UnitPattern } from './units.js';

/**
 * Bydel Grünerløkka 2021–2024 (plan 003). Chapters «1 Innledning:», «2 Færre innbyggere … –
 * forebygging og tidlig innsats», «3 Innbyggere med rusproblemer …» with sub-chapters 2.1–3.3,
 * each a table: tiltak (2.1.1–3.3.3) | beskrivelse | mål, the mål cell ending in «Ansvar: …».
 *
 * The PDF extraction gives each row as its cells one after the other, separated by blank lines
 * (the tiltak cell first, with the id), but also: chapter prose cut into the middle of a table
 * (full-width lines), sub-chapter headings after their table, and cells of a neighbouring column
 * inside the «Ansvar» cell. The parser takes full-width lines as chapter prose, the first cell as
 * the tiltak, the second as beskrivelse, the rest as mål; after «Ansvar:» only the lines that hold
 * nothing but unit names are the responsible units, other lines there stay mål text.
 */

export const GRUNERLOKKA_UNITS: readonly UnitPattern[] = [
  unit('KUL', 'KUL', true),
  unit('NAV', 'NAV', true),
  unit('NAV', 'Nav', true),
  unit('Helse og mestring'),
  { name: 'Barnevernet', pattern: /(?<![\p{L}\d])barnevern(?:et)?(?![\p{L}\d])/giu },
  unit('Familiehuset'),
  unit('Oslohjelpa'),
  unit('alle'),
];

const CHAPTER = /^(\d)\s+(\p{Lu}.*)$/u;
const SUBCHAPTER = /^(\d)\.(\d)\s+(\p{Lu}.*)$/u;
const MEASURE = /^(\d)\.(\d)\.(\d{1,2})\s+(.*)$/u;
const TABLE_HEADER = /^Tiltak\s+Beskrivelse\s+Mål$/iu;
const ANSVAR = /^Ansvar(?:lige)?\s*:\s*/iu;
/** Table cells are narrow; a line wider than this is chapter prose the extraction cut into a table. */
const CELL_WIDTH = 45;

/** Chapters and sub-chapters; the second line of a two-line chapter title goes into `taken`. */
function headingsOf(lines: readonly string[], taken: Set<number>): Heading[] {
  const headings: Heading[] = [];
  let chapter = 0;
  let sub = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = CHAPTER.exec(line);
    if (c && Number(c[1]) === chapter + 1) {
      chapter++;
      sub = 0;
      // «2 Færre innbyggere utvikler rusproblemer –» … «forebygging og tidlig innsats»
      let next = i + 1;
      while (next < lines.length && !lines[next]) next++;
      const cont = lines[next] ?? '';
      const wraps = /^\p{Ll}/u.test(cont) && cont.length <= 40 && !lines[next + 1];
      const title = wraps ? `${c[2]!.trim()} ${cont}` : c[2]!.trim();
      if (wraps) taken.add(next);
      headings.push({ line: i, number: c[1]!, title: title.replace(/:$/, ''), rest: '' });
      continue;
    }
    const s = SUBCHAPTER.exec(line);
    if (s && Number(s[1]) === chapter && Number(s[2]) === sub + 1) {
      sub++;
      headings.push({ line: i, number: `${s[1]}.${s[2]}`, title: s[3]!.trim(), rest: '' });
    }
  }
  return headings;
}

interface Row {
  id: string;
  start: number;
  end: number;
}

function rowsOf(lines: readonly string[], headings: readonly Heading[]): Row[] {
  const starts: { id: string; line: number }[] = [];
  let last = [0, 0, 0];
  lines.forEach((line, i) => {
    const m = MEASURE.exec(line);
    if (!m) return;
    const key = [Number(m[1]), Number(m[2]), Number(m[3])];
    const after = key[0]! > last[0]! || (key[0] === last[0] && (key[1]! > last[1]! || (key[1] === last[1] && key[2]! > last[2]!)));
    if (!after) return;
    last = key;
    starts.push({ id: key.join('.'), line: i });
  });
  const stops = headings.map((h) => h.line);
  return starts.map((s, k) => {
    const next = starts[k + 1]?.line ?? lines.length;
    const heading = stops.find((l) => l > s.line && l < next);
    return { id: s.id, start: s.line, end: heading ?? next };
  });
}

export const parseGrunerlokka: Parser = (input, entry) => {
  const lines = planLines(input);
  // Column headers («Tiltak Beskrivelse Mål») are neither tiltak nor chapter text.
  const taken = new Set<number>(lines.flatMap((l, i) => (TABLE_HEADER.test(l) ? [i] : [])));
  const headings = headingsOf(lines, taken);
  const measures: Measure[] = [];

  for (const row of rowsOf(lines, headings)) {
    // Full-width lines, and the rest of their paragraph, are chapter prose: not part of the row.
    const cell: string[] = [];
    let prose = false;
    for (let i = row.start; i < row.end; i++) {
      const line = lines[i]!;
      if (!line) prose = false;
      else if (line.length > CELL_WIDTH) prose = true;
      if (prose) continue;
      taken.add(i);
      cell.push(TABLE_HEADER.test(line) ? '' : line);
    }
    cell[0] = MEASURE.exec(cell[0]!)![4]!;

    // «Ansvar: …»: the unit-only lines from there on are the responsible units.
    const ansvar = cell.findIndex((l) => ANSVAR.test(l));
    let responsible: string[] = [];
    if (ansvar >= 0) {
      cell[ansvar] = cell[ansvar]!.replace(ANSVAR, '');
      const found = unitLines(cell.slice(ansvar), GRUNERLOKKA_UNITS);
      responsible = found.units;
      for (const offset of found.lines) cell[ansvar + offset] = '';
    }

    // Cells are separated by blank lines; a cell starting in lower case goes on from the one before.
    const cells: string[][] = [];
    for (const p of paragraphsOf(cell)) {
      if (cells.length && /^\p{Ll}/u.test(p.lines[0]!)) cells.at(-1)!.push(...p.lines);
      else cells.push(p.lines);
    }
    const [title = '', description = '', ...goal] = cells.map((c) => joinLines(c));
    const all = [title, description, ...goal].join('\n');
    const sub = row.id.split('.').slice(0, 2).join('.');
    const heading = headings.find((h) => h.number === sub);
    measures.push({
      id: row.id,
      documentId: entry.id,
      text: title || row.id,
      ...(description ? { description } : {}),
      ...(goal.length ? { goal: goal.join(' ') } : {}),
      ...(heading ? { section: sectionLabel(heading) } : {}),
      responsible,
      accountable: [],
      references: findReferences(all),
    });
  }

  const sections = sectionsWithout(lines, headings, taken).map((s) => {
    if (s.text || !s.number) return s;
    // A sub-chapter that is only a table: its text lists the tiltak, so it can be found and cited.
    const own = measures.filter((m) => m.id.startsWith(`${s.number}.`));
    return own.length ? { ...s, text: own.map((m) => `${m.id} ${m.text}`).join('\n') } : s;
  });
  return { sections, measures };
};
