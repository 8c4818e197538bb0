import { pageOfPassage } from '../corpus/pages.js';
import { textSentences } from './sentences.js';
import type { Corpus, CorpusDocument, Measure, Section } from '../corpus/types.js';
import { formatPeriod, isExpired } from './periods.js';
import type { Citation } from './types.js';
import { unitsNamedIn } from './units.js';

/** Citations: one builder for a measure, one for a prose passage; both carry the plan's period. */

export function documentById(corpus: Corpus, id: string): CorpusDocument | undefined {
  return corpus.documents.find((d) => d.id === id);
}

function base(doc: CorpusDocument, today: Date, score: number) {
  return {
    documentId: doc.id,
    documentTitle: doc.title,
    owner: doc.owner,
    period: formatPeriod(doc.period),
    url: doc.url,
    score: Math.round(score * 1000) / 1000,
    expired: isExpired(doc.period, today),
  };
}

/** A field as a sentence: spaces collapsed, trailing commas or colons dropped, a full stop where none ends it. */
export function asSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[\s,;:–-]+$/, '');
  return !t || /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** The sentence of a passage that matches `re` (a passage's quote), else its first 300 characters. */
export function sentenceWith(text: string, re: RegExp): string {
  return textSentences(text).find((s) => re.test(s)) ?? text.slice(0, 300);
}

/**
 * The readable text of a measure: what is to be done, its description and its goal where the plan has
 * them, each a sentence («… overdoseforebyggende arbeid. Mål: Økt livskvalitet.»).
 */
export function measureText(m: Measure): string {
  const parts = [m.text];
  if (m.description && !m.text.includes(m.description)) parts.push(m.description);
  if (m.goal && !parts.some((p) => p.includes(m.goal!))) parts.push(`Mål: ${m.goal}`);
  if (m.status) parts.push(`Status: ${m.status}`);
  return parts.map(asSentence).filter(Boolean).join(' ');
}

export function measureCitation(doc: CorpusDocument, m: Measure, today: Date, score: number): Citation {
  return {
    ...base(doc, today, score),
    measureId: m.id,
    section: m.section ?? null,
    responsible: m.responsible,
    accountable: m.accountable,
    references: m.references,
    named: [],
    text: measureText(m),
    page: m.pages?.[0] ?? null,
  };
}

export function passageCitation(
  doc: CorpusDocument,
  section: Section | null,
  text: string,
  references: string[],
  today: Date,
  score: number,
): Citation {
  return {
    ...base(doc, today, score),
    measureId: null,
    section: section ? [section.number, section.title].filter(Boolean).join(' ') : doc.title,
    responsible: [],
    accountable: [],
    references,
    named: unitsNamedIn(text, section, doc),
    text: text.replace(/\s+/g, ' ').trim(),
    page: section ? pageOfPassage(section, text) : null,
  };
}

/** The units to name for a citation: responsible first, then the accountable department code. */
export function unitsToName(c: Citation): string[] {
  const out = [...c.responsible];
  for (const a of c.accountable) if (!out.includes(a)) out.push(a);
  return out;
}

/** «s. 12» (English: «p. 12») for a citation with a page; '' without. Every channel shows it so. */
export function pageLabel(c: Pick<Citation, 'page'>, language: 'nb' | 'en' = 'nb'): string {
  return c.page ? `${language === 'en' ? 'p.' : 's.'} ${c.page}` : '';
}

/** The document's address, opened at the cited page where there is one (`…/plan.pdf#page=12`). */
export function citationUrl(c: Pick<Citation, 'url' | 'page'>): string | null {
  if (!c.url) return null;
  return c.page ? `${c.url.replace(/#.*$/, '')}#page=${c.page}` : c.url;
}
