import { languageFunctionWords } from '../../language/index.js';
import { districtsIn, documentsOf } from '../../search/districts.js';
import { listJoin, messages } from '../compose.js';
import type { Composed, Env } from '../env.js';
import { corpusKnows, spelled } from '../refusal.js';

/**
 * Questions about plans Veileder does not have: another municipality's («bergen kommune sin rusplan»,
 * «Trondheim's plan»), or the plan of an Oslo district whose plan is not among the sources («Bydel
 * Alna sin handlingsplan»). Said plainly, with no unit and no measure from another plan.
 */

const MUNICIPALITY = /\b(\p{L}{3,}) kommunes?\b|\b(?:municipality|city|kommune) of (\p{L}{3,})\b|\b(\p{L}{3,}) (?:municipality|kommune)\b/gu;
const PLAN_OF = /\b(\p{L}{3,})(?:'s| sin| sitt| sine) (?:egen |\p{L}+ )?(?:\p{L}*plan(?:en|ene|er)?)\b/gu;

function otherPlaces(question: string, env: Env): string[] {
  const q = spelled(question);
  const knows = corpusKnows(env.corpus);
  const { en, nb } = languageFunctionWords();
  const foreign = (w: string) => w !== 'oslo' && !districtsIn(w).length && !knows(w) && !en.has(w) && !nb.has(w);
  const out = new Set<string>();
  for (const m of q.matchAll(MUNICIPALITY)) {
    const w = m[1] ?? m[2] ?? m[3]!;
    if (w !== 'oslo' && !districtsIn(w).length && !en.has(w) && !nb.has(w)) out.add(w);
  }
  for (const m of q.matchAll(PLAN_OF)) if (foreign(m[1]!)) out.add(m[1]!);
  return [...out].map((w) => w[0]!.toUpperCase() + w.slice(1));
}

export function answerOutside(question: string, env: Env): Composed | null {
  const t = messages(env.language);
  const places = otherPlaces(question, env);
  if (places.length) return { answer: t.otherPlace(listJoin(places, env.language)), found: false, citations: [], final: true };
  // «Bydel Alna sin handlingsplan»: a district named together with a plan, and no plan of that district here.
  if (/plan/.test(spelled(question))) {
    const named = districtsIn(question);
    const without = named.filter((d) => documentsOf(env.corpus, d).length === 0);
    if (without.length && without.length === named.length) {
      return { answer: t.noPlanOf(listJoin(without, env.language)), found: false, citations: [], final: true };
    }
  }
  return null;
}
