import { z } from 'zod';

/** The structured corpus: one zod schema per shape, the TypeScript types inferred from them. */

export const Layout = z.enum(['gamle-oslo', 'tryggere-liv', 'grunerlokka', 'nordstrand', 'sections', 'generic']);
export type Layout = z.infer<typeof Layout>;

export const DocumentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'bruk små bokstaver, tall og bindestrek (f.eks. bydel-x-2024-2027)');

export const Period = z
  .object({ from: z.number().int().min(1990).max(2100), to: z.number().int().min(1990).max(2100) })
  .refine((p) => p.to >= p.from, 'period.to må være samme år som eller etter period.from');
export type Period = z.infer<typeof Period>;

/** One entry of corpus/manifest.yaml. */
export const ManifestEntry = z.object({
  id: DocumentId,
  file: z.string().min(1),
  title: z.string().min(1),
  owner: z.string().min(1),
  period: Period,
  url: z.string().url().nullable().default(null),
  language: z.enum(['nb', 'nn', 'en']).default('nb'),
  kind: z.enum(['plan', 'standard', 'other']),
  layout: Layout,
  ocr: z.boolean().default(false),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const Manifest = z.object({ documents: z.array(ManifestEntry) });
export type Manifest = z.infer<typeof Manifest>;

/** A section of a document: numbered chapter, sub-chapter or service description. */
export const Section = z.object({
  /** Stable within the document: the plan's number ("2.2") or a slug of the title. */
  id: z.string().min(1),
  number: z.string().nullable(),
  title: z.string().min(1),
  /** Readable (normalized, OCR repaired) text of the section, without its sub-sections. */
  text: z.string(),
  /** The PDF pages the section stands on (absent where the source has no pages). */
  pages: z.array(z.number().int().positive()).optional(),
  /** Where in `text` each of pages[1], pages[2], … begins (character offsets). */
  pageBreaks: z.array(z.number().int().min(0)).optional(),
});
export type Section = z.infer<typeof Section>;

/** A measure (tiltak): what is to be done, and who does it. */
export const Measure = z.object({
  /** The plan's own id ("11", "10S", "2.2.2"), or a stable id of the project's making. */
  id: z.string().min(1),
  documentId: DocumentId,
  /** What is to be done, readable. */
  text: z.string().min(1),
  description: z.string().optional(),
  /** mål / resultatmål */
  goal: z.string().optional(),
  /** strategisk prioritering / innsatsområde / MÅL row */
  priority: z.string().optional(),
  /** e.g. Nordstrand's «Påbegynt» */
  status: z.string().optional(),
  /** The title of the section the measure stands in, with its number ("2.2 Tiltak tidlig innsats"). */
  section: z.string().optional(),
  /** Units the plan names as carrying the measure out, as the plan writes them. */
  responsible: z.array(z.string()),
  /** The plan's accountable column where it differs from `responsible` (Tryggere liv: SET, HLS, UTD), as written. */
  accountable: z.array(z.string()).default([]),
  /** Standards, procedures and laws the measure points to, in canonical form (src/corpus/references.ts). */
  references: z.array(z.string()).default([]),
  /** Partners the plan names (Samarbeid / Samarbeidspartnere): they take part, they are not responsible. */
  partners: z.array(z.string()).optional(),
  /** Frist / Tidsramme as written («2026», «Høsten 2025»). */
  deadline: z.string().optional(),
  /** The PDF pages the measure stands on (absent where the source has no pages). */
  pages: z.array(z.number().int().positive()).optional(),
});
export type Measure = z.infer<typeof Measure>;

/** An abbreviation staff meet. `expansion` only where a plan states it; then `documentId` cites where. */
export const GlossaryEntry = z.object({
  abbreviation: z.string().min(1),
  expansion: z.string().nullable(),
  documentId: DocumentId.nullable(),
  /** The sentence or phrase of the plan that states the expansion (or uses the abbreviation). */
  source: z.string().nullable(),
  /** Other plans that use the abbreviation. */
  usedIn: z.array(DocumentId).default([]),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const CorpusDocument = ManifestEntry.extend({
  /** sha256 of the raw file + manifest entry: the index notices a changed corpus by it. */
  hash: z.string(),
  sections: z.array(Section),
  measures: z.array(Measure),
});
export type CorpusDocument = z.infer<typeof CorpusDocument>;

export const Corpus = z.object({
  documents: z.array(CorpusDocument),
  glossary: z.array(GlossaryEntry),
});
export type Corpus = z.infer<typeof Corpus>;

/** What a parser returns for one document. */
export interface ParsedDocument {
  sections: Section[];
  measures: Measure[];
}
export type Parser = (text: string, entry: ManifestEntry) => ParsedDocument;
