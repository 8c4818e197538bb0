import { citationUrl, pageLabel } from '../../answer/citations.js';
import type { Answer, Citation } from '../../answer/types.js';
import { labelsFor } from './labels.js';
import { escapeCardText, truncate } from './text.js';

/**
 * The sources as an Adaptive Card, so a client that does not show citations (mobile, older
 * clients, the Emulator) still reads each source's plan, measure, responsible unit, period and
 * the standards it points to. The same card, for one source, fills a citation's detail view.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Characters of a measure's text shown in the card. */
const MAX_CARD_TEXT = 600;

type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: Element[];
  actions?: Element[];
}

function sourceBlock(c: Citation, position: number, language: Answer['language']): Element[] {
  const l = labelsFor(language);
  const facts: Array<{ title: string; value: string } | null> = [
    c.measureId ? { title: l.measure, value: c.measureId } : null,
    c.section ? { title: l.section, value: c.section } : null,
    c.page ? { title: language === 'en' ? 'Page' : 'Side', value: pageLabel(c, language) } : null,
    c.responsible.length ? { title: l.responsible, value: c.responsible.join(', ') } : null,
    c.accountable.length ? { title: l.accountable, value: c.accountable.join(', ') } : null,
    { title: l.period, value: c.expired ? `${c.period} (${l.expired})` : c.period },
    c.references.length ? { title: l.references, value: c.references.join('; ') } : null,
  ];
  const factSet = facts
    .filter((f) => f !== null)
    .map((f) => ({ title: f.title, value: escapeCardText(f.value) }));
  const blocks: Element[] = [
    {
      type: 'TextBlock',
      text: `[${position}] ${escapeCardText(c.documentTitle)}`,
      weight: 'Bolder',
      wrap: true,
      separator: position > 1,
      spacing: 'Medium',
    },
    { type: 'FactSet', facts: factSet },
    { type: 'TextBlock', text: escapeCardText(truncate(c.text, MAX_CARD_TEXT)), wrap: true, isSubtle: true },
  ];
  if (c.url) {
    blocks.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: l.open, url: citationUrl(c)! }] });
  }
  return blocks;
}

const card = (body: Element[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
});

/** The sources list under an answer, numbered like the `[n]` markers. */
export function sourcesCard(citations: Citation[], language: Answer['language']): AdaptiveCard {
  return card([
    { type: 'TextBlock', text: labelsFor(language).sources, weight: 'Bolder', size: 'Medium' },
    ...citations.flatMap((c, i) => sourceBlock(c, i + 1, language)),
  ]);
}

/** One source, for the detail view of citation `[position]`. */
export function citationCard(c: Citation, position: number, language: Answer['language']): AdaptiveCard {
  return card(sourceBlock(c, position, language));
}

export function sourcesAttachment(citations: Citation[], language: Answer['language']) {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: sourcesCard(citations, language) };
}
