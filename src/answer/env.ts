import type { Logger } from 'pino';
import { findReferences } from '../corpus/references.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { districtsIn, documentsOf, type District } from '../search/districts.js';
import type { SearchHit, Searcher } from '../search/index.js';
import { documentById, measureCitation, passageCitation } from './citations.js';
import type { Language } from '../search/language.js';
import type { AnswerabilityDecision } from './answerability.js';
import type { AnswerWriter, LlmFailure } from './llm.js';
import { composeNotFound } from './refusal.js';
import type { Citation, Filters } from './types.js';

/** What every kind of question is answered with (src/answer/kinds/): the corpus, search, the day, the language. */

/** What ask() needs from search: the corpus it indexed and its search (src/search). */
export type SearcherLike = Pick<Searcher, 'corpus' | 'search'>;

export interface Env {
  corpus: Corpus;
  searcher: SearcherLike;
  today: Date;
  language: Language;
  filters?: Filters;
  log: Logger;
  llm: () => AnswerWriter | null;
  /** Whether the plans answer, from the evidence's features (default: the fitted model, answerability.ts). */
  answerable?: AnswerabilityDecision;
}

/** An answer before ask() adds the question, the language and the warnings (personal data, ended plan periods). */
export interface Composed {
  answer: string;
  found: boolean;
  citations: Citation[];
  /** The text states the cited plans' periods itself (a question about a plan's period): no expiry warning besides. */
  periodStated?: boolean;
  llm?: 'used' | LlmFailure;
  /** A refusal of the whole message that none of its parts overturns (it asks about another municipality's plan). */
  final?: boolean;
}

export function allowed(doc: CorpusDocument, filters: Filters | undefined): boolean {
  if (filters?.documentIds?.length && !filters.documentIds.includes(doc.id)) return false;
  if (filters?.owner && doc.owner.toLowerCase() !== filters.owner.toLowerCase()) return false;
  return true;
}

/** The documents a question is about: the named districts' plans (if any have one), filtered. */
export function scope(question: string, env: Env): { docs: CorpusDocument[]; named: CorpusDocument[]; missing: District[] } {
  const districts = districtsIn(question);
  const named = districts.flatMap((d) => documentsOf(env.corpus, d)).filter((d) => allowed(d, env.filters));
  const missing = districts.filter((d) => documentsOf(env.corpus, d).length === 0);
  const docs = env.corpus.documents.filter((d) => allowed(d, env.filters));
  return { docs: named.length ? named : docs, named, missing };
}

export function notFound(env: Env): Composed {
  return { answer: composeNotFound(env.language, null), found: false, citations: [] };
}

export function toCitation(h: SearchHit, env: Env): Citation | null {
  const doc = documentById(env.corpus, h.documentId);
  if (!doc) return null;
  if (h.kind === 'measure' && h.measureId) {
    const m = doc.measures.find((x) => x.id === h.measureId);
    if (m) return measureCitation(doc, m, env.today, h.score);
  }
  const section = doc.sections.find((s) => s.id === h.sectionId) ?? null;
  return passageCitation(doc, section, h.text, findReferences(h.text), env.today, h.score);
}
