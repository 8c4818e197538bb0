import type { Corpus } from '../corpus/types.js';
import { textSentences } from './sentences.js';
import { contentWords, fold, spelled, stem, terms, words } from '../search/tokenize.js';
import { coordinatedWholes, corpusTexts, editDistance, FuzzyVocabulary, splitCompound } from '../search/vocabulary.js';
import { DISTRICTS } from '../search/districts.js';
import { bokmalFunctionWords, bokmalVerbForms, dictionaryNames, factKinds, placeNames, frameForms, frameWords, statusQuestions, synonyms, translate, type FactKind } from '../language/index.js';
import { messages, quote } from './compose.js';
import type { Language } from '../search/language.js';
import type { Citation } from './types.js';

/**
 * found:false — when the plans do not answer. The question's topical words (what it is about, not
 * «bydel», «tiltak» or «hvem har ansvar»), weighted by how rare they are in the plans and tolerant of
 * typos and compounds, are matched against the corpus and the best hit (grounding); the calibrated
 * model in answerability.ts decides from that evidence. Otherwise the honest answer says so, names no
 * unit, and points to the nearest plan passage when one shares a topical word.
 */


/** Words every question about the plans may carry (frame-words.txt) and the districts: they say nothing about the topic. */
const GENERIC = new Set(terms(`${frameWords().join(' ')} ${DISTRICTS.join(' ')}`));
const GENERIC_LIST = [...GENERIC].filter((g) => g.length >= 5);
/** Words that are only ever function words («ifølge», «blant»): never a topic, matched as written (no typo tolerance). */
const FUNCTION_WORDS = new Set(bokmalFunctionWords().map(fold));
/** Frame words only in the form written («jobber», not the noun «jobb»). */
const GENERIC_FORMS = new Set(frameForms().map(fold));

/** A generic word, or one typo away from one (`gamel`, `bydelne`). */
function isGeneric(term: string): boolean {
  if (GENERIC.has(term)) return true;
  return term.length >= 5 && GENERIC_LIST.some((g) => Math.abs(g.length - term.length) <= 1 && editDistance(g, term, 1) <= 1);
}

interface TermStats {
  df: Map<string, number>;
  /** An abbreviation the plans expand («rph») → the terms of its expansion (rask, psykisk, helsehjelp). */
  expansions: Map<string, string[]>;
  /** Folded words of the corpus, for compound splitting. */
  words: Set<string>;
  units: number;
}

const statsCache = new WeakMap<Corpus, TermStats>();

