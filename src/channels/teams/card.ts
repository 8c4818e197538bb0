import { citationUrl, pageLabel } from '../../answer/citations.js';
import type { Answer, Citation } from '../../answer/types.js';
import { labelsFor } from './labels.js';
import { escapeCardText, truncate } from './text.js';

/**
 * The sources as an Adaptive Card, so a client that does not show citations (mobile, older
 * clients, the Emulator) still reads each source's plan, measure, responsible unit, period and
 * the standards it points to. The same facts, for one source, fill a citation's detail view —
 * without the link button there: Teams renders no interactive items in a citation's card.
 * `sourceBlock` is the one place a citation's facts are rendered for both.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Characters of a measure's text shown in a card, before the size budget shortens it. */
export const MAX_CARD_TEXT = 600;

export interface SourceBlockOptions {
  /** Characters of the measure's text; 0 leaves the text out. */
  textMax: number;
  /** A button that opens the plan (only in the sources card; a citation's card shows none). */
  link: boolean;
}

type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: Element[];
  actions?: Element[];
}

/** One citation's facts as card elements: plan, measure, section, units, period, references, text. */
export function sourceBlock(c: Citation, position: number, language: Answer['language'], o: SourceBlockOptions): Element[] {
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
  ];
  if (o.textMax > 0) {
    blocks.push({ type: 'TextBlock', text: escapeCardText(truncate(c.text, o.textMax)), wrap: true, isSubtle: true });
  }
  if (o.link && c.url) {
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

export interface SourcesCardOptions {
  /** Characters of each measure's text (default MAX_CARD_TEXT; 0 leaves it out). */
  textMax?: number;
  /** Sources shown; the rest are counted in one line. Default: all. */
  limit?: number;
}

/** The sources list under an answer, numbered like the `[n]` markers. */
export function sourcesCard(citations: Citation[], language: Answer['language'], o: SourcesCardOptions = {}): AdaptiveCard {
  const l = labelsFor(language);
  const shown = citations.slice(0, o.limit ?? citations.length);
  const rest = citations.length - shown.length;
  return card([
    { type: 'TextBlock', text: l.sources, weight: 'Bolder', size: 'Medium' },
    ...shown.flatMap((c, i) => sourceBlock(c, i + 1, language, { textMax: o.textMax ?? MAX_CARD_TEXT, link: true })),
    ...(rest > 0 ? [{ type: 'TextBlock', text: `${rest} ${l.more}`, wrap: true, isSubtle: true, separator: true }] : []),
  ]);
}

/** One source, for the detail view of citation `[position]`: facts only, no buttons. */
export function citationCard(c: Citation, position: number, language: Answer['language'], textMax = MAX_CARD_TEXT): AdaptiveCard {
  return card(sourceBlock(c, position, language, { textMax, link: false }));
}

export function sourcesAttachment(citations: Citation[], language: Answer['language'], o: SourcesCardOptions = {}) {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: sourcesCard(citations, language, o) };
}
