import { fold } from '../search/tokenize.js';
import type { Corpus, Measure } from '../corpus/types.js';

/**
 * Units (enheter): the responsible and accountable units the plans name, how a question or a model's
 * reply names one, and which measures a unit carries.
 */

/** Every unit the corpus names as responsible or accountable, plus the plan owners, as written. */
export function unitsOf(corpus: Corpus): string[] {
  const all = new Set<string>();
  for (const d of corpus.documents) {
    all.add(d.owner);
    for (const m of d.measures) for (const u of [...m.responsible, ...m.accountable]) if (u.trim()) all.add(u.trim());
  }
  return [...all];
}

const GENERIC = new Set(['bydel', 'bydelen', 'oslo', 'kommune', 'avdeling', 'seksjon', 'enhet', 'og', 'i', 'for', 'ved', 'med']);

/** The folded words of a unit that tell it apart («Avdeling lokalsamfunn» → lokalsamfunn). */
function keyWords(unit: string): string[] {
  return (fold(unit).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !GENERIC.has(w) && w.length > 1);
}

/** The corpus unit a question names, the most specific (most key words matched) first; null if none. */
export function unitNamedIn(question: string, corpus: Corpus): string | null {
  const q = new Set(fold(question).match(/[\p{L}\p{N}]+/gu) ?? []);
  let best: { unit: string; score: number } | null = null;
  for (const unit of unitsOf(corpus)) {
    if (/^bydel\b|^oslo kommune/.test(fold(unit))) continue;
    const keys = keyWords(unit);
    if (!keys.length || !keys.every((k) => q.has(k))) continue;
    const score = keys.length * 100 - unit.length;
    if (!best || score > best.score) best = { unit, score };
  }
  return best?.unit ?? null;
}

/** Whether a measure is carried by the unit: named among its responsible/accountable units, or in its text. */
export function measureCarriedBy(m: Measure, unit: string): 'responsible' | 'text' | null {
  const keys = keyWords(unit);
  if (!keys.length) return null;
  const has = (s: string) => {
    const words = new Set(fold(s).match(/[\p{L}\p{N}]+/gu) ?? []);
    return keys.every((k) => words.has(k));
  };
  if ([...m.responsible, ...m.accountable].some(has)) return 'responsible';
  return has(m.text) ? 'text' : null;
}

/** Units as the plans write them that are also everyday words: naming them invents nothing. */
const NOT_DISTINCT = new Set(['alle', 'bydel', 'bydelene', 'skolene', 'psykisk helse', 'samtlige avdelinger', 'de andre fagavdelingene']);

/**
 * Names in a text that have the shape of a unit: «…etaten», «Bydel X», «NAV …», «Avdeling X»,
 * «Seksjon X», «Enhet for X», and the corpus's own units. Used to check a model's reply.
 */
export function unitMentions(text: string, corpus: Corpus): string[] {
  const out = new Set<string>();
  const shapes = [
    /\b\p{Lu}\p{Ll}+etaten\b/gu,
    /\bBydel\s+(?:\p{Lu}[\p{Ll}.]+)(?:\s+\p{Lu}\p{Ll}+)?/gu,
    /\b(?:Avdeling|Seksjon|Enhet|Tjeneste|Senter)\s+(?:for\s+)?\p{L}+/gu,
    /\bByrådsavdeling(?:en)?\s+for\s+[\p{L} ]+?(?=[,.;:)]|$)/gu,
  ];
  for (const re of shapes) for (const m of text.match(re) ?? []) out.add(m.trim());
  const f = ` ${(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  for (const unit of unitsOf(corpus)) {
    const u = (fold(unit).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    if (u.length > 3 && !NOT_DISTINCT.has(u) && f.includes(` ${u} `)) out.add(unit);
  }
  return [...out];
}
