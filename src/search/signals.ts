import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { fold, spelled, stem, terms, words } from './tokenize.js';
import { districtsIn, documentsOf } from './districts.js';
import { editDistance } from './vocabulary.js';
import { cityPlanNames } from '../language/index.js';

/**
 * What a question names, read from its words: a district or plan («på Grünerløkka», «Gamle Oslo»,
 * «nordstrand», misspelled too), a measure id («tiltak 10S», «2.2.2»), a standard, a period
 * («gjeldende plan», «i 2027»). fusion.ts turns these into boosts.
 */

export interface QuestionSignals {
  /** documents whose district or plan the question names */
  documentIds: string[];
  /** measure ids the question names, as the corpus writes them */
  measureIds: string[];
  /** references (standards, procedures) the question names, as the corpus writes them */
  references: string[];
  /** «gjeldende plan», «current plan»: prefer plans whose period includes today */
  current: boolean;
  /** years named («i 2027») */
  years: number[];
  /** The question is about a plan itself — its period, whether it still applies («gjelder Løkka sin
   *  rusplan fortsatt?»): the named plans' introduction (planIntroduction) answers it. */
  aboutPlan: boolean;
}

/** Period words and a word for a plan, read on folded text with «aa»/«oe» as typed for å/ø. */
const ABOUT_PERIOD = /\b(?:(?<!\bnar det )gjelder|gyldig\w*|periode\w*|hvilke ar|hvilket ar|utloper|utlopt|fortsatt|aktuell|which years?|what years?|periods?|still (?:valid|current|in force)|expire\w*|current)\b/;
const A_PLAN = /plan/;
/** Period words that say a period without a word for a plan: not «gjelder» or «current», which also mean «concerns» and «present». */
const PERIOD_ITSELF = /\b(?:gyldig\w*|periode\w*|hvilke ar|hvilket ar|utloper|utlopt|fortsatt|which years?|what years?|periods?|still (?:valid|current|in force)|expire\w*)\b/;

/** Whether a text has a word for a period («gjelder», «hvilke år», «which years»). */
export function mentionsPeriod(text: string): boolean {
  return ABOUT_PERIOD.test(spelled(text));
}

/**
 * Whether a question asks about a plan itself: its period, whether it still applies. A plan is said by
 * a word for a plan or, with the corpus, by a plan's own name or title with a word that says a period
 * itself («hvilke år gjelder Tryggere liv?»; not «hvilket tiltak i Tryggere liv gjelder revisjon …»); a
 * district alone does not say it («hva gjelder for brukerrom på Nordstrand?» is about a matter).
 */
export function asksAboutPlanPeriod(question: string, corpus?: Corpus): boolean {
  const q = spelled(question);
  return ABOUT_PERIOD.test(q) && (A_PLAN.test(q) || (corpus !== undefined && PERIOD_ITSELF.test(q) && namesPlanByName(question, corpus)));
}

/** Whether a text names a plan by a name it goes by or by its title, not by its district or period. */
function namesPlanByName(text: string, corpus: Corpus): boolean {
  return documentsNamedByName(text, corpus).some((doc) => doc.kind === 'plan');
}

/** The documents a text names by a name they go by («Tryggere liv», «byens plan») or by their title. */
function documentsNamedByName(text: string, corpus: Corpus): CorpusDocument[] {
  const qWords = words(fold(text));
  const qStems = stemsOf(text);
  return corpus.documents.filter((doc) => planAliases(doc).some((alias) => mentions(qWords, alias)) || titleNames(doc).some((n) => contains(qStems, n)));
}

/**
 * The passage that introduces a plan: the first that states its period («… for perioden 2022–2025»),
 * else its first section. Where a question about the plan itself is answered from.
 */
export function planIntroduction(doc: CorpusDocument): CorpusDocument['sections'][number] | null {
  const span = periodSpan(doc);
  return doc.sections.find((x) => span.test(x.text)) ?? doc.sections[0] ?? null;
}

