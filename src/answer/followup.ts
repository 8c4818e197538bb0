import { contentWords, fold } from '../search/tokenize.js';
import { districtsIn, inDistricts, withoutDistrictNames, withoutDistricts } from '../search/districts.js';
import { topicalWords } from './refusal.js';
import type { Turn } from './types.js';

/**
 * Follow-up questions: «Og på Nordstrand?», «Får alle en fast kontaktperson der?» or «Hvem er ansvarlig?» mean little alone. With the
 * thread's earlier turns (already redacted) they become a whole question for retrieval.
 */

const CONTINUATION = /^(?:ok(?:ei|ay)?,?\s+)?(?:og|men|hva med|hvordan med|samme|også|and|what about|how about|same)\b/i;
/** «der», «there»: the place of the earlier question. */
const PLACE = /\s*\b(?:der|dit|there)\b(?=\s*\??$)/i;
/** «det», «it»: the matter of the earlier question. */
const DEICTIC = /\b(?:der|dit|den|det|dem|de|disse|dette|denne|there|that|those|them|it|(?:de|disse) to|(?:those|these|the) two|begge|both)\b\s*\??$|\b(?:it|that|this|det|dette|den)\b\s+(?:out|ut)\b|\b(?:for|om|med|til|av)\s+(?:det|dette|den|denne|dem|disse|that|this|it)(?:\s+da)?(?=\s*(?:[,?.!]|og\b|and\b|$))/i;

export interface Resolved {
  /** The question to retrieve with. */
  query: string;
  /** True when earlier turns were used. */
  usedHistory: boolean;
  /** What was carried over from the thread, for the answer to say: the matter and/or the district. */
  carried?: { topic?: string; district?: string };
}

/** «er det startet?», «has it started?»: a question about the status of the matter under discussion. */
const STATUS = /^\s*(?:og\s+|men\s+|ok,?\s+)?(?:er|har|blir|ble)\s+(?:det|den|dette|de|disse)\s+(?:\p{L}+\s+)?(?:startet|begynt|kommet i ?gang|i ?gang|ferdig|gjennomført|påbegynt|satt i ?gang|innført|videreført)\b|\b(?:has|is|was|did)\s+(?:it|that|this|they)\s+(?:\p{L}+\s+)?(?:started|begun|running|done|finished|implemented|happen\w*)\b/iu;

/** The matter of an earlier question in a few words («nalokson nesespray»), for «Om …:». */
function topicOf(question: string): string {
  // As the asker wrote the words («pårørende»), not as they are read (folded: «parorende»).
  const written = new Map((question.match(/\p{L}+/gu) ?? []).map((w) => [fold(w), w.toLowerCase()]));
  return topicalWords(withoutDistricts(question))
    .map((t) => written.get(t.word) ?? t.word)
    .slice(0, 4)
    .join(' ');
}

/** «Tiltak N30 i «Ruspolitisk handlingsplan …, Bydel Nordstrand»», «Measure 7S»: how an answer names the measure it gives. */
const CITED_MEASURE = /\b(?:tiltak|measure)\s+((?:N)?\d{1,2}[FS]?|\d\.\d\.\d)(?![\p{L}\d.])/iu;

/** The measure the assistant's last answer gave first, and the district of its plan. */
function measureAnswered(history: Turn[]): { id: string; district?: string } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const t = history[i]!;
    if (t.role === 'user') return null;
    const m = t.text.match(CITED_MEASURE);
    if (!m) continue;
    const after = t.text.slice(m.index! + m[0].length, m.index! + m[0].length + 200);
    const [district] = districtsIn(after.split('\n')[0]!);
    return { id: m[1]!.toUpperCase(), ...(district ? { district } : {}) };
  }
  return null;
}

function lastUserQuestion(history: Turn[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const t = history[i]!;
    if (t.role === 'user' && /[\p{L}]/u.test(t.text)) return t.text;
  }
  return null;
}

/** «den planen», «denne handlingsplanen», «that plan»: the plan the thread was about. */
const PLAN_REF = /\b(?:den|denne|samme)\s+\p{L}*plan(?:en)?\b|\b(?:that|this|the same|the)\s+plan\b/iu;

