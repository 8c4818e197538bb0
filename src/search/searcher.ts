import type { Filters } from '../answer/types.js';
import { childLogger } from '../log.js';
import { analyzeQuery } from './analyzer.js';
import type { IndexParts } from './build.js';
import { boostFactor, FUSION, linearFusion, reciprocalRankFusion, type BoostTarget, type RankedList } from './fusion.js';
import type { Searcher, SearchHit, SearchOptions } from './index.js';
import { detectLanguage, retrievalTerms } from './language.js';
import { createSignalReader, planIntroduction } from './signals.js';
import { fold, words } from './tokenize.js';
import { unitText } from './units.js';
import { corpusTexts, FuzzyVocabulary } from './vocabulary.js';

/** The query path: question ─► lexical + vector candidates ─► fusion + boosts ─► hits. */

const log = childLogger({ module: 'search' });

/** Candidates taken from each list before fusion. */
const CANDIDATES = 100;
/** Longer questions are cut here: search needs the words, not a pasted document. */
export const MAX_QUERY_CHARS = 2_000;

export function createSearcher(parts: IndexParts): Searcher {
  const { corpus, units, bm25, vectors, provider } = parts;
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const measures = new Map(corpus.documents.flatMap((d) => d.measures.map((m) => [`${d.id}\u0000${m.id}`, m] as const)));
  const fuzzy = new FuzzyVocabulary(bm25.data.terms);
  const readSignals = createSignalReader(corpus);
  const vocabulary = { lexicon: bm25.lexicon, fuzzy };
  // The corpus's words (folded), for the English words whose translations the plans use.
  const corpusWords = new Set(corpusTexts(corpus).flatMap((t) => words(fold(t))));
  const knownWord = (w: string) => corpusWords.has(fold(w));
  // An answer searches one question several times (each plan, across plans): its translation once.
  const translated = new Map<string, string>();
  const english = (query: string) => {
    let q = translated.get(query);
    if (q === undefined) {
      q = retrievalTerms(query, 'en', knownWord).query;
      if (translated.size >= 64) translated.delete(translated.keys().next().value!);
      translated.set(query, q);
    }
    return q;
  };
  // An abbreviation the plans expand («RPH» = Rask psykisk helsehjelp) is searched with its expansion too:
  // a plan that writes the words finds it as well as one that writes the letters.
  const expansions = new Map(corpus.glossary.filter((g) => g.expansion).map((g) => [g.abbreviation, g.expansion!] as const));
  const expanded = (query: string) => {
    const added = [...new Set(query.match(/(?<![\p{L}\d])\p{Lu}{2,}(?![\p{L}\d])/gu) ?? [])].flatMap((a) => expansions.get(a) ?? []);
    return added.length ? `${query} ${added.join(' ')}` : query;
  };
  const introductions = new Map(corpus.documents.map((d) => [d.id, planIntroduction(d)?.id ?? null]));
  const targets: BoostTarget[] = units.map((u) => {
    const doc = documents.get(u.documentId);
    const measure = u.measureId ? measures.get(`${u.documentId}\u0000${u.measureId}`) : undefined;
    return {
      kind: u.kind,
      documentId: u.documentId,
      measureId: u.measureId,
      references: measure?.references ?? [],
      period: doc?.period ?? { from: 0, to: 0 },
      introduction: u.kind === 'passage' && doc !== undefined && u.sectionId === introductions.get(doc.id),
    };
  });

  // Units by measure id, for a question that names one (no pass over every unit per question).
  const unitsByMeasure = new Map<string, number[]>();
  units.forEach((u, i) => {
    if (!u.measureId) return;
    const list = unitsByMeasure.get(u.measureId);
    if (list) list.push(i);
    else unitsByMeasure.set(u.measureId, [i]);
  });

  function allowedUnits(filters: Filters | undefined): Uint8Array | undefined {
    if (!filters?.documentIds?.length && !filters?.owner) return undefined;
    const owner = filters.owner ? fold(filters.owner) : null;
    const ok = new Set(
      corpus.documents
        .filter((d) => (!filters.documentIds?.length || filters.documentIds.includes(d.id)) && (!owner || fold(d.owner).includes(owner)))
        .map((d) => d.id),
    );
    return Uint8Array.from(units, (u) => (ok.has(u.documentId) ? 1 : 0));
  }

  async function vectorList(query: string, allowed: Uint8Array | undefined): Promise<Map<number, number> | null> {
    try {
      const v = await provider.embeddings.embedQuery(query);
      return new Map(vectors.search(v, CANDIDATES, allowed).map((h) => [h.unit, h.similarity]));
    } catch (err) {
      log.warn({ err: (err as Error).message, provider: provider.id }, 'vector search failed; using lexical search only');
      return null;
    }
  }

  return {
    corpus,
    info: { provider: provider.id, builtAt: parts.builtAt, units: units.length },

    async search(rawQuery: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
      const query = typeof rawQuery === 'string' ? rawQuery.slice(0, MAX_QUERY_CHARS).trim() : '';
      const k = Math.max(1, Math.min(opts.k ?? 10, 100));
      const mode = opts.mode ?? 'hybrid';
      if (!query || units.length === 0) return [];
      const allowed = allowedUnits(opts.filters);
      const signals = readSignals(query);
      // An English question is searched with the Norwegian words of the field it names, too.
      const searched = expanded((opts.language ?? detectLanguage(query, knownWord)) === 'en' ? english(query) : query);

      const lists: RankedList[] = [];
      const coverage = new Map<number, number>();
      if (mode !== 'vector') {
        const hits = bm25.search(analyzeQuery(searched, vocabulary), CANDIDATES, allowed);
        hits.forEach((h) => coverage.set(h.unit, h.coverage));
        lists.push({ name: 'lexical', units: hits.map((h) => h.unit), scores: hits.map((h) => h.score) });
      }
      let similarity: Map<number, number> | null = null;
      if (mode !== 'lexical') {
        similarity = await vectorList(searched, allowed);
        if (similarity) lists.push({ name: 'vector', units: [...similarity.keys()], scores: [...similarity.values()] });
      }

      const fused = FUSION.method === 'linear' ? linearFusion(lists) : reciprocalRankFusion(lists);
      // A unit the question names by id is a candidate even when neither list found it.
      if (signals.measureIds.length) {
        const floor = Math.min(...fused.values(), 1 / 1000);
        for (const id of signals.measureIds) {
          for (const i of unitsByMeasure.get(id) ?? []) if ((!allowed || allowed[i]) && !fused.has(i)) fused.set(i, floor);
        }
      }
      // A question about a named plan itself: its introduction is a candidate too.
      if (signals.aboutPlan) {
        const floor = Math.min(...fused.values(), 1 / 1000);
        targets.forEach((t, i) => {
          if (t.introduction && signals.documentIds.includes(t.documentId) && (!allowed || allowed[i]) && !fused.has(i)) fused.set(i, floor);
        });
      }
      const today = opts.today ?? new Date();
      const ranked = [...fused]
        .map(([unit, score]) => ({ unit, score: score * boostFactor(targets[unit]!, signals, today) }))
        .sort((a, b) => b.score - a.score || a.unit - b.unit)
        .slice(0, k);
      if (!ranked.length) return [];

      // Scores: the top hit's evidence (the share of the question's idf-weighted words it holds, or
      // its cosine similarity when that is higher), the rest scaled by their fused score — 0..1, best first.
      const top = ranked[0]!;
      let confidence = Math.max(0, coverage.get(top.unit) ?? 0, similarity?.get(top.unit) ?? 0);
      if (units[top.unit]!.measureId && signals.measureIds.includes(units[top.unit]!.measureId!)) confidence = Math.max(confidence, 0.9);
      const rankIn = (name: RankedList['name']) => {
        const list = lists.find((l) => l.name === name);
        return (unit: number) => {
          const i = list ? list.units.indexOf(unit) : -1;
          return i < 0 ? null : i + 1;
        };
      };
      const lexicalRank = rankIn('lexical');
      const vectorRank = rankIn('vector');
      return ranked.map(({ unit, score }) => {
        const u = units[unit]!;
        return {
          kind: u.kind,
          documentId: u.documentId,
          measureId: u.measureId,
          sectionId: u.sectionId,
          text: unitText(u, documents.get(u.documentId)!),
          score: Math.round(confidence * (score / top.score) * 1000) / 1000,
          ranks: { lexical: lexicalRank(unit), vector: vectorRank(unit) },
        };
      });
    },
  };
}
