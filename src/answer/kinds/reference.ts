import { findReferences, referenceByName } from '../../corpus/references.js';
import { terms } from '../../search/tokenize.js';
import { textSentences } from '../sentences.js';
import { measureCitation, passageCitation } from '../citations.js';
import { composeReference } from '../compose.js';
import { notFound, scope, type Composed, type Env } from '../env.js';
import { currentFirst } from '../periods.js';
import type { Citation } from '../types.js';

/** «Hvilke planer viser til Oslostandard for pårørendesamarbeid?»: every measure (or passage) that refers to it, per plan. */
export function answerReference(reference: string, question: string, env: Env): Composed {
  const { docs } = scope(question, env);
  const citations: Citation[] = [];
  for (const d of docs) {
    const measures = d.measures.filter((m) => m.references.includes(reference));
    citations.push(...measures.map((m) => measureCitation(d, m, env.today, 1)));
    if (measures.length) continue;
    const section = d.sections.find((s) => findReferences(s.text).includes(reference));
    if (section) citations.push(passageCitation(d, section, excerptAround(section.text, reference), [reference], env.today, 1));
  }
  if (!citations.length) return notFound(env);
  const ordered = currentFirst(citations);
  return { answer: composeReference(reference, ordered, env.language), found: true, citations: ordered };
}

/**
 * «Hvilke Oslostandarder skal Gamle Oslo innføre?», «which Oslo standards do the plans use?»: every
 * measure in scope that refers to an Oslo standard, per plan, each with the standards it names.
 */
export function answerStandards(question: string, env: Env): Composed {
  const { docs } = scope(question, env);
  const isStandard = (r: string) => referenceByName(r)?.kind === 'standard';
  const citations = docs.flatMap((d) => d.measures.filter((m) => m.references.some(isStandard)).map((m) => measureCitation(d, m, env.today, 1)));
  if (!citations.length) return notFound(env);
  const ordered = currentFirst(citations);
  return {
    answer: composeReference(null, ordered, env.language, { named: isStandard }),
    found: true,
    citations: ordered,
  };
}

/** A few sentences of `text` from the one that names the reference (else the first with its distinctive words). */
function excerptAround(text: string, reference: string): string {
  const sentences = textSentences(text);
  const key = terms(reference).filter((w) => !['oslostandard', 'standard'].includes(w));
  const naming = sentences.findIndex((s) => findReferences(s).includes(reference));
  const i =
    naming >= 0
      ? naming
      : sentences.findIndex((s) => {
          const st = new Set(terms(s));
          return key.some((k) => st.has(k));
        });
  return sentences.slice(Math.max(0, i), Math.max(0, i) + 2).join(' ');
}

