import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsk, type AskFn } from '../../src/answer/ask.js';
import { createLlmWriter } from '../../src/answer/llm.js';
import { createFeedbackStore, type FeedbackStore } from '../../src/feedback/store.js';
import { openSearcher } from '../../src/search/index.js';
import { captureLog, testConfig } from '../support/engine.js';
import { reply, startOpenAIStandIn, type OpenAIStandIn, type RecordedRequest } from '../support/openai-standin.js';
import { digitView, leaks, personalComment, personalQuestion, type Secret } from '../support/personal-data.js';

/**
 * The privacy gate end to end, as a property: a question full of generated personal data (any
 * spelling), with a follow-up turn and a vote comment full of it too, goes through the real paths —
 * ask() with OpenAI embeddings and the OpenAI chat model (a local stand-in over HTTP that records every
 * request body and echoes the question back as its reply), the pino log, the SQLite feedback store and
 * a vote with a comment. None of it may be found in a log line, a stored row, an embeddings request, a
 * chat request or the Answer.
 */

let standIn: OpenAIStandIn;
let ask: AskFn;
let store: FeedbackStore;
let db: Database.Database;
let lines: string[];
let corpusWords: Set<string>;
let corpusDigits: string;
const dir = mkdtempSync(path.join(tmpdir(), 'veileder-privacy-'));

/** The question block of a chat request, echoed back: whatever reached the model reaches the reply. */
function echo(req: RecordedRequest) {
  const body = req.body as { messages: { role: string; content: string }[] };
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const question = user.slice(user.lastIndexOf('<<<') + 3, user.lastIndexOf('>>>')).trim();
  return reply.good(`${question} [1].`);
}

beforeAll(async () => {
  standIn = await startOpenAIStandIn({ dimensions: 32 });
  standIn.chat.fallback = echo;
  const config = testConfig({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: standIn.baseURL,
    EMBEDDINGS_PROVIDER: 'openai',
    LLM_TIMEOUT_MS: '3000',
  });
  const searcher = await openSearcher({ config, build: 'memory' });
  const captured = captureLog();
  lines = captured.lines;
  ask = createAsk({ searcher, config, llm: createLlmWriter(config, { maxRetries: 0 }), log: captured.log });
  const file = path.join(dir, 'feedback.sqlite');
  store = createFeedbackStore(file);
  db = new Database(file, { readonly: true });
  // What the plans themselves hold: a generated secret that happens to be there cannot be told apart.
  const plans = readdirSync('corpus/plans').map((f) => readFileSync(path.join('corpus/plans', f), 'utf8')).join('\n');
  corpusWords = new Set(plans.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []);
  corpusDigits = digitView(plans);
}, 120_000);

afterAll(async () => {
  db?.close();
  store?.close();
  await standIn?.close();
  rmSync(dir, { recursive: true, force: true });
});

function inPlans(s: Secret): boolean {
  if (s.kind === 'name' || s.kind === 'email') return s.needles.some((n) => corpusWords.has(n.toLowerCase()));
  return s.needles.some((n) => n.length < 6 || corpusDigits.includes(n));
}

describe('personal data in any spelling, end to end', () => {
  it('reaches no log line, stored row, vote comment, embeddings request, chat request or Answer', async () => {
    let embedded = 0;
    let chatted = 0;
    await fc.assert(
      fc.asyncProperty(personalQuestion, personalComment, async (question, comment) => {
        const secrets = [...question.secrets, ...comment.secrets];
        // The five-digit tail of a fødselsnummer and a year alone are checked by the redact() property.
        fc.pre(!secrets.some((s) => s.kind === 'name' && inPlans(s)));
        const checked = secrets.map((s) => ({ ...s, needles: s.needles.filter((n) => !(s.kind !== 'name' && s.kind !== 'email' && n.length < 6)) }));
        fc.pre(!checked.some(inPlans));
        const fromRequest = standIn.requests.length;
        const fromLine = lines.length;

        const answer = await ask(question.text, { channel: 'web', history: [{ role: 'user', text: comment.text }] });
        const id = await store.record(answer, 'web');
        expect(id).not.toBeNull();
        expect(await store.vote(id!, 'down', comment.text)).toBe(true);

        const requests = standIn.requests.slice(fromRequest);
        embedded += requests.filter((r) => r.path.endsWith('/embeddings')).length;
        chatted += requests.filter((r) => r.path.endsWith('/chat/completions')).length;
        const row = db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as Record<string, unknown>;
        expect(row.comment).toBeTruthy();
        const places: [string, string][] = [
          ['log', lines.slice(fromLine).join('\n')],
          ['stored row', JSON.stringify(row)],
          ['request', requests.map((r) => r.raw).join('\n')],
          ['answer', JSON.stringify(answer)],
        ];
        for (const [where, text] of places) {
          for (const s of checked) {
            expect(leaks(text, s), `${s.kind} «${s.typed}» in the ${where}; question «${question.text}», comment «${comment.text}»`).toBeNull();
          }
        }
        expect(answer.warnings[0]).toMatch(/^Personopplysninger \(/);
      }),
      { numRuns: 60, seed: 14 },
    );
    // The paths were really taken: the question was embedded and put to the model.
    expect(embedded).toBeGreaterThan(20);
    expect(chatted).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('"msg":"ask"'))).toBe(true);
  }, 120_000);
});
