import type { Answer, AskContext } from './types.js';

/**
 * ask(question, context) → Answer: the one function every channel calls.
 * PLACEHOLDER (issue 4): answers nothing until retrieval and answering land.
 */
export async function ask(question: string, _context: AskContext = {}): Promise<Answer> {
  return {
    question,
    answer: 'Veileder er ikke klar ennå.',
    found: false,
    language: 'nb',
    citations: [],
    warnings: [],
  };
}
