import { findReferences } from '../corpus/references.js';
import type { Corpus, GlossaryEntry } from '../corpus/types.js';
import { fold } from '../search/tokenize.js';
import { asksAcrossPlans } from './kinds/across.js';
import { asksAboutPlanPeriod } from '../search/signals.js';
import { asksAboutNewerPlan } from './kinds/plan.js';
import { topicalWords } from './refusal.js';
import { unitNamedIn } from './units.js';

/** Whether a question names a matter of its own besides the unit («… for pårørende»). */
function hasMatterBesides(question: string, unit: string): boolean {
  const own = new Set(topicalWords(unit).map((t) => t.term));
  return topicalWords(question).some((t) => !own.has(t.term) && !/^(?:ansvar|gjor|does)/.test(t.term));
}

/**
 * What kind of question this is. Four kinds are answered from the structured corpus rather than by
 * text search: an abbreviation, a reference (standard/procedure), a measure by its id, a unit's
 * measures. Everything else is a free question for retrieval.
 */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'glossary'; abbreviation: string; entry: GlossaryEntry | null; /** asks what it stands for («står for», «betyr») */ explicit: boolean }
  | { kind: 'reference'; reference: string }
  /** The Oslo standards as a whole («Hvilke Oslostandarder skal Gamle Oslo innføre?»), no one standard named. */
  | { kind: 'standards' }
  | { kind: 'measure-id'; measureId: string }
  | { kind: 'unit'; unit: string }
  | { kind: 'across' }
  /** `newer`: it asks for a newer plan than the sources hold («Har Gamle Oslo en ny handlingsplan?»). */
  | { kind: 'plan-period'; newer: boolean }
  | { kind: 'free' };

const GREETING = /^(?:hei|hallo|heisann|god (?:morgen|dag|kveld)|hello|hi|hey|takk|thanks|thank you|hjelp|help|\?)[\s!.?]*$/i;

/** «Hva står TSB for?», «Hva betyr ROP?», «What does LAR stand for?», «Hva er FACT?» */
/** Where the abbreviation is used, after the question proper: «… i Grünerløkka-planen», «… in the Nordstrand plan». */
const WHERE_USED = String.raw`(?:\s+(?:i|in|på)\s+[^?]{1,60})?`;

const ABBREVIATION_QUESTIONS = [
  new RegExp(String.raw`\bhva\s+(?:står|betyr|er)\s+(?:forkortelsen\s+)?«?"?([\p{L}][\p{L}\d-]{1,11})»?"?\s*(?:for|en forkortelse for)${WHERE_USED}\s*\??$`, 'iu'),
  /\bhva\s+(?:står|betyr|er)\s+(?:forkortelsen\s+)?«?"?([\p{L}][\p{L}\d-]{1,11})»?"?\s*(?:for|en forkortelse for)?\s*\??$/iu,
  /\bhva\s+er\s+(?:forkortelsen\s+)?«?"?([\p{L}][\p{L}\d-]{1,11})»?"?\s+en\s+forkortelse\s+for\s*\??$/iu,
  /\bforkortelsen\s+«?"?([\p{L}][\p{L}\d-]{1,11})»?"?/iu,
  /\bwhat\s+(?:does|is)\s+(?:the\s+abbreviation\s+)?«?"?([\p{L}][\p{L}\d-]{1,11})»?"?\s*(?:stand\s+for|mean)?\s*\??$/iu,
  new RegExp(String.raw`\bwhat\s+(?:does|is)\s+(?:the\s+abbreviation\s+)?«?"?([\p{L}][\p{L}\d-]{1,11})»?"?\s*(?:stand\s+for|mean)${WHERE_USED}\s*\??$`, 'iu'),
];

/** Measure ids in the plans' own forms: 10S, 4F, 2.2.2, 11. */
const MEASURE_ID = /\b(?:tiltak(?:et)?|tiltaksnummer|measure|action)\s*(?:nr\.?|nummer|no\.?|number)?\s*«?"?(\d{1,2}[FfSs]|\d(?:\.\d){1,2}|\d{1,2}|[Nn]\d{1,2})(?![\p{L}\d.])/u;
const DISTINCT_ID = /(?<![\p{L}\d.])(\d{1,2}[FS]|\d\.\d\.\d)(?![\p{L}\d.])/u;

const REFERENCE_VERBS =
  /\b(?:viser\s+til|henviser|henvis|refererer|referer|nevner|nevnes|omtaler|bruker|brukes|følger|bygger\s+på|står|inneholder|refer|mention|cite|use|follow)\w*/iu;

/** The Oslo standards in general: «Oslostandardene», «oslostandarder», «the Oslo standards», «Oslostandards». */
const ANY_STANDARD = /\boslo ?standard(?:er|ene|s)\b|\boslostandard\b(?! for)/;

const RESPONSIBILITY = /\bansvar\w*|\bansvarlig\w*|\bresponsible\b|\bin charge\b|\bhva\s+gjør\b|\bwhat does\b/iu;

function isAbbreviationLike(word: string, corpus: Corpus): boolean {
  if (/^[\p{Lu}\d-]{2,}$/u.test(word) && /\p{Lu}/u.test(word)) return true;
  return corpus.glossary.some((g) => g.abbreviation.toLowerCase() === word.toLowerCase());
}

export function classify(question: string, corpus: Corpus): Intent {
  const q = question.trim();
  if (GREETING.test(q)) return { kind: 'greeting' };

  // A bare id in the plans' distinct forms («3.3.1 grünerløkka», «10S») counts when a plan has it.
  const distinct = q.match(DISTINCT_ID);
  const isPlanId = (id: string) => corpus.documents.some((d) => d.measures.some((m) => m.id === id.toUpperCase()));
  const measure =
    q.match(MEASURE_ID) ?? (distinct && (/\btiltak|\bmeasure/i.test(q) || isPlanId(distinct[1]!)) ? distinct : null);
  if (measure) return { kind: 'measure-id', measureId: measure[1]!.toUpperCase() };

  for (const re of ABBREVIATION_QUESTIONS) {
    const m = q.match(re);
    if (!m) continue;
    const word = m[1]!;
    const explicit = /står|betyr|forkortelse|stand|mean|abbreviation/i.test(q);
    if (!explicit && !isAbbreviationLike(word, corpus)) continue;
    const entry = corpus.glossary.find((g) => fold(g.abbreviation) === fold(word)) ?? null;
    return { kind: 'glossary', abbreviation: entry?.abbreviation ?? word, entry, explicit };
  }

  const refs = findReferences(q);
  if (refs.length && (REFERENCE_VERBS.test(q) || /^(?:hvilke|hvor|which|where)\b/i.test(q))) {
    return { kind: 'reference', reference: refs[0]! };
  }
  if (!refs.length && ANY_STANDARD.test(fold(q))) return { kind: 'standards' };

  // «Hva har Velferdsetaten ansvar for?» is about a unit; «hva gjør bydelene for pårørende?» is about a matter.
  if (RESPONSIBILITY.test(q) && !/^\s*(?:hvem|who)\b/i.test(q)) {
    const unit = unitNamedIn(q, corpus);
    if (unit && !hasMatterBesides(q, unit)) return { kind: 'unit', unit };
  }
  const newer = asksAboutNewerPlan(q, { corpus });
  if (newer || asksAboutPlanPeriod(q, corpus)) return { kind: 'plan-period', newer };
  if (asksAcrossPlans(q, corpus)) return { kind: 'across' };
  return { kind: 'free' };
}