/** Document frequency of every term over the corpus's units (measures and sections). */
function termStats(corpus: Corpus): TermStats {
  let stats = statsCache.get(corpus);
  if (!stats) {
    const df = new Map<string, number>();
    const seenWords = new Set<string>();
    let units = 0;
    for (const text of corpusTexts(corpus)) {
      units++;
      for (const w of words(fold(text))) seenWords.add(w);
      for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const expansions = new Map(corpus.glossary.filter((g) => g.expansion).map((g) => [stem(fold(g.abbreviation)), [...new Set(terms(g.expansion!))]]));
    stats = { df, expansions, words: seenWords, units };
    statsCache.set(corpus, stats);
  }
  return stats;
}

/** Whether the plans use a word (any case, folded like search). */
export function corpusKnows(corpus: Corpus): (word: string) => boolean {
  const { words: known } = termStats(corpus);
  return (word) => known.has(fold(word));
}

/**
 * Whether a passage says a word of the question otherwise: it holds a thesaurus synonym of it
 * («pårørende» for «mor», «far»), as the plans write what staff say in everyday words.
 */
function saidOtherwise(word: string, c: Citation | undefined): boolean {
  const same = synonyms().get(word.toLowerCase());
  if (!c || !same) return false;
  const { all } = termsOfCitation(c);
  return same.some((s) => terms(s).some((x) => all.has(x)));
}

/** Rare words weigh more; a word the corpus never uses weighs most. */
function weight(t: string, stats: TermStats): number {
  return Math.log(1 + stats.units / Math.max(0.5, stats.df.get(t) ?? 0));
}

const headCache = new WeakMap<TermStats, Map<string, number>>();

/**
 * As weight(), counting the compounds the word ends («problem» in «rusproblemer», «alkoholproblemer»):
 * a word most of the plans' compounds end in says little about which of a plan's measures is meant.
 */
function headWeight(t: string, stats: TermStats): number {
  let cache = headCache.get(stats);
  if (!cache) headCache.set(stats, (cache = new Map()));
  let df = cache.get(t);
  if (df === undefined) {
    df = stats.df.get(t) ?? 0;
    for (const [v, n] of stats.df) if (v.length >= t.length + 3 && v.endsWith(t)) df += n;
    cache.set(t, df);
  }
  return Math.log(1 + stats.units / Math.max(0.5, df));
}

export interface Grounding {
  /** The question's topical terms (stemmed). */
  topical: TopicalWord[];
  /** Weighted share of topical terms the corpus knows at all. */
  corpusCoverage: number;
  /** Weighted share of topical terms the corpus uses as they are written. */
  exactCoverage: number;
  /** Weighted share of topical terms the corpus uses as written or as the halves of a compound
   *  (`pårørendestandarden` = pårørende + standard): the plans' own words, not a guessed spelling. */
  ownCoverage: number;
  /** Weighted share of topical terms the citation contains. */
  hitCoverage: number;
  /** Summed weight of the topical words the citation contains. */
  evidence: number;
  /** Summed weight of the topical words the corpus has nothing like (not even a near spelling). */
  unknownWeight: number;
  /** The question names something (Bergen, Gerica) the plans never mention. */
  unknownName: boolean;
  /** The best hit refers to a standard or procedure the question names, however it spells it. */
  reference: boolean;
  /** The question asks for a kind of fact plans do not carry (a phone number, opening hours, a price)
   *  and the best hit does not carry it either. */
  kindMissing: boolean;
  /** The search score of the best hit (0..1, see src/search). */
  score: number;
}

/** A word the question is about: its folded form and its stem. */
export interface TopicalWord {
  word: string;
  term: string;
  /** Written with a capital letter inside the sentence, or a name the dictionary spells only with one
   *  («baerum»): a name (a place, a system, a service). */
  name?: boolean;
  /** Written in capitals («FACT», «LAR»): the abbreviation of a service, what the question is about. */
  acronym?: boolean;
  /** A verb the plans never use («stemmer», «mistenker»): what the asker does, not the matter. It is no
   *  share of what a passage must hold; as a word the plans have nothing like, it still counts. */
  verb?: boolean;
}

/** Ranking a plan's citations (across plans), an abbreviation names the one service a question is about:
 *  it weighs double. Not for answerability: «urinprøve i LAR» is about the urine test, which LAR does not hold. */
const ACRONYM_WEIGHT = 2;

/** The shortest word that counts as a part of a citation's compound («hasj» in «hasjavvenningsprogram»). */
const COMPOUND_PART = 4;

let globalStatus: RegExp[] | undefined;
/** The status-question patterns, each compiled once to replace every match. */
function statusPhrases(): RegExp[] {
  return (globalStatus ??= statusQuestions().map((re) => new RegExp(re.source, 'giu')));
}

export function topicalWords(asked: string): TopicalWord[] {
  // How the question asks whether a measure has started («er det i gang?», «is it up and running?») says
  // nothing of which measure: the matter is in the rest, or in the conversation before.
  const question = statusPhrases().reduce((q, re) => q.replace(re, ' '), asked);
  const seen = new Set<string>();
  const out: TopicalWord[] = [];
  const names = new Set(
    [...question.matchAll(/(?<=[\p{L}\p{N},;:] +)\p{Lu}\p{Ll}{2,}/gu)].map((m) => fold(m[0])),
  );
  const acronyms = new Set([...question.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu)].map((m) => fold(m[0])));
  // A question typed in capitals throughout has no abbreviations to tell apart.
  const shouting = acronyms.size > 3;
  for (const word of contentWords(question)) {
    const term = stem(word);
    if (GENERIC_FORMS.has(word) || FUNCTION_WORDS.has(word) || isGeneric(term) || /^\d+$/.test(term) || seen.has(term)) continue;
    seen.add(term);
    // Lower case, a dictionary name of four letters is as likely slang («krim-sakene»: Krim is the Crimea).
    const name = names.has(word) || (word.length > 4 && dictionaryNames().has(word));
    out.push({ word, term, ...(name ? { name: true } : {}), ...(!shouting && acronyms.has(word) ? { acronym: true } : {}) });
  }
  return out;
}

