import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { Turn } from '../src/answer/types.js';
import { DocumentId } from '../src/corpus/types.js';

/**
 * The eval question set (eval/questions.yaml): questions written the way staff type them, each with
 * the plan, measure or section that answers it and the units the answer must name.
 */

export const QUESTIONS_FILE = 'eval/questions.yaml';
export const HISTORY_FILE = 'eval/HISTORY.md';

/**
 * The sets `npm run eval` runs, in order. The blind bank (eval/bank/) is what staff experience: `dev`
 * may be tuned on; `sealed` is only ever read as figures (its failures are never printed). The first
 * two sets were written by the developers while reading the plans and tuned on: they measure the tuning.
 */
export interface EvalSet {
  name: string;
  file: string;
  sealed: boolean;
}
export const EVAL_SETS: readonly EvalSet[] = [
  { name: 'eget sett (tunet)', file: QUESTIONS_FILE, sealed: false },
  { name: 'holdout (tunet)', file: 'eval/holdout.yaml', sealed: false },
  { name: 'blind dev', file: 'eval/bank/dev.yaml', sealed: false },
  { name: 'blind sealed', file: 'eval/bank/sealed.yaml', sealed: true },
];

/** One acceptable source: a measure (the plan's own id, or Nordstrand's N1, N2, …) or a section. */
export const Target = z
  .object({
    documentId: DocumentId,
    measureId: z.string().min(1).optional(),
    sectionId: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => (t.measureId === undefined) !== (t.sectionId === undefined), 'oppgi enten measureId eller sectionId');
export type Target = z.infer<typeof Target>;

export const Tag = z.enum([
  'typo', // misspelled
  'no-aeoeaa', // written without æ, ø, å
  'english',
  'vague', // few words, no verb, no district
  'district-named',
  'id', // names a measure id
  'abbreviation',
  'reference', // asks about a standard, procedure or law
  'unit', // asks what a unit is responsible for
  'follow-up', // only understandable with `history`
  'ocr', // answered by the OCR-damaged Nordstrand plan
  'cross-plan', // more than one plan answers it
  'product-example', // one of the product card's example questions
  'near-miss', // out of scope, but sounds like the domain
  'period', // asks about a plan's period or a measure's status
  'injection', // a real question wrapped in text that tries to steer the bot («SYSTEM: …», «ignorer planene»)
]);
export type Tag = z.infer<typeof Tag>;

export const Question = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'bruk små bokstaver, tall, punktum og bindestrek'),
    q: z.string().trim().min(1).max(2_000),
    lang: z.enum(['nb', 'en']),
    /** Acceptable sources; the first that appears in the results counts. Empty for out-of-scope questions. */
    expect: z.array(Target).default([]),
    /** Responsible units the answer text must name, as the plan writes them. */
    units: z.array(z.string().min(1)).default([]),
    tags: z.array(Tag).default([]),
    outOfScope: z.boolean().default(false),
    /** Earlier turns of the thread, oldest first (follow-up questions). */
    history: z.array(Turn).optional(),
    /** The question spans plans («Hvilke bydeler …»): a good answer cites every plan among `expect`. */
    spansPlans: z.boolean().default(false),
    /** Blind bank only: the batch the question came in with (its first-sight date) and its writer. */
    batch: z.string().optional(),
    writer: z.string().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.outOfScope && (q.expect.length > 0 || q.units.length > 0)) {
      ctx.addIssue({ code: 'custom', message: 'et spørsmål utenfor planene har ingen expect eller units' });
    }
    if (!q.outOfScope && q.expect.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'et spørsmål innenfor planene trenger minst én expect' });
    }
    if (q.spansPlans && new Set(q.expect.map((t) => t.documentId)).size < 2) {
      ctx.addIssue({ code: 'custom', message: 'spansPlans krever kilder fra minst to planer i expect' });
    }
    if (q.tags.includes('follow-up') !== (q.history !== undefined && q.history.length > 0)) {
      ctx.addIssue({ code: 'custom', message: 'taggen follow-up og history hører sammen' });
    }
  });
export type Question = z.infer<typeof Question>;

export const QuestionSet = z
  .object({ questions: z.array(Question).min(1) })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `id «${q.id}» står to ganger` });
      seen.add(q.id);
    });
  });
export type QuestionSet = z.infer<typeof QuestionSet>;

export class EvalSetError extends Error {
  readonly code = 'EVAL_SET_INVALID';
  constructor(message: string, readonly file: string) {
    super(`${file}: ${message}`);
    this.name = 'EvalSetError';
  }
}

/** Reads and validates the question set; throws EvalSetError naming the file and the offending question. */
export function loadQuestions(file = QUESTIONS_FILE): Question[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new EvalSetError(`kunne ikke lese spørsmålene (${(err as Error).message.split('\n')[0]})`, file);
  }
  const parsed = QuestionSet.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = issue.path[1];
    const questions = (raw as { questions?: { id?: unknown }[] } | null)?.questions;
    const where = typeof index === 'number' ? `spørsmål ${index + 1} (${String(questions?.[index]?.id ?? '?')})` : 'fila';
    throw new EvalSetError(`${where}: ${issue.path.slice(2).join('.') || ''} ${issue.message}`.replace(/\s+/g, ' '), file);
  }
  return parsed.data.questions;
}
