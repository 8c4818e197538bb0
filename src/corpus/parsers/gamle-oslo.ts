import { findReferences } from '../references.js';
import type { Measure, Parser } from '../types.js';
import { joinLines, planLines } from './lines.js';
import { sectionLabel, sectionsWithout } from './outline.js';
import type { Heading } from './sections.js';
import { unit, unitAt, type UnitPattern } from './units.js';

/**
 * Bydel Gamle Oslo 2022–2025 (plan 000). Chapters «1. …» to «3. …» and «Kilder/grunnlagsdokumentasjon»;
 * chapter 3 is a three-column table — tiltak (numbered 1–41) | tilhørende strategisk prioritering |
 * hovedansvarlige (avdelingsnivå). The PDF extraction reads each row as: the start of the tiltak text,
 * then the priority cell(s), then the unit cell(s), then (sometimes) the rest of the tiltak text, or
 * text carried over from the previous page. The parser cuts each row at the first priority and takes
 * priorities and units as long as they follow each other; the rest is the tiltak text.
 */

/** The bydel's four strategic priorities (chapter 1), as the table cells write them. */
const PRIORITIES: readonly UnitPattern[] = [
  { name: 'Arbeid og aktivitet', pattern: /Arbeid\s+og\s+aktivitet/u },
  { name: 'Forebygging og tidlig innsats', pattern: /Forebygging\s+og\s+tidlig(?:ere)?\s+innsats/u },
  { name: 'Helhetlige og tilgjengelige tjenester', pattern: /Helhetlige?\s+og\s+tilgjengelige?\s+tjenester/u },
  { name: 'Gjensidige og robuste partnerskap', pattern: /Gjensidige\s+og\s+robuste\s+partnerskap/u },
];

/** The «Hovedansvarlige (avdelingsnivå)» the table names. */
export const GAMLE_OSLO_UNITS: readonly UnitPattern[] = [
  unit('Avdeling Mestring og Helse'),
  unit('Avdeling Lokalsamfunn'),
  unit('Avdeling Oppvekst'),
  unit('Avdeling for innovasjon og utvikling'),
  unit('Samtlige avdelinger'),
  unit('Bydel Gamle Oslo'),
  unit('De andre fagavdelingene', 'de andre fagavdelingene'),
  unit('NAV', 'NAV', true),
];

const CHAPTER = /^(\d)\.\s+(\S.*)$/;
const SOURCES = /^Kilder\s*\/\s*grunnlagsdokumentasjon$/i;
const TABLE_HEADER_END = /^\(avdelingsnivå\)$/i;
const ROW = /^(\d{1,2})\s+(\S.*)$/;
const SEPARATOR = /\s*(?:[,.]|og\b|i samarbeid med\b)?\s*/uy;

interface Columns {
  text: string;
  priorities: string[];
  units: string[];
}

/** Cuts one table row (joined to a single line) into tiltak text, priority cells and unit cells. */
export function splitRow(row: string): Columns {
  let start = -1;
  for (const { pattern } of PRIORITIES) {
    const m = new RegExp(pattern.source, 'u').exec(row);
    if (m && (start < 0 || m.index < start)) start = m.index;
  }
  if (start < 0) return { text: row, priorities: [], units: [] };
  const priorities: string[] = [];
  const units: string[] = [];
  let pos = start;
  let end = start;
  for (;;) {
    SEPARATOR.lastIndex = pos;
    const at = pos === start ? pos : SEPARATOR.exec(row) ? SEPARATOR.lastIndex : pos;
    const priority = unitAt(row, at, PRIORITIES);
    if (priority) {
      priorities.push(priority.name);
      pos = end = priority.end;
      continue;
    }
    const found = unitAt(row, at, GAMLE_OSLO_UNITS);
    // «NAV og bydel vil …» after the unit cell is the tiltak text going on, not a second unit.
    const prose = found && /^\s+og\s+(\S+)/u.exec(row.slice(found.end));
    if (!found || (prose && !unitAt(row, found.end + prose[0].length - prose[1]!.length, [...GAMLE_OSLO_UNITS, ...PRIORITIES]))) break;
    units.push(found.name);
    pos = end = found.end;
  }
  const text = `${row.slice(0, start).trim()} ${row.slice(end).replace(/^[\s.,]+/, '').trim()}`.trim();
  return { text, priorities: [...new Set(priorities)], units: [...new Set(units)] };
}

export const parseGamleOslo: Parser = (input, entry) => {
  const lines = planLines(input);
  const headings: Heading[] = [];
  let nextChapter = 1;
  lines.forEach((line, i) => {
    const m = CHAPTER.exec(line);
    if (m && Number(m[1]) === nextChapter) {
      headings.push({ line: i, number: m[1]!, title: m[2]!.trim(), rest: '' });
      nextChapter++;
    } else if (SOURCES.test(line)) headings.push({ line: i, number: null, title: line, rest: '' });
  });

  const taken = new Set<number>();
  const measures: Measure[] = [];
  const tableHeading = headings.find((h) => h.number === String(nextChapter - 1)) ?? headings.at(-1);
  const headerEnd = lines.findIndex((l) => TABLE_HEADER_END.test(l));
  if (headerEnd >= 0 && tableHeading) {
    const tableEnd = headings.find((h) => h.line > headerEnd)?.line ?? lines.length;
    // The column header lines («Hva skal vi gjøre?», «Tilhørende strategisk prioritering» …).
    for (let i = headerEnd; i > tableHeading.line && !/^I tabellen/i.test(lines[i]!); i--) taken.add(i);
    const rows: { id: string; lines: string[] }[] = [];
    for (let i = headerEnd + 1; i < tableEnd; i++) {
      const m = ROW.exec(lines[i]!);
      if (m && Number(m[1]) === rows.length + 1) rows.push({ id: m[1]!, lines: [m[2]!] });
      else if (rows.length) rows.at(-1)!.lines.push(lines[i]!);
      else continue;
      taken.add(i);
    }
    for (const row of rows) {
      const { text, priorities, units } = splitRow(joinLines(row.lines));
      measures.push({
        id: row.id,
        documentId: entry.id,
        text,
        ...(priorities.length ? { priority: priorities.join('; ') } : {}),
        section: sectionLabel(tableHeading),
        responsible: units,
        accountable: [],
        references: findReferences(text),
      });
    }
  }
  return { sections: sectionsWithout(lines, headings, taken), measures };
};
