import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from './types.js';
import { unitPhrase } from './compose.js';
import type { Language } from '../search/language.js';

/** The LLM prompts live as files in prompts/ and are read at run time, so they can be tuned without code. */

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export function readPrompt(name: 'system' | 'answer' | 'source', dir = PROMPTS_DIR): string {
  return readFileSync(path.join(dir, `${name}.md`), 'utf8');
}

/** Fills {{name}} slots; a value never re-enters the template, so «{{x}}» in a question stays text. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export function renderSources(citations: Citation[], lang: Language, dir = PROMPTS_DIR): string {
  const template = readPrompt('source', dir);
  return citations
    .map((c, i) =>
      fill(template, {
        n: String(i + 1),
        plan: c.documentTitle,
        period: c.period,
        expired: c.expired ? (lang === 'en' ? ', period ended' : ', utløpt') : '',
        what: c.measureId ? `tiltak ${c.measureId}` : `avsnitt «${c.section ?? ''}»`,
        responsible: unitPhrase(c, lang) ?? (lang === 'en' ? '(not given)' : '(ikke oppgitt)'),
        references: c.references.join('; ') || '(ingen)',
        text: c.text,
      }).trim(),
    )
    .join('\n\n');
}

export function renderMessages(question: string, citations: Citation[], lang: Language, dir = PROMPTS_DIR) {
  return {
    system: readPrompt('system', dir).trim(),
    user: fill(readPrompt('answer', dir), {
      language: lang === 'en' ? 'engelsk (English)' : 'bokmål',
      sources: renderSources(citations, lang, dir),
      question: question.replace(/<<<|>>>/g, ' ').replace(/\s+/g, ' ').trim(),
    }).trim(),
  };
}