/** How a text writes a plan's period: «2022–2025», «2022 - 25», «2022 to 2025», «2022 til 2025». */
export function periodSpan(doc: CorpusDocument): RegExp {
  return new RegExp(`${doc.period.from}\\s*(?:[-–—]|\\s(?:to|til|until|through)\\s)\\s*(?:${doc.period.to}|${String(doc.period.to).slice(2)})\\b`);
}

const CURRENT = /\b(gjeldende|navaerende|gjeldande|dagens|aktuelle|nyeste|siste plan|current|latest|in force|gjelder na|gjelder i dag)\b/;

/** A plan's own name, when its title has one before the dash («Tryggere liv»), not «Handlingsplan for …». */
export function planOwnName(doc: CorpusDocument): string | null {
  const head = (doc.title.split(/\s[–-]\s|:/)[0] ?? '').trim();
  return head && !/^(handlingsplan|ruspolitisk|plan)\b/i.test(head) ? head : null;
}

/** A plan's title without its subtitle and period: «Handlingsplan psykisk helse og rus», «Tryggere liv». */
export function titleLead(title: string): string {
  return title.split(/\s+[–-]\s+|:\s/)[0]!.replace(/\s+\d{4}[–-]\d{4}$/, '');
}

/** Stems of every word of a text, function words kept («og»), a hyphen read as a space («rus-planen»). */
const stemsOf = (text: string): string[] => words(fold(text.replace(/(?<=\p{L})-(?=\p{L})/gu, ' '))).map(stem);

const titleNameCache = new WeakMap<CorpusDocument, string[][]>();

/**
 * How a text names a plan by its title, in any inflection, for a plan whose title has no district:
 * the title's lead («handlingsplanen psykisk helse og rus»), or its words after «handlingsplan» followed by
 * «plan» («psykisk helse og rus-planen»). Stem sequences, worked out once per plan.
 */
function titleNames(doc: CorpusDocument): string[][] {
  const cached = titleNameCache.get(doc);
  if (cached) return cached;
  const lead = districtsIn(doc.title).length ? [] : stemsOf(titleLead(doc.title));
  const names = lead.length < 3 ? [] : [lead];
  if (names.length && /plan$/.test(lead[0]!)) names.push([...lead.slice(1), stem('plan')]);
  titleNameCache.set(doc, names);
  return names;
}

const contains = (seq: string[], sub: string[]) => seq.some((_, i) => sub.every((w, j) => seq[i + j] === w));

const periodNameCache = new WeakMap<Corpus, Map<CorpusDocument, RegExp>>();

/** A plan's period written in a text («planen 2022-2024», «2022–24»), when it is the only plan with that period. */
function periodNames(corpus: Corpus): Map<CorpusDocument, RegExp> {
  const cached = periodNameCache.get(corpus);
  if (cached) return cached;
  const key = (d: CorpusDocument) => `${d.period.from}-${d.period.to}`;
  const count = new Map<string, number>();
  for (const d of corpus.documents) count.set(key(d), (count.get(key(d)) ?? 0) + 1);
  const names = new Map(corpus.documents.filter((d) => count.get(key(d)) === 1).map((d) => [d, periodSpan(d)]));
  periodNameCache.set(corpus, names);
  return names;
}

/**
 * The plans a text names — the one reader of it for search, the plan-period answer and follow-ups:
 * by district («på Løkka»), by a name the plan goes by («Tryggere liv», «byens plan»), by its title
 * («handlingsplanen psykisk helse og rus») or by a period no other plan has («planen 2022–2024»).
 */
export function plansNamedIn(text: string, corpus: Corpus): CorpusDocument[] {
  const named = new Set<CorpusDocument>();
  for (const d of districtsIn(text)) for (const doc of documentsOf(corpus, d)) named.add(doc);
  for (const doc of documentsNamedByName(text, corpus)) named.add(doc);
  if (!named.size) for (const [doc, span] of periodNames(corpus)) if (span.test(text)) named.add(doc);
  return [...named];
}

/** Names a plan goes by beyond its district: the title's own name («Tryggere liv»), the city's plan. */
function planAliases(doc: CorpusDocument): string[] {
  const aliases: string[] = [];
  const own = planOwnName(doc);
  if (own) aliases.push(fold(own));
  if (/oslo kommune|byradet/.test(fold(doc.owner))) aliases.push(...cityPlanNames());
  return aliases;
}

