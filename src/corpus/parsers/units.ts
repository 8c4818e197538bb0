/**
 * Units (bydel departments, etater, services) as the plans name them as responsible.
 * Each plan's parser declares its vocabulary: the canonical name and the pattern it is written with.
 * A name is shown as the plan writes it (only case and line breaks are evened out); abbreviations
 * such as KUL or NAV are never expanded here.
 */
export interface UnitPattern {
  /** The name as the plan writes it. */
  name: string;
  /** How it may be written; words separated by any whitespace (line breaks) are matched. */
  pattern: RegExp;
}

/** A unit vocabulary entry from a phrase: spaces match any whitespace, case-insensitive unless `exactCase`. */
export function unit(name: string, phrase: string = name, exactCase = false): UnitPattern {
  const source = phrase
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return { name, pattern: new RegExp(`(?<![\\p{L}\\d])${source}(?![\\p{L}\\d])`, exactCase ? 'gu' : 'giu') };
}

interface Hit {
  name: string;
  start: number;
  end: number;
}

/** Every non-overlapping mention of a unit in `text`; longer mentions win over shorter ones inside them. */
function hitsOf(text: string, vocabulary: readonly UnitPattern[]): Hit[] {
  const all: Hit[] = [];
  for (const { name, pattern } of vocabulary) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(re)) all.push({ name, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const hit of all) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** The units `text` mentions anywhere, in order of first mention, each once. */
export function findUnits(text: string, vocabulary: readonly UnitPattern[]): string[] {
  return unique(hitsOf(text, vocabulary).map((h) => h.name));
}

/** The unit written exactly at `pos` (the longest, if several), with where its mention ends. */
export function unitAt(text: string, pos: number, vocabulary: readonly UnitPattern[]): { name: string; end: number } | null {
  let best: { name: string; end: number } | null = null;
  for (const { name, pattern } of vocabulary) {
    const re = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m && (!best || pos + m[0].length > best.end)) best = { name, end: pos + m[0].length };
  }
  return best;
}

/**
 * Which of these lines hold nothing but unit names (and «,», «/», «og», «.»), and those units in order.
 * A unit may run over a line break («NAV, Helse og» / «mestring og KUL»).
 */
export function unitLines(lines: readonly string[], vocabulary: readonly UnitPattern[]): { lines: number[]; units: string[] } {
  const text = lines.join('\n');
  const hits = hitsOf(text, vocabulary);
  let masked = text;
  for (const h of hits) masked = masked.slice(0, h.start) + masked.slice(h.start, h.end).replace(/[^\n]/g, '\u0001') + masked.slice(h.end);
  const unitOnly: number[] = [];
  masked.split('\n').forEach((line, i) => {
    const rest = line.replace(/\u0001+/g, ' ').replace(/(?<![\p{L}])og(?![\p{L}])|[,/;.:&\s]/gu, '');
    if (line.includes('\u0001') && rest === '') unitOnly.push(i);
  });
  // Offsets of the unit-only lines in `text`, to keep only hits that start on one of them.
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const lineOf = (pos: number) => starts.findLastIndex((s) => s <= pos);
  const units = unique(hits.filter((h) => unitOnly.includes(lineOf(h.start))).map((h) => h.name));
  return { lines: unitOnly, units };
}
