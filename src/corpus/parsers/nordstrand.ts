import { findReferences } from '../references.js';
import type { Measure, Parser } from '../types.js';
import { sectionLabel } from './outline.js';
import { joinFragments, numberedHeadings, sectionsFrom } from './sections.js';

/**
 * The «nordstrand» layout (plan 004, OCR repaired by normalize()).
 *
 * Sections: the numbered chapters, chapter 3's service descriptions among them; chapter 5 keeps its
 * introduction, its table becomes measures.
 *
 * Measures: every row of the MÅL / TILTAK / ANSVARLIG / STATUS table, in table order, with ids of
 * the project's making: N1, N2, … (the plan numbers none). The ids are stable as long as the plan
 * text is unchanged; a new edition of the plan gets a new document id.
 *
 * The PDF interleaves the four columns line by line. A row starts with a line that opens with one of
 * the MÅL cells below; on each line of the row, the MÅL cell's next piece is cut from the front, the
 * status («Påbegynt») from the end, and the ANSVARLIG column is the longest end of the line that
 * continues the row's ANSVARLIG text as a sequence of known units (UNITS). The rest is TILTAK.
 *  - `text`        TILTAK
 *  - `priority`    the row's MÅL cell («Oppfølging – Økt livskvalitet for personer med rusproblemer»)
 *  - `goal`        the table's MÅL heading («Økt livskvalitet»)
 *  - `responsible` the units that carry it out, as written («NAV ved Helse, mestring og bolig»)
 *  - `accountable` the department a unit is written under («Oppvekst og velferd: NAV …»)
 *  - `status`      «Påbegynt» where the plan says so
 */

/** The MÅL cells: the words a row starts with, the lines that follow it, and how to join them. */
const GOAL_CELLS: readonly { start: RegExp; rest: readonly string[]; join: string }[] = [
  { start: /^Forebygging for å forhindre at\b/u, rest: ['rusproblemer oppstår'], join: ' ' },
  { start: /^Tidligere innsats når\b/u, rest: ['rusproblemer oppstår'], join: ' ' },
  {
    start: /^(?:Meningsfull aktivitet|Oppfølging|Bolig|Pårørendearbeid|Frivillighet|Tverrfaglig samarbeid)(?=\s|$)/u,
    rest: ['Økt livskvalitet for personer', 'med rusproblemer'],
    join: ' – ',
  },
];

const TABLE_HEADING = /^MÅL: (.+?) TILTAK ANSVARLIG STATUS$/u;
const STATUS = /\s*\b(Påbegynt)$/u;

/** The units of the ANSVARLIG column, as the plan writes them (longest first). */
const UNITS = [
  'NAV ved Helse, mestring og bolig',
  'Tilrettelagte tjenester og psykisk helse',
  'Oppvekst og velferd',
  'Mestring og omsorg',
  'Mestring og Omsorg',
  'Helse og samfunn',
  'Forebyggende tjenester',
  'Bydelens stab',
  'Bydelssamarbeid',
  'Bydel',
  'Søndre Oslo DPS',
  'Ruskonsulent Ung',
  'Utekontakten',
  'Psykisk helse',
  'SaLTo',
  'NAV',
];
const UNIT = `(?:${UNITS.map(escape).join('|')})(?![\\p{L}])`;
const SEP = '(?:: |, |\\. | og | i samarbeid med )';
// What a row's ANSVARLIG text may look like while it is still being read: units joined by
// separators, ending in a unit (with : , or .), a unit cut after «og» at a line end, or a unit
// followed by the start of «og …» / «i samarbeid med …».
const PARTIAL_UNITS = UNITS.flatMap((u) => {
  const out: string[] = [];
  for (let i = u.indexOf(' og '); i !== -1; i = u.indexOf(' og ', i + 1)) out.push(u.slice(0, i + 3));
  return out;
});
const PARTIAL = `(?:${PARTIAL_UNITS.map(escape).join('|')})`;
const VIABLE = new RegExp(`^(?:${UNIT}${SEP})*(?:${UNIT}[:,.]?|${PARTIAL}|${UNIT} (?:og|i samarbeid))$`, 'u');
const SEPARATOR_WORDS = /^(?:og|i|samarbeid|med|[:,.])$/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Row {
  goalPieces: string[];
  cell: (typeof GOAL_CELLS)[number];
  goal: string;
  tiltak: string;
  ansvarlig: string;
  status?: string;
}