/**
 * What a question is about, for grounding. An English question is about the Norwegian field words it
 * maps to (language.ts) plus its own words the plans use (UngJobb, FACT, Lovisenberg) and any name;
 * its other English words say nothing about the plans. When nothing is left, it keeps its own words,
 * which the plans then do not cover.
 */
export function topicalFor(question: string, lang: 'nb' | 'en', norwegian: string, corpus: Corpus): TopicalWord[] {
  const stats = termStats(corpus);
  // A verb the plans never use («stemmer det?», «hun mistenker», «vil sende») tells what the asker does,
  // not which matter of the plans the question is about: it is no share of what a passage must hold
  // (grounding still counts it among the words the plans do not know).
  const verbs = bokmalVerbForms();
  const own = topicalWords(question).map((t) =>
    t.name || !verbs.has(t.word) || stats.df.has(t.term) || stats.words.has(t.word) ? t : { ...t, verb: true as const },
  );
  if (lang !== 'en') return own;
  const kept = own.filter((t) => t.name || stats.df.has(t.term));
  const mapped = topicalWords(norwegian).filter((t) => !kept.some((k) => k.term === t.term));
  const out = [...mapped, ...kept];
  return out.length ? out : own;
}

const citationTerms = new WeakMap<Citation, { about: Set<string>; all: Set<string> }>();

/** A citation's terms, read once: what it says (text, section, plan, references), and with them those responsible. */
function termsOfCitation(c: Citation): { about: Set<string>; all: Set<string> } {
  const cached = citationTerms.get(c);
  if (cached) return cached;
  // «Lov- og forskriftsendringer» holds «lovendringer» too, as the corpus's words do (search/vocabulary.ts corpusTexts).
  const about = new Set(terms([c.text, c.section, c.documentTitle, ...c.references, ...coordinatedWholes(c.text)].join(' ')));
  const read = { about, all: new Set([...about, ...terms([...c.responsible, ...c.accountable].join(' '))]) };
  citationTerms.set(c, read);
  return read;
}

const fuzzyCache = new WeakMap<TermStats, FuzzyVocabulary>();

interface Resolved {
  /** Corpus terms the word stands for; [] when the corpus has nothing like it. */
  alts: string[];
  /** The corpus uses the word itself (not only its halves or a spelling near it). */
  exact: boolean;
  /** Known only through the halves of a compound. */
  compound?: boolean;
  /** How much the word says about the topic: rare words most, compounds of common halves little. */
  weight: number;
}

/**
 * The corpus terms a topical word stands for: itself when the corpus uses it, else (for a long word)
 * the plan word one letter away (`rusmidelanalyse`), else the known halves of a compound
 * (`pårørendestandarden`), else the plans' compounds it begins (`krisesenter`), else its nearest known
 * spelling (`nalokosn`), else nothing.
 */
