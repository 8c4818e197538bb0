import type { CorpusDocument, GlossaryEntry } from '../../corpus/types.js';
import { documentById, measureCitation, passageCitation, sentenceWith } from '../citations.js';
import { composeGlossary } from '../compose.js';
import { allowed, type Composed, type Env } from '../env.js';
import type { Citation } from '../types.js';

/**
 * «Hva er FACT?»: the expansion where a plan states it, with where; else where the plans use it — never
 * a guess. Asked what it stands for («Hva står DPS for?») when no plan spells it out, the plans do not
 * answer (found: false), and the answer says where they use it.
 */
export function answerGlossary(abbreviation: string, entry: GlossaryEntry | null, explicit: boolean, env: Env): Composed {
  const citations = glossaryCitations(abbreviation, entry, env);
  const answer = composeGlossary(abbreviation, entry, citations, env.language);
  const found = citations.length > 0 && !(explicit && !entry?.expansion);
  return { answer, found, citations };
}

function glossaryCitations(abbreviation: string, entry: GlossaryEntry | null, env: Env): Citation[] {
  const out: Citation[] = [];
  const word = new RegExp(`(?<![\\p{L}\\d])${abbreviation.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');
  const usedIn = (d: CorpusDocument) => {
    const s = d.sections.find((x) => word.test(x.text)) ?? null;
    const m = d.measures.find((x) => word.test(x.text));
    if (m) return measureCitation(d, m, env.today, 0.5);
    if (s) return passageCitation(d, s, sentenceWith(s.text, word), [], env.today, 0.5);
    return null;
  };
  const expansionDoc = entry?.documentId ? documentById(env.corpus, entry.documentId) : undefined;
  if (expansionDoc) out.push(passageCitation(expansionDoc, null, entry!.source ?? `${entry!.abbreviation}: ${entry!.expansion ?? ''}`, [], env.today, 1));
  const others = entry
    ? [...new Set([entry.documentId, ...entry.usedIn])].map((id) => id && documentById(env.corpus, id)).filter((d): d is CorpusDocument => Boolean(d))
    : env.corpus.documents;
  for (const d of others) {
    const c = usedIn(d);
    // The plan that spells it out is cited again only for a measure that uses it: who carries it.
    if (c && (d !== expansionDoc || c.measureId)) out.push(c);
  }
  return out.filter((c) => allowed(documentById(env.corpus, c.documentId)!, env.filters));
}

