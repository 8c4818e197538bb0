import { citationUrl, pageLabel } from '../../answer/citations.js';
import type { Answer, Citation } from '../../answer/types.js';
import { MAX_CARD_TEXT, citationCard } from './card.js';
import { labelsFor, type Labels } from './labels.js';
import { truncate } from './text.js';

/**
 * Teams' wire format for AI answers: the schema.org Message entity that carries the AI-generated
 * label and the citations, each bound to a `[n]` marker in the message text.
 * Limits are Teams': name ≤ 80, abstract ≤ 160, ≤ 3 keywords of ≤ 28 characters, ≤ 20 citations.
 */

export const CITATION_LIMITS = { name: 80, abstract: 160, keywords: 3, keyword: 28, citations: 20 } as const;

export interface ClientCitation {
  '@type': 'Claim';
  position: number;
  appearance: {
    '@type': 'DigitalDocument';
    name: string;
    abstract: string;
    url?: string;
    keywords: string[];
    image: { '@type': 'ImageObject'; name: 'PDF' };
    encodingFormat?: 'application/vnd.microsoft.card.adaptive';
    /** A stringified Adaptive Card with every fact of the source, shown when the citation is opened
     *  (left out when the message would be too large with it). */
    text?: string;
  };
}

export interface AiMessageEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType: ['AIGeneratedContent'];
  citation: ClientCitation[];
}

/** «Tiltak 10S», or the section for a prose passage. */
export function measureLabel(c: Citation, labels: Labels): string {
  return c.measureId ? `${labels.measure} ${c.measureId}` : (c.section ?? c.documentTitle);
}

function keywords(c: Citation, labels: Labels): string[] {
  const period = c.expired ? `${c.period}, ${labels.expired}` : c.period;
  return [[measureLabel(c, labels), pageLabel(c, labels === labelsFor('en') ? 'en' : 'nb')].filter(Boolean).join(', '), c.responsible.join(', '), period]
    .filter((k) => k.trim() !== '')
    .slice(0, CITATION_LIMITS.keywords)
    .map((k) => truncate(k, CITATION_LIMITS.keyword));
}

export interface CitationOptions {
  /** Characters of the measure's text in the detail card; null leaves the detail card out. */
  detailTextMax: number | null;
}

export function buildCitation(
  c: Citation,
  position: number,
  language: Answer['language'],
  o: CitationOptions = { detailTextMax: MAX_CARD_TEXT },
): ClientCitation {
  const labels = labelsFor(language);
  return {
    '@type': 'Claim',
    position,
    appearance: {
      '@type': 'DigitalDocument',
      name: truncate(c.documentTitle, CITATION_LIMITS.name),
      abstract: truncate(`${measureLabel(c, labels)}: ${c.text}`, CITATION_LIMITS.abstract),
      ...(c.url ? { url: citationUrl(c)! } : {}),
      keywords: keywords(c, labels),
      image: { '@type': 'ImageObject', name: 'PDF' },
      ...(o.detailTextMax === null
        ? {}
        : {
            encodingFormat: 'application/vnd.microsoft.card.adaptive' as const,
            text: JSON.stringify(citationCard(c, position, language, o.detailTextMax)),
          }),
    },
  };
}

/** The citations Teams shows: the answer's, best first, at most Teams' limit. */
export function citedSources(answer: Answer): Citation[] {
  return answer.citations.slice(0, CITATION_LIMITS.citations);
}

/** The entity that marks the message as AI-generated and carries its citations (the first `count`). */
export function buildAiMessageEntity(
  answer: Answer,
  o: CitationOptions & { count?: number } = { detailTextMax: MAX_CARD_TEXT },
): AiMessageEntity {
  const sources = citedSources(answer).slice(0, o.count);
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    citation: sources.map((c, i) => buildCitation(c, i + 1, answer.language, o)),
  };
}

/**
 * Makes sure every citation has its `[n]` marker in the (already escaped) message text: markers
 * that ask() wrote are un-escaped when they point to a citation, the missing ones are appended.
 * Markers of citations the message had to leave out (`count` < i ≤ `dropped`) are removed.
 */
export function withMarkers(escapedText: string, count: number, dropped = count): string {
  const present = new Set<number>();
  const text = escapedText.replace(/ ?\\\[(\d{1,2})\\\]/g, (whole, n: string) => {
    const i = Number(n);
    if (i > count && i <= dropped) return '';
    if (i < 1 || i > count) return whole;
    present.add(i);
    return whole.startsWith(' ') ? ` [${i}]` : `[${i}]`;
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !present.has(i));
  return missing.length ? `${text} ${missing.map((i) => `[${i}]`).join(' ')}` : text;
}
