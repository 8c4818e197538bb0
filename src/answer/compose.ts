import type { GlossaryEntry } from '../corpus/types.js';
import { isDistrictPlan } from '../search/districts.js';
import { titleLead } from '../search/signals.js';
import type { Language } from '../search/language.js';
import type { Citation } from './types.js';

/**
 * The extractive answer's wording, bokmål and English: the responsible unit(s) first, then what the
 * measure says, its id, the plan and its period, and the standard or procedure it points to.
 * Only what the citations hold is said; [n] points to citation n.
 */

const MAX_QUOTE = 220;
/** A unit's measures listed in one answer (and cited); the rest are counted. */
export const MAX_LISTED = 8;

/**
 * A text cut to chat length: at the last full sentence that fits when that keeps most of it, else on a
 * word boundary with « …» — never inside a word.
 */
export function shorten(text: string, max = MAX_QUOTE): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max + 1);
  const sentenceEnd = Math.max(...[...cut.matchAll(/[.!?](?= )/g)].map((m) => m.index!));
  if (sentenceEnd >= max * 0.4) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : t.slice(0, max)).replace(/[\s,.;:–-]+$/, '')} …`;
}

export function quote(text: string, lang: Language): string {
  return lang === 'en' ? `“${text}”` : `«${text}»`;
}

export function listJoin(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'en' ? 'and' : 'og';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** «2021–2023, perioden er utløpt»: a plan's period, with its end said inline where it has passed. */
const periodNb = (period: string, expired: boolean) => `${period}${expired ? ', perioden er utløpt' : ''}`;
const periodEn = (period: string, expired: boolean) => `${period}${expired ? ', period ended' : ''}`;

const T = {
  nb: {
    responsible: (units: string) => `Ansvarlig: ${units}.`,
    noUnit: 'Planen oppgir ingen ansvarlig enhet for dette.',
    named: (units: string) => `Avsnittet nevner ${units}.`,
    alsoMeasure: 'og',
    measure: (id: string) => `Tiltak ${id}`,
    passage: (section: string) => `Avsnitt «${section}»`,
    period: periodNb,
    inPlan: (title: string, period: string, expired: boolean) => `i «${title}» (${periodNb(period, expired)})`,
    refersTo: (refs: string) => `Viser til ${refs}.`,
    /** The accountable unit: a byrådsavdeling (SET, HLS, UTD) in the city-wide plan, a department of the bydel in a district's plan. */
    accountable: (unit: string, cityWide: boolean) => `${cityWide ? 'byrådsavdeling' : 'avdeling'} ${unit}`,
    unitLead: (unit: string, n: number) => `${unit} står som ansvarlig for ${n} tiltak i planene:`,
    unitTextLead: (unit: string, n: number) =>
      `Planene nevner ${unit} i ${n} tiltak, uten å oppgi enheten som ansvarlig:`,
    more: (n: number) => `… og ${n} til.`,
    referenceLead: (ref: string, n: number) => `${ref} nevnes i ${n} ${n === 1 ? 'plan' : 'planer'}:`,
    standardsLead: (n: number) => `Oslostandardene nevnes i ${n} ${n === 1 ? 'plan' : 'planer'}:`,
    measures: (ids: string) => `tiltak ${ids}`,
    textOnly: 'i planteksten',
    glossary: (abbr: string, expansion: string, title: string) => `${abbr} står for ${expansion} (ifølge «${title}»)`,
    notExpanded: (abbr: string, plans: string) =>
      `Planene bruker «${abbr}» (${plans}), men skriver ikke ut hva forkortelsen står for, så jeg gjetter ikke.`,
    unknownAbbreviation: (abbr: string) => `Forkortelsen «${abbr}» finnes ikke i planene jeg kjenner.`,
    alsoUsed: (plans: string) => `Den brukes også i ${plans}.`,
    help:
      'Jeg svarer på spørsmål om Oslos handlingsplaner for rus og psykisk helse: hvem som har ansvaret, hvilket tiltak det gjelder, og hvilken standard eller prosedyre planene viser til. Prøv for eksempel «Hvem deler ut nalokson i Bydel Nordstrand?» eller «Hva står TSB for?».',
    empty: 'Skriv spørsmålet ditt med ord, for eksempel «Hvem har ansvar for oppsøkende arbeid med unge i Gamle Oslo?».',
    unavailable:
      'Jeg får ikke lest handlingsplanene akkurat nå. Prøv igjen om litt, og si fra til den som drifter Veileder hvis det varer.',
    measureNotFound: (id: string) => `Jeg finner ikke noe tiltak ${id} i planene jeg kjenner.`,
    sameId: (id: string, n: number) => `${n} planer har et tiltak ${id}:`,
    acrossLead: (n: number) => (n === 1 ? 'Én plan har et tiltak om dette:' : `${n} planer har tiltak om dette:`),
    acrossSilent: (plans: string) => `${plans}: jeg finner ikke noe om dette der.`,
    listLead: (n: number, plan: string) => `Jeg finner ${n} tiltak om dette i ${plan}:`,
    cityWide: 'byens felles plan',
    carried: (topic: string | undefined, district: string | undefined) =>
      `${topic ? `Om ${topic}` : 'Om det samme'}${district ? `, i Bydel ${district}` : ''}:`,
    channelDistrict: (district: string) => `Svar for Bydel ${district}, som denne kanalen hører til, og byens felles plan:`,
    otherPlace: (place: string) =>
      `Jeg kjenner bare handlingsplanene til Oslo kommune og bydelene, ikke planer fra ${place}. Spør gjerne om det Oslos planer sier om saken.`,
    noPlanOf: (districts: string) =>
      `Jeg har ingen handlingsplan for Bydel ${districts} blant kildene mine. Spør gjerne om byens felles plan (Tryggere liv) eller en bydel jeg har plan for.`,
    noPlan: (districts: string, then: 'city' | 'plans' | 'nothing') =>
      `Jeg har ingen handlingsplan for Bydel ${districts}${{ city: '. Dette sier byens felles plan:', plans: '. Dette sier planene jeg har:', nothing: ', og byens felles plan sier ikke noe om dette.' }[then]}`,
  },
  en: {
    responsible: (units: string) => `Responsible: ${units}.`,
    noUnit: 'The plan names no responsible unit for this.',
    named: (units: string) => `The section names ${units}.`,
    alsoMeasure: 'and',
    measure: (id: string) => `Measure ${id}`,
    passage: (section: string) => `Section “${section}”`,
    period: periodEn,
    inPlan: (title: string, period: string, expired: boolean) => `in “${title}” (${periodEn(period, expired)})`,
    refersTo: (refs: string) => `Refers to ${refs}.`,
    accountable: (unit: string, cityWide: boolean) => `${cityWide ? 'city department' : 'department'} ${unit}`,
    unitLead: (unit: string, n: number) => `${unit} is responsible for ${n} measure${n === 1 ? '' : 's'} in the plans:`,
    unitTextLead: (unit: string, n: number) =>
      `The plans mention ${unit} in ${n} measure${n === 1 ? '' : 's'} without naming it as responsible:`,
    more: (n: number) => `… and ${n} more.`,
    referenceLead: (ref: string, n: number) => `${ref} is referred to in ${n} plan${n === 1 ? '' : 's'}:`,
    standardsLead: (n: number) => `The Oslo standards are referred to in ${n} plan${n === 1 ? '' : 's'}:`,
    measures: (ids: string) => `measure${ids.includes(',') || ids.includes(' and ') ? 's' : ''} ${ids}`,
    textOnly: 'in the plan text',
    glossary: (abbr: string, expansion: string, title: string) => `${abbr} stands for “${expansion}” (according to “${title}”)`,
    notExpanded: (abbr: string, plans: string) =>
      `The plans use “${abbr}” (${plans}) but do not spell out what it stands for, so I will not guess.`,
    unknownAbbreviation: (abbr: string) => `The abbreviation “${abbr}” does not appear in the plans I know.`,
    alsoUsed: (plans: string) => `It is also used in ${plans}.`,
    help: 'I answer questions about Oslo’s action plans on drugs and mental health: who is responsible, which measure applies and which standard or procedure the plans refer to. Try for example “Who hands out naloxone in Nordstrand?” or “What does TSB stand for?”.',
    empty: 'Please write your question in words, e.g. “Who is responsible for outreach work with young people in Gamle Oslo?”.',
    unavailable: 'I cannot read the action plans right now. Please try again shortly, and tell whoever runs Veileder if it persists.',
    measureNotFound: (id: string) => `I cannot find a measure ${id} in the plans I know.`,
    sameId: (id: string, n: number) => `${n} plans have a measure ${id}:`,
    acrossLead: (n: number) => (n === 1 ? 'One plan has a measure on this:' : `${n} plans have measures on this:`),
    acrossSilent: (plans: string) => `${plans}: I find nothing on this there.`,
    listLead: (n: number, plan: string) => `I find ${n} measures on this in ${plan}:`,
    cityWide: 'the city-wide plan',
    carried: (topic: string | undefined, district: string | undefined) =>
      `${topic ? `On ${topic}` : 'On the same matter'}${district ? `, in Bydel ${district}` : ''}:`,
    channelDistrict: (district: string) => `Answering for Bydel ${district}, the district this channel belongs to, and the city-wide plan:`,
    otherPlace: (place: string) =>
      `I only know the action plans of the City of Oslo and its districts, not plans from ${place}. Feel free to ask what Oslo's plans say on the matter.`,
    noPlanOf: (districts: string) =>
      `I have no action plan for Bydel ${districts} among my sources. Try the city-wide plan (Tryggere liv) or a district I have a plan for.`,
    noPlan: (districts: string, then: 'city' | 'plans' | 'nothing') =>
      `I have no action plan for Bydel ${districts}${{ city: '. This is what the city-wide plan says:', plans: '. This is what the plans I have say:', nothing: ', and the city-wide plan does not cover this.' }[then]}`,
  },
} as const;

