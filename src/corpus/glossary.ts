import type { GlossaryEntry } from './types.js';

/**
 * The glossary of abbreviations staff meet in the plans (TSB, LAR, FACT, SaLTo, KUL, SET …).
 *
 * Found, never invented: an abbreviation is a word of 2–8 letters with at least two capitals making up
 * at least half of it («NAV», «SaLTo», «BoSIN»), seen outside all-caps table headings. Its expansion is
 * given only where a plan states it as «long form (ABBR)» or «ABBR (long form)» and the long form
 * spells the abbreviation (the Schwartz–Hearst rule: each letter found in order, the first at the start
 * of a word), or, for names of three letters or more, a capitalised name directly before «(ABBR)»
 * («Europeisk håndbok om evidensbasert rusforebyggende arbeid (EUPC)»).
 *  - `documentId` + `source`: the plan and sentence that state the expansion; without an expansion,
 *    the first plan and sentence that use the abbreviation (a place to check how it is used);
 *  - `usedIn`: every plan that uses it.
 */

export interface GlossarySource {
  documentId: string;
  /**
   * The plan's text in readable pieces, searched in order: its measures and sections first (their
   * sentences make clean citations), then the whole normalized text (so nothing a parser left out is missed).
   */
  passages: readonly string[];
}

const TOKEN = /(?<![\p{L}\p{N}])\p{L}[\p{L}]{1,7}(?![\p{L}\p{N}])/gu;

export function isAbbreviation(word: string): boolean {
  const upper = (word.match(/\p{Lu}/gu) ?? []).length;
  return upper >= 2 && upper * 2 >= word.length && /^\p{Lu}/u.test(word);
}

/** Lines that are mostly capitals are table headings («MÅL: FOREBYGGING TILTAK …»), not prose. */
function proseOf(text: string): string {
  return text
    .split('\n')
    .filter((l) => {
      const letters = l.replace(/[^\p{L}]/gu, '');
      const upper = l.replace(/[^\p{Lu}]/gu, '');
      return letters.length < 12 || upper.length * 2 < letters.length;
    })
    .join('\n')
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ');
}

/** The sentence of `text` around `index`. */
function sentenceAt(text: string, index: number): string {
  let start = index;
  while (start > 0 && !(/[.!?]/.test(text[start - 1]!) && text[start] === ' ' && /\p{Lu}|«|\d/u.test(text[start + 1] ?? ''))) start--;
  const endMatch = /[.!?](?= \p{Lu}| «| \d|$)/u.exec(text.slice(index));
  const end = endMatch ? index + endMatch.index + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length > 400 ? `${sentence.slice(Math.max(0, index - start - 200), index - start + 200).trim()}…` : sentence;
}

/** Schwartz–Hearst: the shortest end of `long` that spells `short` letter by letter. */
export function longFormFor(short: string, long: string): string | null {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si--;
      continue;
    }
    while ((li >= 0 && l[li] !== c) || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1]!))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const form = long.slice(start).trim();
  return form.length > short.length && !form.includes(short) ? form : null;
}

interface Found {
  expansion: string;
  source: string;
}

/** Where `text` states the expansion of `abbr`, if it does. */
function statedExpansion(abbr: string, text: string): Found | null {
  const escaped = abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const maxWords = Math.min(abbr.length + 5, abbr.length * 2);
  // «long form (ABBR)»
  for (const m of text.matchAll(new RegExp(`\\(${escaped}\\)`, 'gu'))) {
    const before = text.slice(Math.max(0, m.index - 300), m.index).split(/[.!?;:()«»"“”]/).at(-1)!.trim();
    const words = before.split(' ').slice(-maxWords).join(' ');
    const form = longFormFor(abbr, words) ?? capitalisedName(abbr, before);
    if (form) return { expansion: form, source: sentenceAt(text, m.index) };
  }
  // «ABBR (long form)»
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escaped} \\(([^()]{3,120})\\)`, 'gu'))) {
    const inner = m[1]!.trim();
    const form = longFormFor(abbr, inner);
    if (form && form === inner) return { expansion: form, source: sentenceAt(text, m.index) };
  }
  return null;
}

/** «Europeisk håndbok om evidensbasert rusforebyggende arbeid (EUPC)»: a name opening with the first letter. */
function capitalisedName(abbr: string, before: string): string | null {
  if (abbr.length < 3) return null;
  const words = before.split(' ').slice(-8);
  const i = words.findIndex((w) => w.startsWith(abbr[0]!) && /^\p{Lu}\p{Ll}/u.test(w));
  return i === -1 ? null : words.slice(i).join(' ');
}

/** All abbreviations in the plans, alphabetical; expansions only as the plans state them. */
export function buildGlossary(sources: readonly GlossarySource[]): GlossaryEntry[] {
  const prose = sources.flatMap((s) => s.passages.map((p) => ({ documentId: s.documentId, text: proseOf(p) })));
  const uses = new Map<string, { documentId: string; text: string; index: number }[]>();
  for (const { documentId, text } of prose) {
    for (const m of text.matchAll(TOKEN)) {
      // «FNs» is «FN» in the genitive.
      const word = /^\p{Lu}{2,}s$/u.test(m[0]) ? m[0].slice(0, -1) : m[0];
      if (!isAbbreviation(word)) continue;
      const list = uses.get(word) ?? [];
      list.push({ documentId, text, index: m.index });
      uses.set(word, list);
    }
  }
  const entries: GlossaryEntry[] = [];
  for (const [abbreviation, list] of uses) {
    const usedIn = sources.map((s) => s.documentId).filter((id) => list.some((u) => u.documentId === id));
    let found: (Found & { documentId: string }) | null = null;
    for (const { documentId, text } of prose) {
      const f = statedExpansion(abbreviation, text);
      if (f) {
        found = { ...f, documentId };
        break;
      }
    }
    const first = list[0]!;
    entries.push({
      abbreviation,
      expansion: found?.expansion ?? null,
      documentId: found?.documentId ?? first.documentId,
      source: found?.source ?? sentenceAt(first.text, first.index),
      usedIn,
    });
  }
  return entries.sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'nb'));
}