function resolveWord({ word, term }: TopicalWord, stats: TermStats): Resolved {
  if (stats.df.has(term)) return { alts: [term], exact: true, weight: weight(term, stats) };
  let fuzzy = fuzzyCache.get(stats);
  if (!fuzzy) fuzzyCache.set(stats, (fuzzy = new FuzzyVocabulary([...stats.df.keys()])));
  // A long word one letter off a word of the plans is that word misspelled (`rusmidelanalyse`), not a
  // compound of whatever halves it splits into.
  if (term.length >= 10) {
    const typo = fuzzy.near(term, 1, 3).map((m) => m.term);
    if (typo.length) return { alts: typo, exact: false, weight: Math.max(...typo.map((a) => weight(a, stats))) };
  }
  // The start of the plans' own compounds (`krisesenter` → krisesentertilbud, `rusmiddelanalyse` →
  // rusmiddelanalysetjenester): the word itself stands in the plans, inside a longer one; its halves
  // are weaker evidence.
  const longer = fuzzy.extensions(term, 5);
  if (longer.length) return { alts: longer, exact: false, weight: Math.max(...longer.map((a) => weight(a, stats))) };
  const split = splitCompound(word, { word: (w) => stats.words.has(w), term: (t) => stats.df.has(t) });
  // A compound of a matter and a frame word («boligtiltak», «ungdomstilbud») is about the matter: the
  // frame half says nothing of which measure is meant, and its weight would make the word weigh nothing.
  const matter = split.filter((p) => !isGeneric(p));
  const parts = matter.length ? matter : split;
  if (parts.length) return { alts: parts, exact: false, compound: true, weight: Math.min(...parts.map((p) => weight(p, stats))) };
  if (term.length >= 6) {
    // Two edits only for long words, and only when the word ends the same (`nalokosn` → nalokson,
    // not `kommunevalg` → kommunemal).
    const near = fuzzy
      .near(term, term.length >= 8 ? 2 : 1, 3)
      .filter((m) => m.distance === 1 || m.term.at(-1) === term.at(-1))
      .map((m) => m.term);
    if (near.length) return { alts: near, exact: false, weight: Math.max(...near.map((a) => weight(a, stats))) };
  }
  return { alts: [], exact: false, weight: weight(term, stats) };
}

/**
 * Whether a text names a municipality other than Oslo that the plans never mention («Bergen»,
 * «stockholm»): the plans are Oslo's and answer nothing about another place.
 */
export function namesOtherPlace(text: string, corpus: Corpus): boolean {
  const stats = termStats(corpus);
  const places = placeNames();
  return topicalWords(text).some((t) => places.has(t.word) && !resolveWord(t, stats).alts.length);
}

interface Match {
  /** Weighted share of the question's topical words the citation holds. */
  coverage: number;
  /** Sum of the weights of the words it holds. */
  evidence: number;
  /** The topical words it holds (their terms). */
  held: string[];
}

function matchCitation(topical: TopicalWord[], c: Citation, stats: TermStats, compoundHeads = false, acronyms = false): Match {
  if (!topical.length) return { coverage: 1, evidence: 0, held: [] };
  const { about: said, all: have } = termsOfCitation(c);
  // Ranking a plan's citations, a word found only among those responsible («Ruskonsulent Ung») says the
  // unit carries the measure, not that the measure is about it: it counts half.
  const about = compoundHeads ? said : have;
  const haveList = [...have];
  const held: string[] = [];
  let total = 0;
  let covered = 0;
  let evidence = 0;
  for (const t of topical) {
    const resolved = resolveWord(t, stats);
    if (!resolved.alts.length && (t.verb || (!t.name && saidOtherwise(t.word, c)))) continue;
    // Ranking a plan's citations (compoundHeads), a compound's common head weighs as little as it says.
    const found = compoundHeads && resolved.exact ? { ...resolved, weight: Math.min(resolved.weight, headWeight(t.term, stats)) } : resolved;
    const r = acronyms && t.acronym ? { ...found, weight: found.weight * ACRONYM_WEIGHT } : found;
    total += r.weight;
    // A word also counts where the citation has it as the first part of a compound («pårørende» in
    // «pårørendesamarbeid», «overdose» in «overdoseforebyggende»): how a plan's measure is told apart
    // from its neighbours, and how an English question's words, translated one by one, find the compound.
    const heads = (w: string) => w.length >= COMPOUND_PART && haveList.some((h) => h.length > w.length + 2 && h.startsWith(w));
    // As the last part («forebygging» in «overdoseforebyggende»), it counts half: the head of a compound is
    // what many of the plans' compounds end in. What comes before it is a word, not a stop word: «eldre» is
    // no part of «foreldre», «dose» none of «overdose».
    const tails = (w: string) =>
      w.length >= COMPOUND_PART && haveList.some((h) => h.length > w.length + 2 && h.endsWith(w) && contentWords(h.slice(0, h.length - w.length)).length > 0);
    // The other way round, a compound of the question is half held by a citation that has one of its parts
    // («institusjon» of «institusjonsopphold», «oppfølging» of «rusoppfølging»), not a frame word («tjenestebil»).
    const parts = (w: string) => haveList.some((h) => h.length > COMPOUND_PART && w.length >= h.length + 3 && (w.startsWith(h) || w.endsWith(h)) && !isGeneric(h));
    // An abbreviation the plans expand is held by a citation that writes the expansion («Rask psykisk helsehjelp» for «RPH»).
    const expansion = stats.expansions.get(t.term);
    const spelledOut = (set: Set<string>) => Boolean(expansion?.length && expansion.every((e) => set.has(e)));
    const direct = have.has(t.term) || r.alts.some((a) => have.has(a)) || heads(t.term) || spelledOut(have);
    if (!direct && !tails(t.term) && !parts(t.term)) continue;
    const inText = direct && (about.has(t.term) || r.alts.some((a) => about.has(a)) || heads(t.term) || spelledOut(about));
    covered += inText ? r.weight : r.weight / 2;
    held.push(t.term);
    // A word found only through its halves, or only as a part of a compound, is weaker evidence.
    evidence += r.compound || !direct ? r.weight / 2 : r.weight;
  }
  return { coverage: covered / total, evidence, held };
}