export type Messages = (typeof T)['nb'];
export function messages(lang: Language): Messages {
  return T[lang] as Messages;
}

/**
 * «Velferdsetaten (byrådsavdeling SET)», «NAV ved Helse, mestring og bolig (avdeling Oppvekst og
 * velferd)» — responsible units, the accountable unit in brackets, labelled for what it is in its plan.
 */
export function unitPhrase(c: Citation, lang: Language): string | null {
  const t = messages(lang);
  const accountable = c.accountable
    .filter((a) => !c.responsible.includes(a))
    .map((a) => (/^avdeling\b/i.test(a) ? a : t.accountable(a, !isDistrictPlan(c))));
  const extra = accountable.length ? listJoin(accountable, lang) : null;
  if (c.responsible.length) return extra ? `${listJoin(c.responsible, lang)} (${extra})` : listJoin(c.responsible, lang);
  return extra;
}

/** Who a citation says carries it: a measure's responsible unit (or that it names none), the units a passage names ('' when none). */
function carriedBy(c: Citation, lang: Language): string {
  const t = messages(lang);
  const units = unitPhrase(c, lang);
  if (c.measureId) return units ? t.responsible(units) : t.noUnit;
  return c.named?.length ? t.named(listJoin(c.named, lang)) : '';
}

/** What a line of a list quotes of a citation: its excerpt (passage) or text, shortened for a list. */
function listQuote(c: Citation, lang: Language): string {
  return quote(shorten(c.excerpt ?? c.text, 160), lang);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** One citation as two lines: who, what [n]; which measure in which plan, and what it refers to. */
export function describeCitation(c: Citation, n: number, lang: Language, planNamedBefore = false): string {
  const t = messages(lang);
  const head = carriedBy(c, lang);
  const what = c.measureId ? t.measure(c.measureId) : t.passage(c.section ?? c.documentTitle);
  // A plan is named in full at its first mention in an answer, short (owner) after that.
  const plan = planNamedBefore ? `${lang === 'en' ? 'in' : 'i'} ${shortPlanName(c, lang)}` : t.inPlan(c.documentTitle, c.period, c.expired);
  const where = `${what} ${plan}: ${quote(shorten(c.excerpt ?? c.text), lang)} [${n}]`;
  const refs = c.references.length ? ` ${t.refersTo(listJoin(c.references, lang))}` : '';
  return `${head ? `${head} ` : ''}${where}${refs}`;
}

export function composeMeasures(citations: Citation[], lang: Language, max = 3): string {
  const named = new Set<string>();
  return citations
    .slice(0, max)
    .map((c, i) => {
      const line = describeCitation(c, i + 1, lang, named.has(c.documentId));
      named.add(c.documentId);
      return line;
    })
    .join('\n');
}

/** A unit's measures, listed briefly per plan. */
export function composeUnit(unit: string, citations: Citation[], byText: boolean, lang: Language): string {
  const t = messages(lang);
  const lead = byText ? t.unitTextLead(unit, citations.length) : t.unitLead(unit, citations.length);
  const lines = citations
    .slice(0, MAX_LISTED)
    .map((c, i) => `– ${t.measure(c.measureId ?? '?')} (${c.documentTitle}, ${t.period(c.period, c.expired)}): ${shorten(c.text, 120)} [${i + 1}]`);
  if (citations.length > MAX_LISTED) lines.push(t.more(citations.length - MAX_LISTED));
  return [lead, ...lines].join('\n');
}

/** Every plan (and its measures) that refers to a standard or procedure. */
/**
 * @param reference the reference asked about; null: the Oslo standards as a whole, each measure followed
 *   by the standards it names (`named`).
 */
export function composeReference(reference: string | null, citations: Citation[], lang: Language, opts: { named?: (ref: string) => boolean } = {}): string {
  const t = messages(lang);
  // Per plan: each measure with who carries it («tiltak 17S, Ansvarlig: Velferdsetaten (byrådsavdeling SET)»).
  const byPlan = new Map<string, { title: string; period: string; items: string[]; n: number[] }>();
  citations.forEach((c, i) => {
    const p = byPlan.get(c.documentId) ?? { title: c.documentTitle, period: t.period(c.period, c.expired), items: [], n: [] };
    if (c.measureId) {
      const units = unitPhrase(c, lang);
      const refs = opts.named ? c.references.filter(opts.named) : [];
      p.items.push(`${t.measures(c.measureId)}${units ? `, ${t.responsible(units).replace(/\.$/, '')}` : ''}${refs.length ? ` (${listJoin(refs, lang)})` : ''}`);
    } else if (c.section && c.section !== c.documentTitle) {
      // A passage that names it: where, what it says there, and the units it names (who to ask).
      const who = carriedBy(c, lang);
      p.items.push(`${lowerFirst(t.passage(c.section))}: ${listQuote(c, lang)}${who ? ` ${who}` : ''}`);
    }
    p.n.push(i + 1);
    byPlan.set(c.documentId, p);
  });
  const lines = [...byPlan.values()].map((p) => `– ${p.title} (${p.period}): ${p.items.length ? p.items.join('; ') : t.textOnly} ${p.n.map((n) => `[${n}]`).join('')}`);
  return [reference === null ? t.standardsLead(byPlan.size) : t.referenceLead(reference, byPlan.size), ...lines].join('\n');
}

export function composeGlossary(
  abbreviation: string,
  entry: GlossaryEntry | null,
  citations: Citation[],
  lang: Language,
): string {
  const t = messages(lang);
  const plans = [...new Set(citations.map((c) => c.documentTitle))];
  // The measures that use it, with who carries them: what a new colleague needs next.
  const measures = citations
    .map((c, i) => ({ c, n: i + 1 }))
    .filter(({ c }) => c.measureId && unitPhrase(c, lang))
    .slice(0, 3)
    .map(({ c, n }) => `– ${t.measure(c.measureId!)} (${shortPlanName(c, lang)}): ${t.responsible(unitPhrase(c, lang)!)} [${n}]`);
  if (entry?.expansion && citations[0]) {
    const used = plans.slice(1);
    return [
      `${t.glossary(entry.abbreviation, entry.expansion, citations[0].documentTitle)} [1].`,
      ...(used.length ? [t.alsoUsed(listJoin(used.map((p) => quote(p, lang)), lang))] : []),
      ...measures,
    ].join('\n');
  }
  if (plans.length) return [t.notExpanded(abbreviation, listJoin(plans.map((p) => quote(p, lang)), lang)), ...measures].join('\n');
  return t.unknownAbbreviation(abbreviation);
}

/**
 * A plan named short, for lists and after its first mention: the district for a district's plan
 * («Bydel Nordstrand»), else its title up to the subtitle («Tryggere liv», marked as the city's plan).
 */
export function shortPlanName(c: Pick<Citation, 'owner' | 'documentTitle'>, lang: Language): string {
  if (/^Bydel \p{Lu}/u.test(c.owner)) return c.owner;
  const name = titleLead(c.documentTitle);
  return isDistrictPlan(c) ? name : `${name}, ${messages(lang).cityWide}`;
}

/** The measures of one plan on a matter, one line each with who carries it («hvilke tiltak har Gamle Oslo om bolig?»). */
export function composeList(citations: Citation[], lang: Language): string {
  const t = messages(lang);
  const lines = citations.map((c, i) => `– ${t.measure(c.measureId ?? '?')}: ${listQuote(c, lang)} ${carriedBy(c, lang)} [${i + 1}]`);
  return [t.listLead(citations.length, `${quote(citations[0]!.documentTitle, lang)} (${t.period(citations[0]!.period, citations[0]!.expired)})`), ...lines].join('\n');
}

/**
 * A question across plans: each plan's best measure, the plan named short, its unit, what it says.
 * @param silent plans the question named that have nothing on it (a comparison of named plans): said last.
 */
export function composeAcross(citations: Citation[], lang: Language, silent: Pick<Citation, 'owner' | 'documentTitle'>[] = []): string {
  const t = messages(lang);
  const lines = citations.map((c, i) => {
    const what = c.measureId ? t.measure(c.measureId) : t.passage(c.section ?? c.documentTitle);
    const carried = carriedBy(c, lang);
    const who = carried ? ` ${carried}` : '';
    // A plan's other citations (its measures after the first) go under the plan's first line.
    const samePlan = i > 0 && citations[i - 1]!.documentId === c.documentId;
    const lead = samePlan ? `  ${t.alsoMeasure}` : `– ${shortPlanName(c, lang)} (${t.period(c.period, c.expired)}):`;
    return `${lead} ${samePlan ? lowerFirst(what) : what}: ${listQuote(c, lang)}${who} [${i + 1}]`;
  });
  const none = silent.length ? [`– ${t.acrossSilent(listJoin(silent.map((d) => shortPlanName(d, lang)), lang))}`] : [];
  return [t.acrossLead(new Set(citations.map((c) => c.documentId)).size), ...lines, ...none].join('\n');
}