/**
 * Does the folded question contain the phrase, allowing a typo or two in words of 6+ letters? A phrase of
 * two words or more may have one word between its words («byens nye plan») and end in a compound that
 * ends in its last word («byens rusplan», «byens felles handlingsplan»).
 */
function mentions(questionWords: string[], phrase: string): boolean {
  const target = words(phrase);
  const n = target.length;
  const same = (q: string, t: string) => {
    const budget = t.length >= 9 ? 2 : t.length >= 6 ? 1 : 0;
    return q === t || (budget > 0 && editDistance(q, t, budget) <= budget);
  };
  const at = (i: number, j: number, gap: boolean): boolean => {
    if (j === n) return true;
    const q = questionWords[i];
    if (q === undefined) return false;
    const t = target[j]!;
    const last = j === n - 1 && n > 1;
    if (same(q, t) || (last && t.length >= 4 && q.length >= t.length + 3 && q.endsWith(t))) {
      if (at(i + 1, j + 1, gap)) return true;
    }
    // One word between the phrase's words, once.
    return j > 0 && !gap && at(i + 1, j, true);
  };
  for (let i = 0; i + n <= questionWords.length; i++) if (at(i, 0, false)) return true;
  return false;
}

export type SignalReader = (question: string) => QuestionSignals;

/** Reads signals against one corpus; what depends only on the corpus is worked out once, here. */
export function createSignalReader(corpus: Corpus): SignalReader {
  const measureIds = new Map<string, string>();
  for (const doc of corpus.documents) for (const m of doc.measures) measureIds.set(m.id.toLowerCase(), m.id);
  const generic = new Set(terms('oslostandard standard for arbeid i bydelene med overordnet'));
  const references = [...new Set(corpus.documents.flatMap((d) => d.measures.flatMap((m) => m.references)))].map((ref) => ({
    ref,
    distinct: [...new Set(terms(ref))].filter((t) => !generic.has(t)),
  }));

  return (question) => {
    const folded = fold(question);

    // Districts (src/search/districts.ts: longest names first, misspelled too; Søndre Nordstrand is not Nordstrand),
    // the plans' names, titles and periods.
    const documentIds = new Set(plansNamedIn(question, corpus).map((d) => d.id));

    // Measure ids: «10S», «2.2.2», «tiltak 11» — only ids some plan has.
    const named = new Set<string>();
    for (const m of folded.matchAll(/\b(\d{1,2}\s?[fs])\b/g)) named.add(m[1]!.replace(/\s/, ''));
    for (const m of folded.matchAll(/\b(\d+\.\d+\.\d+)\b/g)) named.add(m[1]!);
    for (const m of folded.matchAll(/\b(?:tiltak(?:et)?|measure)\s*(?:nr\.?|nummer|number|no\.?)?\s*(\d{1,2}[fs]?|\d+\.\d+\.\d+)\b/g)) named.add(m[1]!);
    const ids = [...named].flatMap((id) => (measureIds.has(id) ? [measureIds.get(id)!] : []));

    // References: every distinctive word of a reference the corpus cites (at least two), or most of
    // them when the question says «standard».
    const qTerms = new Set(terms(question));
    const saysStandard = /standard|prosedyre|rutine|veileder|procedure|guideline/.test(folded);
    const refs = references
      .filter(({ distinct }) => {
        if (!distinct.length) return false;
        const covered = distinct.filter((t) => qTerms.has(t) || [...qTerms].some((q) => q.length > 5 && q.includes(t))).length;
        return (covered === distinct.length && (distinct.length >= 2 || saysStandard)) || (saysStandard && covered / distinct.length >= 0.5);
      })
      .map((r) => r.ref);

    const years = [...folded.matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]));
    return { documentIds: [...documentIds], measureIds: ids, references: refs, current: CURRENT.test(folded), years, aboutPlan: documentIds.size > 0 && asksAboutPlanPeriod(question) };
  };
}
