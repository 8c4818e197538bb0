import { measureCitation } from '../citations.js';
import { composeMeasures, messages } from '../compose.js';
import { scope, type Composed, type Env } from '../env.js';
import { currentFirst } from '../periods.js';

/** «tiltak 10S», «2.2.2 grünerløkka»: the measure with that id, in every plan in scope that has it. */
export function answerMeasureId(measureId: string, question: string, env: Env): Composed {
  const t = messages(env.language);
  const { docs } = scope(question, env);
  const citations = docs.flatMap((d) => d.measures.filter((m) => m.id.toUpperCase() === measureId).map((m) => measureCitation(d, m, env.today, 1)));
  if (!citations.length) return { answer: t.measureNotFound(measureId), found: false, citations: [] };
  const ordered = currentFirst(citations);
  const body = composeMeasures(ordered, env.language, 5);
  const answer = ordered.length > 1 ? `${t.sameId(measureId, ordered.length)}\n${body}` : body;
  return { answer, found: true, citations: ordered };
}
