import { sectionLabel } from '../corpus/parsers/outline.js';
import type { Corpus, CorpusDocument, Measure, Section } from '../corpus/types.js';
import { coordinatedWholes } from './vocabulary.js';

/**
 * Retrieval units: a measure with everything that tells what it is about (id, text, description,
 * goal, responsible units, references, section and plan title), or a prose passage of a section of
 * a few sentences. Units follow the parser's structure, so no unit cuts a table row.
 */

/** A unit as the searcher keeps it: where it is, not its text (unitText() makes that for a hit). */
export interface RetrievalUnit {
  kind: 'measure' | 'passage';
  documentId: string;
  measureId: string | null;
  sectionId: string | null;
  /** the measure's index (measures) or the section's index (passages) in its document */
  index: number;
  /** the passage's number within its section (0 for measures) */
  passage: number;
}

/** A unit with what a person reads and the text that is indexed for it (made while building). */
export interface IndexedUnit extends RetrievalUnit {
  text: string;
  indexText: string;
}

const PASSAGE_TARGET = 450;
const PASSAGE_MAX = 900;

function sectionOf(measure: Measure, doc: CorpusDocument): Section | undefined {
  if (!measure.section) return undefined;
  const wanted = measure.section.trim().toLowerCase();
  return (
    doc.sections.find((s) => sectionLabel(s).toLowerCase() === wanted) ??
    doc.sections.find((s) => s.title.toLowerCase() === wanted) ??
    doc.sections.find((s) => wanted.endsWith(s.title.toLowerCase()) || s.title.toLowerCase().endsWith(wanted))
  );
}

export function measureText(m: Measure): string {
  const parts = [m.text.trim()];
  if (m.description && !m.text.includes(m.description)) parts.push(m.description.trim());
  if (m.goal) parts.push(`Mål: ${m.goal.trim()}`);
  if (m.responsible.length) parts.push(`Ansvar: ${m.responsible.join(', ')}`);
  return parts.join('\n');
}

function measureUnit(m: Measure, index: number, doc: CorpusDocument): IndexedUnit {
  const section = sectionOf(m, doc);
  const text = measureText(m);
  const context = [
    `Tiltak ${m.id}`,
    text,
    m.priority ?? '',
    m.status ?? '',
    m.partners?.join(', ') ?? '',
    m.deadline ?? '',
    m.accountable.join(' '),
    m.references.join(' '),
    m.section ?? '',
    doc.title,
    doc.owner,
  ];
  return {
    kind: 'measure',
    documentId: doc.id,
    measureId: m.id,
    sectionId: section?.id ?? null,
    index,
    passage: 0,
    text,
    // «sommer- og deltidsjobber» is found by «sommerjobb» too.
    indexText: [...context, coordinatedWholes(context.join(' ')).join(' ')].filter(Boolean).join('\n'),
  };
}

/** Sentences of a section text: lines joined within paragraphs, split after . ! ? before a capital or digit. */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((p) => p.split(/(?<=[.!?:])\s+(?=[«"(]?[\p{Lu}\d])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Passages of a few sentences, about PASSAGE_TARGET characters, never cutting a sentence. */
export function passages(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const s of sentences(text)) {
    if (current && (current.length >= PASSAGE_TARGET || current.length + s.length > PASSAGE_MAX)) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${s}` : s;
  }
  if (current) {
    // A short tail joins the previous passage instead of standing alone.
    if (out.length && current.length < PASSAGE_TARGET / 3) out[out.length - 1] += ` ${current}`;
    else out.push(current);
  }
  return out;
}

function passageUnits(section: Section, index: number, doc: CorpusDocument): IndexedUnit[] {
  const label = sectionLabel(section);
  return passages(section.text).map((text, passage) => ({
    kind: 'passage' as const,
    documentId: doc.id,
    measureId: null,
    sectionId: section.id,
    index,
    passage,
    text,
    indexText: `${label}\n${text}\n${doc.title}\n${doc.owner}\n${coordinatedWholes(text).join(' ')}`,
  }));
}

export function documentUnits(doc: CorpusDocument): IndexedUnit[] {
  return [...doc.measures.map((m, i) => measureUnit(m, i, doc)), ...doc.sections.flatMap((s, i) => passageUnits(s, i, doc))];
}

/** The corpus's units without their index text, in index order, made one document at a time. */
export function retrievalUnits(corpus: Corpus): RetrievalUnit[] {
  return corpus.documents.flatMap((d) => documentUnits(d).map(toRetrievalUnit));
}

export function toRetrievalUnit({ indexText: _, text: __, ...unit }: IndexedUnit): RetrievalUnit {
  return unit;
}

/** What a person reads of a unit, made again from the corpus (the same text the unit was built with). */
export function unitText(unit: RetrievalUnit, doc: CorpusDocument): string {
  if (unit.kind === 'measure') return measureText(doc.measures[unit.index]!);
  return passages(doc.sections[unit.index]!.text)[unit.passage] ?? '';
}
