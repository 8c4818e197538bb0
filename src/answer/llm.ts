import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import { redact } from '../privacy/redact.js';
import { checkReply, renumber, type ReplyProblem } from './check.js';
import type { Language } from '../search/language.js';
import { PROMPTS_DIR, renderMessages } from './prompts.js';
import type { Citation } from './types.js';

/**
 * The optional LLM path: ChatOpenAI (OpenAI, Azure OpenAI or any OpenAI-compatible server through
 * OPENAI_BASE_URL) words the answer from the retrieved citations, with the prompts in prompts/.
 * The reply is checked (check.ts); on any problem, time-out or error the caller keeps the extractive
 * answer — write() never throws. A failure's detail is logged by the caller: it passes redact() here,
 * since it may quote the model's reply or an error message.
 */

export type LlmFailure = ReplyProblem | 'LLM_TIMEOUT' | 'LLM_ERROR' | 'LLM_REFUSAL';

export type LlmResult =
  | { ok: true; text: string; citations: Citation[] }
  | { ok: false; reason: LlmFailure; detail?: string };

export interface AnswerWriter {
  write(input: { question: string; citations: Citation[]; language: Language; corpus: Corpus }): Promise<LlmResult>;
}

export interface LlmOptions {
  maxRetries?: number;
  promptsDir?: string;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p === 'string' ? p : (p as { text?: string }).text ?? '')).join('');
  }
  return '';
}

function failureOf(err: unknown, timeoutMs: number, started: number): { reason: LlmFailure; detail: string } {
  const e = err as { name?: string; message?: string; status?: number };
  const text = `${e.name ?? ''} ${e.message ?? String(err)}`;
  if (/timeout|timed out|abort/i.test(text) || Date.now() - started >= timeoutMs) return { reason: 'LLM_TIMEOUT', detail: text.trim() };
  if (/json|unexpected token|parse/i.test(text)) return { reason: 'LLM_GARBAGE', detail: text.trim() };
  return { reason: 'LLM_ERROR', detail: `${e.status ?? ''} ${text}`.trim() };
}

/** The writer for a config with an LLM, or null when the LLM is off. */
export function createLlmWriter(config: Config, opts: LlmOptions = {}): AnswerWriter | null {
  if (!config.llm.enabled || !config.OPENAI_API_KEY) return null;
  const timeoutMs = config.LLM_TIMEOUT_MS;
  const chat = new ChatOpenAI({
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    temperature: 0,
    timeout: timeoutMs,
    maxRetries: opts.maxRetries ?? 1,
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {},
  });
  const promptsDir = opts.promptsDir ?? PROMPTS_DIR;

  const failed = (reason: LlmFailure, detail?: string): LlmResult => ({ ok: false, reason, ...(detail ? { detail: redact(detail).text } : {}) });

  return {
    async write({ question, citations, language, corpus }) {
      if (!citations.length) return { ok: false, reason: 'LLM_NOT_IN_SOURCES' };
      const started = Date.now();
      let reply: string;
      try {
        const { system, user } = renderMessages(question, citations, language, promptsDir);
        const msg = await chat.invoke([new SystemMessage(system), new HumanMessage(user)], {
          signal: AbortSignal.timeout(timeoutMs + 250),
        });
        const refusal = (msg.additional_kwargs as { refusal?: unknown } | undefined)?.refusal;
        reply = contentText(msg.content);
        if ((typeof refusal === 'string' && refusal.trim()) || !reply.trim()) {
          return failed('LLM_REFUSAL', typeof refusal === 'string' ? refusal : 'empty reply');
        }
      } catch (err) {
        const failure = failureOf(err, timeoutMs, started);
        return failed(failure.reason, failure.detail);
      }
      const checked = checkReply(reply, citations, corpus);
      if (checked.problem) return failed(checked.problem, checked.detail);
      return {
        ok: true,
        text: renumber(reply.trim(), checked.cited),
        citations: checked.cited.map((n) => citations[n - 1]!),
      };
    },
  };
}
