import { z } from 'zod';

/**
 * The Answer: what ask() returns, the `--json` output of the CLI and the body of `POST /api/ask`.
 * Every channel renders this and nothing else. See docs/sok-og-kvalitet.md «Svarformatet».
 */

export const Citation = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  owner: z.string(),
  /** "2021–2024" */
  period: z.string(),
  /** The plan's measure id, or null for a prose passage (then `section` is set). */
  measureId: z.string().nullable(),
  section: z.string().nullable(),
  responsible: z.array(z.string()),
  /** The accountable unit as written: in Tryggere liv the byrådsavdeling code (SET, HLS, UTD); in a
   *  district's plan the bydel's department a unit is written under (Nordstrand: «Oppvekst og velferd»). */
  accountable: z.array(z.string()).default([]),
  references: z.array(z.string()),
  /** For a prose passage: the units its section names, as written («avdeling Helse, mestring og bolig»);
   *  [] for a measure (its units are `responsible`). Not «responsible»: the passage only names them.
   *  Always set by the citation builders; optional in the type like `page`. */
  named: z.array(z.string()).optional(),
  /** The measure or passage itself, readable. */
  text: z.string(),
  /** For a prose passage: what the answer quotes of it, from the sentence that holds most of the question;
   *  unset when the answer quotes `text` from its start. */
  excerpt: z.string().optional(),
  url: z.string().nullable(),
  score: z.number(),
  /** True when the plan's period ended before today. */
  expired: z.boolean().default(false),
  /** The PDF page the measure or passage stands on (first page where it spans more); null where the
   *  source has no pages (the five plans' text extractions, Word, HTML). Shown as «s. 12». Always set by
   *  the citation builders; optional in the type only so older Citation literals still compile. */
  page: z.number().int().positive().nullable().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const Answer = z.object({
  question: z.string(),
  answer: z.string(),
  found: z.boolean(),
  language: z.enum(['nb', 'en']),
  citations: z.array(Citation),
  warnings: z.array(z.string()),
  /** Set when cited plans' periods have ended: `warning` is the one in `warnings` that says so, `short`
   *  the same said in a few words for a channel with room for one line («Planperioden er utløpt for 2 av
   *  3 planer.»). A channel shows one or the other, never words its own. */
  expiry: z.object({ warning: z.string(), short: z.string() }).optional(),
});
export type Answer = z.infer<typeof Answer>;

export const Turn = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string().max(20_000),
});
export type Turn = z.infer<typeof Turn>;

export const Filters = z.object({
  /** Only these documents. */
  documentIds: z.array(z.string()).max(50).optional(),
  /** Only documents of this owner, e.g. "Bydel Nordstrand". */
  owner: z.string().max(200).optional(),
});
export type Filters = z.infer<typeof Filters>;

export interface AskContext {
  /** Earlier turns of the same thread, oldest first. */
  history?: Turn[];
  filters?: Filters;
  channel?: 'slack' | 'teams' | 'web' | 'cli' | 'eval';
  /** The district the conversation's channel is bound to (src/channels/bindings.ts), e.g. "Nordstrand":
   *  a question that names no district is answered from that district's plan and the city-wide plans. */
  district?: string;
  /** Today's date for plan-period checks (default: VEILEDER_TODAY or the clock). */
  today?: Date;
}
