import { joinHyphen } from '../normalize.js';
import type { Parser, Section } from '../types.js';

/**
 * The «sections» layout (plan 002) and the section helpers other parsers reuse for prose chapters.
 *
 * A heading is
 *  - a numbered line: «3.1.2 Utekontakten», «2. Demografi og situasjonen per i dag» — short, starting
 *    with a capital, no closing full stop, and numbered after the heading before it;
 *  - in a plan without numbers (002): the first line (the plan's title), a lone label with a colon
 *    («Innledning:»), a short label opening a paragraph («Bydelens planstruktur. Denne planens …»)
 *    and a short line that introduces a bullet list («I bydelen jobber vi for at»).
 * A section's text runs to the next heading (sub-sections are sections of their own); its lines are
 * joined into paragraphs, bullets stay one to a line.
 */

export interface Heading {
  /** Index of the heading's line in the lines given. */
  line: number;
  number: string | null;
  title: string;
  /** Text on the heading's own line after the title («Bydelens planstruktur. Denne planens …»). */
  rest: string;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\p{Lu}.{1,90})$/u;
const BULLET = /^[•–-]\s/;

/** Numbered headings of `lines`, each numbered after the one before (so «8. trinn» in prose is not one). */
export function numberedHeadings(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let previous: number[] = [];
  lines.forEach((raw, line) => {
    const m = NUMBERED.exec(raw.trim());
    if (!m) return;
    const title = m[2]!.trim();
    if (/[.,;]$/.test(title) || title.split(/\s+/).length > 12) return;
    const number = m[1]!.split('.').map(Number);
    if (previous.length && compareNumbers(number, previous) <= 0) return;
    if (number[0]! > (previous[0] ?? 0) + 1) return;
    previous = number;
    out.push({ line, number: m[1]!, title, rest: '' });
  });
  return out;
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Headings of a plan without numbers (see the file comment). */
export function labelHeadings(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  const nextText = (i: number): string | undefined => lines.slice(i + 1).find((l) => l.trim() !== '');
  const prevText = (i: number): string | undefined => lines.slice(0, i).reverse().find((l) => l.trim() !== '');
  lines.forEach((raw, line) => {
    const l = raw.trim();
    if (l === '' || BULLET.test(l)) return;
    const words = l.split(/\s+/).length;
    const before = prevText(line);
    const opensParagraph = before === undefined || /[.:!?]$/.test(before) || BULLET.test(before) || raw === lines[0];
    if (out.length === 0 && before === undefined && words <= 12 && !/[.:]$/.test(l)) {
      out.push({ line, number: null, title: l, rest: '' });
      return;
    }
    let m = /^(\p{Lu}[\p{L} ]{2,40}):$/u.exec(l);
    if (m && words <= 3) {
      out.push({ line, number: null, title: m[1]!, rest: '' });
      return;
    }
    m = /^(\p{Lu}\p{L}+(?: \p{L}+){0,2})\. (\p{Lu}.*)$/u.exec(l);
    if (m && opensParagraph) {
      out.push({ line, number: null, title: m[1]!, rest: m[2]! });
      return;
    }
    const next = nextText(line);
    if (words <= 8 && /^\p{Lu}/u.test(l) && !/[.,:;!?]$/.test(l) && opensParagraph && next && BULLET.test(next.trim())) {
      out.push({ line, number: null, title: l, rest: '' });
    }
  });
  return out;
}

/**
 * Joins PDF lines into readable paragraphs: a line break inside a sentence becomes a space, a
 * hyphen at a line end is joined, a blank line after a finished sentence ends the paragraph,
 * bullets keep their own line.
 */
export function paragraphText(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let inBullet = false;
  const flush = (): void => {
    if (current.trim()) paragraphs.push(current.trim());
    current = '';
    inBullet = false;
  };
  for (const raw of lines) {
    const l = raw.trim();
    if (l === '') {
      if (inBullet || /[.!?:»)]$/.test(current.trim())) flush();
      continue;
    }
    if (BULLET.test(l)) {
      current = current.trim() ? `${current.trimEnd()}\n${l}` : l;
      inBullet = true;
      continue;
    }
    current = joinFragments(current, l);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** «Benytte BoSIN-» + «veilederen» → «Benytte BoSIN-veilederen»; otherwise one space between. */
export function joinFragments(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trim();
  if (!l) return r;
  if (!r) return l;
  return joinHyphen(l, r) ?? `${l} ${r}`;
}

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'del'
  );
}

/** Sections from headings: each runs to the next heading; text before the first heading is dropped when empty. */
export function sectionsFrom(lines: readonly string[], headings: readonly Heading[]): Section[] {
  const sections: Section[] = [];
  const used = new Set<string>();
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.line ?? lines.length;
    const text = paragraphText([h.rest, ...lines.slice(h.line + 1, end)]);
    let id = h.number ?? slug(h.title);
    for (let n = 2; used.has(id); n++) id = `${h.number ?? slug(h.title)}-${n}`;
    used.add(id);
    sections.push({ id, number: h.number, title: h.title, text });
  });
  const firstLine = headings[0]?.line ?? lines.length;
  const preamble = paragraphText(lines.slice(0, firstLine));
  if (preamble) sections.unshift({ id: 'start', number: null, title: 'Innledende tekst', text: preamble });
  return sections;
}

/** Splits a plan's text into sections: numbered headings where the plan has them, else labels. */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n');
  const numbered = numberedHeadings(lines);
  return sectionsFrom(lines, numbered.length >= 2 ? numbered : labelHeadings(lines));
}

/** The «sections» layout: prose only, no measures. */
export const parseSections: Parser = (text) => ({ sections: splitSections(text), measures: [] });
