import { fold } from '../search/tokenize.js';
import type { Corpus, CorpusDocument, Measure, Section } from '../corpus/types.js';

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
    // A unit that is also an everyday phrase («psykisk helse») is named only as the plans write it, with its
    // capital inside the sentence («Hva gjør Psykisk helse på Nordstrand?»), not as the field it works in.
    // One the plans write in lower case («alle») is never named: it is the everyday word.
    if (NOT_DISTINCT.has(fold(unit)) && (!/^\p{Lu}/u.test(unit) || !new RegExp(`(?<=\\S\\s+)${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(question))) continue;
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

/** An agency as written: «Velferdsetaten», «Barne- og familieetaten». */
const AGENCY = /\b\p{Lu}\p{Ll}+(?:- og \p{Ll}+)?etaten\b/gu;

/** Units as the plans write them that are also everyday words: naming them invents nothing. */
const NOT_DISTINCT = new Set(['alle', 'bydel', 'bydelene', 'skolene', 'psykisk helse', 'samtlige avdelinger', 'de andre fagavdelingene']);

/**
 * Names in a text that have the shape of a unit: «…etaten», «Bydel X», «NAV …», «Avdeling X»,
 * «Seksjon X», «Enhet for X», and the corpus's own units. Used to check a model's reply.
 */
export function unitMentions(text: string, corpus: Corpus): string[] {
  const out = new Set<string>();
  const shapes = [
    AGENCY,
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

/** How the plans write a unit in running text: a department («avdeling Helse, mestring og bolig»,
 *  «seksjon Rus»), an agency («Velferdsetaten»). Capitals mark the name; the word before it says what it is. */
const UNIT_SHAPES = [
  /\b(?:[Aa]vdeling(?:en)?|[Ss]eksjon(?:en)?|[Ee]nhet(?:en)? for)\s+\p{Lu}[\p{L}-]+(?:,\s+\p{Ll}[\p{L}-]+)*(?:\s+og\s+\p{Ll}[\p{L}-]+)?/gu,
  AGENCY,
];

/** Per plan: its own units (its measures' responsible columns), each as a pattern over running text. */
const ownUnitPatterns = new WeakMap<CorpusDocument, RegExp[]>();

function ownUnits(doc: CorpusDocument): RegExp[] {
  let patterns = ownUnitPatterns.get(doc);
  if (!patterns) {
    const own = new Set<string>();
    for (const m of doc.measures) for (const u of [...m.responsible, ...m.accountable]) if (u.trim()) own.add(u.trim());
    patterns = [...own].map((unit) => {
      const words = unit.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`(?<![\\p{L}])${words.join('\\s+')}(?![\\p{L}])`, 'giu');
    });
    ownUnitPatterns.set(doc, patterns);
  }
  return patterns;
}

const MAX_NAMED = 4;

/**
 * The plan's own units that head the passage's section or one of the sections it stands under, nearest
 * first: «3.1.2 Utekontakten» under «3.1 Oppvekst og velferd» (a plan that describes its services
 * chapter by chapter, one department each).
 */
const headingPatterns = new WeakMap<CorpusDocument, RegExp[]>();

function headingUnits(section: Section, doc: CorpusDocument): string[] {
  let patterns = headingPatterns.get(doc);
  if (!patterns) headingPatterns.set(doc, (patterns = ownUnits(doc).map((re) => new RegExp(`^(?:${re.source})`, re.flags.replace('g', '')))));
  const number = section.number;
  const above = number
    ? doc.sections.filter((s) => s.number && s !== section && number.startsWith(`${s.number}.`)).sort((a, b) => b.number!.length - a.number!.length)
    : [];
  const out: string[] = [];
  for (const s of [section, ...above]) {
    for (const re of patterns) {
      const m = re.exec(s.title.trim());
      if (m) out.push(m[0]);
    }
  }
  return out;
}

/**
 * The units a prose passage names, as written and in the order they stand: the plan's own units (its
 * measures' responsible columns) and names with a unit's shape. The passage first, then the rest of its
 * section (where a section opens with who carries the service); before them, the units that head its
 * section and the sections above it. Plan owners («Bydel Nordstrand») and everyday words that are also units
 * («alle», «bydelene») are left out: naming them says nothing.
 */
export function unitsNamedIn(passage: string, section: Section | null, doc: CorpusDocument): string[] {
  const found: { at: number; name: string }[] = [];
  const scan = (text: string, offset: number) => {
    for (const re of [...UNIT_SHAPES, ...ownUnits(doc)]) for (const m of text.matchAll(re)) found.push({ at: offset + m.index!, name: m[0] });
  };
  const sectionText = section?.text ?? '';
  scan(passage, 0);
  if (sectionText && sectionText !== passage) scan(sectionText, passage.length + 1);
  // Who carries the service the section describes comes first.
  if (section) headingUnits(section, doc).forEach((name, i) => found.push({ at: i - 100, name }));
  const out: string[] = [];
  const seen: string[] = [];
  for (const { name } of found.sort((a, b) => a.at - b.at)) {
    const key = (fold(name).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    if (NOT_DISTINCT.has(key) || /^bydel\b|^oslo kommune/.test(key) || key === fold(doc.owner)) continue;
    // «avdeling Helse, mestring og bolig» holds «Helse, mestring og bolig»: one unit, the longer name.
    const same = seen.findIndex((k) => k.includes(key) || key.includes(k));
    if (same >= 0) {
      if (key.length > seen[same]!.length) { seen[same] = key; out[same] = name; }
      continue;
    }
    seen.push(key);
    out.push(name);
  }
  return out.slice(0, MAX_NAMED);
}