/** The topical words (terms) a citation holds, weighed as citationCoverage does. */
export function heldWords(topical: TopicalWord[], c: Citation, corpus: Corpus, opts: { compoundHeads?: boolean } = {}): string[] {
  return matchCitation(topical, c, termStats(corpus), opts.compoundHeads).held;
}

/** Weighted share of `topical` found in the citation (1 when the question has no topical words). */
export function citationCoverage(
  topical: TopicalWord[],
  c: Citation,
  corpus: Corpus,
  opts: { compoundHeads?: boolean; acronyms?: boolean } = {},
): number {
  return matchCitation(topical, c, termStats(corpus), opts.compoundHeads, opts.acronyms).coverage;
}

/** Text as the fact-kind rules read it (src/language/data/fact-kinds.tsv): search/tokenize.ts spelled. */
export { spelled };

/**
 * The question as the fact-kind rules read it: spelled, and a long word one letter off a word the
 * rules spell out read as that word («telefonummer», «apningstidene» with a letter lost), so a rule
 * holds however the question is typed. A word the plans use as written, or an English word, is left
 * as it is: it is not a typo.
 */
function factSpelled(question: string, corpus: Corpus): string {
  const known = termStats(corpus).words;
  const vocabulary = [...new Set(factKinds().flatMap((k) => k.words))];
  return spelled(question).replace(/\p{L}{8,}/gu, (w) => {
    if (known.has(w) || vocabulary.some((f) => w.startsWith(f)) || translate(w).length) return w;
    for (const f of vocabulary) {
      for (const n of [f.length - 1, f.length, f.length + 1]) {
        if (n <= w.length && editDistance(w.slice(0, n), f, 1) <= 1) return f + w.slice(n);
      }
    }
    return w;
  });
}

/** A year standing alone in spelled text, not one end of a period («2021–2024», «2021-24»). */
const YEAR = /(?<![\d–-]\s?)\b((?:19|20)\d\d)\b(?!\s?[–-]\s?\d)/gu;

/** The fact kinds the question asks for that the best hit does not carry (empty when it asks for none). */
export function missingFactKinds(question: string, best: Citation | undefined, corpus: Corpus): string[] {
  return missingFromAll(question, best ? [best] : [], corpus);
}

/**
 * The fact kinds the question asks for that none of an answer's citations carries: an answer across
 * plans carries a case number when one plan's passage gives it.
 */
export function missingFromAll(question: string, cited: readonly Citation[], corpus: Corpus): string[] {
  const q = factSpelled(question, corpus);
  // A number the question gives itself («unge under 18») is not the figure it asks for.
  const own = new Set(q.match(/\d+/g) ?? []);
  const blank = (t: string) => t.replace(/\d+/g, (n) => (own.has(n) ? ' ' : n));
  // A fact asked for a year («hvor mange besøk i 2025?») is carried only by a sentence that names the year;
  // a plan's period in the question («Tryggere liv 2026–2029») is no such year.
  const years = [...q.matchAll(YEAR)].map((m) => m[1]!);
  const texts = cited.map((c) => spelled(`${c.text} ${c.section ?? ''}`));
  const carries = (k: FactKind) =>
    texts.some((t) => (years.length ? textSentences(t).some((s) => years.every((y) => s.includes(y)) && k.holds.test(blank(s))) : k.holds.test(blank(t))));
  return factKinds()
    .filter((k) => k.asks.test(q) && !carries(k))
    .map((k) => k.name);
}

