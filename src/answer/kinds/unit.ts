import { measureCitation } from '../citations.js';
import { composeUnit, MAX_LISTED } from '../compose.js';
import { scope, type Composed, type Env } from '../env.js';
import { currentFirst } from '../periods.js';
import { measureCarriedBy } from '../units.js';

/**
 * «Hva har Velferdsetaten ansvar for?»: the measures the unit is responsible for, else those whose
 * text names it; null when it has none (the question is then answered as a free question).
 */
export function answerUnit(unit: string, question: string, env: Env): Composed | null {
  const { docs } = scope(question, env);
  const pick = (how: 'responsible' | 'text') =>
    docs.flatMap((d) => d.measures.filter((m) => measureCarriedBy(m, unit) === how).map((m) => measureCitation(d, m, env.today, 1)));
  let citations = pick('responsible');
  const byText = citations.length === 0;
  if (byText) citations = pick('text');
  if (!citations.length) return null;
  citations = currentFirst(citations);
  const shown = citations.slice(0, MAX_LISTED);
  return { answer: composeUnit(unit, citations, byText, env.language), found: true, citations: shown };
}
