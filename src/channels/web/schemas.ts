import { z } from 'zod';
import { Filters, Turn } from '../../answer/types.js';
import { Vote } from '../../feedback/store.js';
import { ApiError } from './errors.js';

/** One zod schema per request body of the web API, and the one way a body is checked against it. */

export const MAX_QUESTION_CHARS = 4_000;
export const MAX_HISTORY_TURNS = 20;

export const AskRequest = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  history: z.array(Turn).max(MAX_HISTORY_TURNS).optional(),
  filters: Filters.optional(),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const FeedbackRequest = z.object({
  answerId: z.string().uuid(),
  vote: Vote,
  comment: z.string().trim().max(1_000).optional(),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** What a user reads when a field is wrong: one Norwegian sentence per field, saying what to send. */
const FIELD_HELP: Record<string, string> = {
  question: `Skriv et spørsmål: feltet «question» må være en tekst på 1–${MAX_QUESTION_CHARS} tegn.`,
  history: `Feltet «history» må være en liste med høyst ${MAX_HISTORY_TURNS} meldinger av formen {"role": "user" | "assistant", "text": "…"}.`,
  filters: 'Feltet «filters» kan ha «documentIds» (liste med dokument-id-er) og «owner» (f.eks. "Bydel Nordstrand").',
  answerId: 'Feltet «answerId» må være id-en fra svaret (overskriften X-Answer-Id).',
  vote: 'Feltet «vote» må være "up" (👍) eller "down" (👎).',
  comment: 'Feltet «comment» kan være en tekst på høyst 1000 tegn.',
};

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError('BAD_REQUEST', 'Send et JSON-objekt med Content-Type: application/json, for eksempel {"question": "Hva er tiltak 10S?"}.');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const field = String(first?.path[0] ?? '');
  const message = FIELD_HELP[field] ?? 'Forespørselen har feil form.';
  throw new ApiError(
    'BAD_REQUEST',
    message,
    parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
  );
}