/**
 * The evidence of the best hit and the corpus for a question's topical words.
 * @param references the standards/procedures the question names (findReferences): a best hit that
 *   refers to one of them holds what the question asks about, however the question spells it
 *   («overdosestandarden»).
 */
export function grounding(
  question: string,
  topical: TopicalWord[],
  corpus: Corpus,
  best: Citation | undefined,
  references: string[] = [],
): Grounding {
  const score = best?.score ?? 0;
  const kindMissing = missingFactKinds(question, best, corpus).length > 0;
  const reference = Boolean(best && references.some((r) => best.references.includes(r)));
  const base = { topical, score, kindMissing, reference };
  if (!topical.length) {
    return { ...base, corpusCoverage: 1, exactCoverage: 1, ownCoverage: 1, hitCoverage: best ? 1 : 0, evidence: 0, unknownWeight: 0, unknownName: false };
  }
  const stats = termStats(corpus);
  let total = 0;
  let known = 0;
  let exact = 0;
  let own = 0;
  let unknownWeight = 0;
  let unknownName = false;
  for (const t of topical) {
    const r = resolveWord(t, stats);
    if (t.verb && !r.alts.length) {
      unknownWeight += r.weight;
      continue;
    }
    // An everyday word the best passage says otherwise («mor» where it says «pårørende»): no share of
    // what a passage must hold, and no sign that the question is about something else.
    if (!r.alts.length && !t.name && saidOtherwise(t.word, best)) continue;
    total += r.weight;
    if (r.alts.length) known += r.weight;
    else {
      unknownWeight += r.weight;
      if (t.name) unknownName = true;
    }
    if (r.exact) exact += r.weight;
    if (r.exact || r.compound) own += r.weight;
  }
  const m = best ? matchCitation(topical, best, stats) : { coverage: 0, evidence: 0, held: [] };
  return {
    ...base,
    corpusCoverage: known / total,
    exactCoverage: exact / total,
    ownCoverage: own / total,
    hitCoverage: m.coverage,
    evidence: m.evidence,
    unknownWeight,
    unknownName,
  };
}

const TEXT = {
  nb: {
    notFound:
      'Handlingsplanene jeg kjenner, sier ikke noe om dette. Jeg svarer bare på det planene for rus og psykisk helse i Oslo dekker.',
    near: (what: string) => `Det nærmeste jeg finner, er ${what}.`,
    ask: 'Spør gjerne om tiltak, ansvarlig enhet eller en Oslostandard, for eksempel «Hvem deler ut nalokson i Bydel Nordstrand?».',
  },
  en: {
    notFound: 'The action plans I know do not cover this. I only answer what the Oslo plans on drugs and mental health cover.',
    near: (what: string) => `The nearest I can find is ${what}.`,
    ask: 'Try asking about a measure, the responsible unit or an Oslo standard, e.g. “Who hands out naloxone in Nordstrand?”.',
  },
} as const;

/**
 * The honest answer when the plans do not answer: no unit named; a pointer to something near if there
 * is one. `lead` replaces the opening sentence (a district without a plan: «… og byens felles plan sier
 * ikke noe om dette»).
 */
export function composeNotFound(lang: Language, near: Citation | null, lead: string = TEXT[lang].notFound): string {
  const t = TEXT[lang];
  if (!near) return `${lead}\n${t.ask}`;
  const what = near.measureId ? messages(lang).measures(near.measureId) : near.section ? quote(near.section, lang) : '';
  const where = what ? `${what} ${lang === 'en' ? 'in' : 'i'} ` : '';
  return `${lead}\n${t.near(`${where}${quote(near.documentTitle, lang)} (${near.period})`)}`;
}