/** The plan the thread's last turns name: a district, or a plan by the name `planName` reads («Tryggere liv»). */
function planOfThread(history: Turn[], planName: (text: string) => string | null): { district?: string; plan?: string } | null {
  for (let i = history.length - 1; i >= 0 && i >= history.length - 2; i--) {
    const text = history[i]!.text;
    const [district] = districtsIn(text);
    if (district) return { district };
    const plan = planName(text);
    if (plan) return { plan };
  }
  return null;
}

/**
 * @param opts.planName the plan a text names, by the name a question can carry («Tryggere liv»), for a
 *   follow-up that points to «den planen» (search/signals.ts plansNamedIn reads it).
 */
export function resolveFollowUp(question: string, history: Turn[] | undefined, opts: { planName?: (text: string) => string | null } = {}): Resolved {
  if (!history?.length) return { query: question, usedHistory: false };
  const previous = lastUserQuestion(history);
  if (!previous) return { query: question, usedHistory: false };
  const newPlaces = districtsIn(question);
  // «Hvilken periode gjelder den planen for?»: the plan the thread was about.
  if (PLAN_REF.test(question) && !newPlaces.length) {
    const plan = planOfThread(history, opts.planName ?? (() => null));
    if (plan?.district) return { query: inDistricts(question, [plan.district]), usedHistory: true, carried: { district: plan.district } };
    if (plan?.plan) return { query: `${question.replace(/\?\s*$/, '')} i ${plan.plan}?`, usedHistory: true, carried: { topic: plan.plan } };
  }
  // «Nordstrand da?»: nothing but a place and small words leans on the thread too.
  const onlyPlace = newPlaces.length > 0 && contentWords(withoutDistricts(question)).every((w) => w.length <= 2 || ['da', 'bydel', 'bydelen'].includes(w));
  // «Hvem er ansvarlig?»: a question with no matter of its own is about the earlier one.
  const noMatter = topicalWords(question).length === 0;
  const isFollowUp = CONTINUATION.test(question) || DEICTIC.test(question) || STATUS.test(question) || onlyPlace || noMatter;
  if (!isFollowUp) return { query: question, usedHistory: false };

  const oldPlaces = districtsIn(previous);
  if (newPlaces.length) {
    // «Og på Nordstrand?» — the earlier question, asked about the new district.
    const base = withoutDistrictNames(previous);
    const rest = question.replace(CONTINUATION, '').trim();
    return { query: `${base.replace(/\s+/g, ' ').trim()} ${rest}`.trim(), usedHistory: true, carried: { topic: topicOf(previous) || undefined } };
  }
  // «Får alle en fast kontaktperson der?» — the new question, asked about the earlier question's district.
  if (PLACE.test(question) && oldPlaces.length) {
    const where = oldPlaces.map((p) => `Bydel ${p}`).join(' og ');
    return { query: `${question.replace(PLACE, '').replace(/\?\s*$/, '').trim()} i ${where}?`, usedHistory: true, carried: { district: oldPlaces.join(' og ') } };
  }
  // «Hvem har ansvaret?», «er det startet?» after an answer that gave a measure: about that measure.
  const measure = noMatter || STATUS.test(question) || DEICTIC.test(question) ? measureAnswered(history) : null;
  if (measure) {
    const district = measure.district ?? (oldPlaces.join(' og ') || undefined);
    return {
      query: `${question.replace(DEICTIC, '').replace(/\?\s*$/, '').trim()} tiltak ${measure.id}${district ? ` i Bydel ${district}` : ''}?`,
      usedHistory: true,
      carried: { topic: `tiltak ${measure.id}`, district },
    };
  }
  // «Og hvem gjør det?» — the new question, about what the earlier one was about. The new question stays a
  // clause of its own («er det startet? og hvor lenge gjelder planen?» then the earlier question): what it asks
  // of the plan's period is not read into the earlier question's matter.
  const asked = question.replace(DEICTIC, '').trim();
  return {
    query: `${asked && !/[?.!]$/u.test(asked) ? `${asked}?` : asked} ${previous}`.trim(),
    usedHistory: true,
    carried: { topic: topicOf(previous) || undefined, district: oldPlaces.join(' og ') || undefined },
  };
}
