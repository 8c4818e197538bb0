import type { Answer, Citation } from '../src/answer/types.js';
import type { Corpus } from '../src/corpus/types.js';
import { fold as foldWord } from '../src/search/tokenize.js';
import type { Target } from './schema.js';

/**
 * What counts as a hit, in one place: a search result or a citation matches an expected target when
 * it is the same document and the same measure (or, for a section target, the same section).
 */

/** The search's folding (lower case, æ/ø/å and diacritics), whitespace collapsed: how unit names are compared. */
export function fold(text: string): string {
  return foldWord(text).replace(/\s+/g, ' ').trim();
}

/** «11 S» and «11s» are the measure «11S». */
function sameMeasureId(a: string | null | undefined, b: string): boolean {
  return a != null && a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

export interface Located {
  documentId: string;
  measureId: string | null;
  sectionId: string | null;
}

export function matchesTarget(hit: Located, target: Target): boolean {
  if (hit.documentId !== target.documentId) return false;
  if (target.measureId !== undefined) return sameMeasureId(hit.measureId, target.measureId);
  return hit.sectionId !== null && hit.sectionId === target.sectionId;
}

/** 1-based rank of the first result that matches any target, or null when none does. */
export function firstRank(results: readonly Located[], targets: readonly Target[]): number | null {
  const i = results.findIndex((r) => targets.some((t) => matchesTarget(r, t)));
  return i < 0 ? null : i + 1;
}

/**
 * Citations carry the section as text («2.2 Tiltak tidlig innsats»), not its id; this resolves it to
 * the section id of the corpus so citations can be matched like search hits. A citation whose section
 * does not name a section (e.g. a glossary entry quoting one sentence) is located by its quoted text.
 */
export function citationLocator(corpus: Corpus): (c: Citation) => Located {
  const docs = new Map(corpus.documents.map((doc) => [doc.id, doc]));
  const sectionNames = new Map<string, Map<string, string>>();
  for (const doc of corpus.documents) {
    const byName = new Map<string, string>();
    for (const s of doc.sections) {
      for (const name of [s.id, s.title, s.number ? `${s.number} ${s.title}` : null]) {
        if (name && !byName.has(fold(name))) byName.set(fold(name), s.id);
      }
    }
    sectionNames.set(doc.id, byName);
  }
  return (c) => {
    const named = c.section === null ? undefined : sectionNames.get(c.documentId)?.get(fold(c.section));
    if (named !== undefined || c.measureId !== null) {
      return { documentId: c.documentId, measureId: c.measureId, sectionId: named ?? null };
    }
    const quote = fold(c.text).slice(0, 80);
    const doc = docs.get(c.documentId);
    const measure = quote ? doc?.measures.find((m) => fold([m.text, m.description ?? '', m.goal ?? ''].join(' ')).includes(quote)) : undefined;
    const section = quote ? doc?.sections.find((s) => fold(s.text).includes(quote)) : undefined;
    return { documentId: c.documentId, measureId: measure?.id ?? null, sectionId: section?.id ?? null };
  };
}

/** The expected units the answer text does not name. */
export function missingUnits(answerText: string, units: readonly string[]): string[] {
  const text = fold(answerText);
  return units.filter((u) => !text.includes(fold(u)));
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const EN_FRAME = new Set('the of and in is are to for this that these plans plan measure measures responsible not answer does do which what who with by from no see'.split(' '));
const NB_FRAME = new Set('og i er på til for dette det som planene planen tiltak tiltaket ansvarlig ikke svar gjelder har hvem med av fra se ingen'.split(' '));

/**
 * Whether the frame of an answer (what Veileder itself wrote: the text without the plans' quoted
 * passages, unit names and titles, which stay Norwegian) is English: more English than Norwegian
 * function words. Used for «English answered in English».
 */
export function frameIsEnglish(answer: Answer): boolean {
  let text = answer.answer.replace(/«[^»]*»|"[^"]*"|“[^”]*”/g, ' ');
  const quoted = answer.citations.flatMap((c) => [c.text, c.documentTitle, c.owner, c.section ?? '', ...c.responsible, ...c.accountable, ...c.references]);
  for (const q of quoted.filter((s) => s.length > 2).sort((a, b) => b.length - a.length)) text = text.split(q).join(' ');
  let en = 0;
  let nb = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (EN_FRAME.has(w)) en++;
    if (NB_FRAME.has(w)) nb++;
  }
  return answer.language === 'en' && en > nb;
}

/** Plan text as the paraphrase check reads it: folded, words only, one space apart. */
export function plainText(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Whether a question copies eight words in a row from the plans (`plain`: plainText of them): it must paraphrase. */
export function copiesPlan(question: string, plain: string): boolean {
  const words = plainText(question).trim().split(' ');
  for (let i = 0; i + 8 <= words.length; i++) if (plain.includes(words.slice(i, i + 8).join(' '))) return true;
  return false;
}