/** Splits one line of a row into TILTAK and the ANSVARLIG end that continues `ansvarlig`. */
function splitLine(line: string, ansvarlig: string): { tiltak: string; ansvarlig: string } {
  const words = line.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const suffix = words.slice(i);
    if (suffix.every((w) => SEPARATOR_WORDS.test(w))) break;
    const candidate = (ansvarlig ? `${ansvarlig} ${suffix.join(' ')}` : suffix.join(' ')).trim();
    if (VIABLE.test(candidate)) return { tiltak: words.slice(0, i).join(' '), ansvarlig: candidate };
  }
  return { tiltak: line, ansvarlig };
}

/** «Oppvekst og velferd: NAV, SaLTo» → responsible [NAV, SaLTo], accountable [Oppvekst og velferd]. */
export function splitUnits(ansvarlig: string): { responsible: string[]; accountable: string[] } {
  const responsible: string[] = [];
  const accountable: string[] = [];
  const re = new RegExp(`(${UNIT})(:?)`, 'gu');
  for (const m of ansvarlig.matchAll(re)) {
    const unit = m[1] === 'Mestring og Omsorg' ? 'Mestring og omsorg' : m[1]!;
    const list = m[2] === ':' ? accountable : responsible;
    if (!list.includes(unit)) list.push(unit);
  }
  return { responsible, accountable };
}

function readTable(lines: readonly string[]): Row[] {
  const rows: Row[] = [];
  let goal = '';
  let row: Row | undefined;
  for (const raw of lines) {
    let line = raw.replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const heading = TABLE_HEADING.exec(line);
    if (heading) {
      const g = heading[1]!.toLowerCase();
      goal = g.charAt(0).toUpperCase() + g.slice(1);
      row = undefined;
      continue;
    }
    const cell = GOAL_CELLS.find((c) => c.start.test(line));
    if (cell) {
      const start = cell.start.exec(line)![0];
      row = { goalPieces: [start], cell, goal, tiltak: '', ansvarlig: '' };
      rows.push(row);
      line = line.slice(start.length).trim();
    } else if (!row) {
      continue;
    } else {
      const next = row.cell.rest[row.goalPieces.length - 1];
      if (next && (line === next || line.startsWith(`${next} `))) {
        row.goalPieces.push(next);
        line = line.slice(next.length).trim();
      }
    }
    const status = STATUS.exec(line);
    if (status) {
      row.status = status[1];
      line = line.slice(0, status.index).trim();
    }
    if (line === '') continue;
    const split = splitLine(line, row.ansvarlig);
    row.ansvarlig = split.ansvarlig;
    if (split.tiltak) row.tiltak = joinFragments(row.tiltak, split.tiltak);
  }
  return rows;
}

export const parseNordstrand: Parser = (text, entry) => {
  const lines = text.split('\n');
  const tableStart = lines.findIndex((l) => TABLE_HEADING.test(l.trim()));
  const prose = tableStart === -1 ? lines : lines.slice(0, tableStart);
  const headings = numberedHeadings(prose);
  const sections = sectionsFrom(prose, headings);
  if (tableStart === -1) return { sections, measures: [] };

  const tableSection = headings.at(-1);
  const sectionTitle = tableSection ? sectionLabel(tableSection) : undefined;
  const measures: Measure[] = readTable(lines.slice(tableStart)).map((row, i) => {
    const { responsible, accountable } = splitUnits(row.ansvarlig);
    const tiltak = row.tiltak.replace(/\s+([.,])/g, '$1');
    return {
      id: `N${i + 1}`,
      documentId: entry.id,
      text: tiltak,
      priority: [row.goalPieces[0], row.goalPieces.slice(1).join(' ')].filter(Boolean).join(row.cell.join),
      goal: row.goal || undefined,
      status: row.status,
      section: sectionTitle,
      responsible,
      accountable,
      references: findReferences(tiltak),
    };
  });
  return { sections, measures };
};
