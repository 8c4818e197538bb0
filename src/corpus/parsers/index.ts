import { hasPageMarks, withoutPageMarks } from '../pages.js';
import type { Layout, Parser } from '../types.js';
import { parseGamleOslo } from './gamle-oslo.js';
import { parseGrunerlokka } from './grunerlokka.js';
import { parseNordstrand } from './nordstrand.js';
import { parseSections } from './sections.js';
import { parseTryggereLiv } from './tryggere-liv.js';
import { parseGeneric } from './generic.js';

/** One parser per plan layout; corpus/manifest.yaml names the layout of each document. */
const parsers: Record<Layout, Parser> = {
  'gamle-oslo': parseGamleOslo,
  'tryggere-liv': parseTryggereLiv,
  grunerlokka: parseGrunerlokka,
  nordstrand: parseNordstrand,
  sections: parseSections,
  generic: parseGeneric,
};

/** The parser of a layout. Only the generic parser reads page marks; the others get the text without them. */
export function parserFor(layout: Layout): Parser {
  const parser = parsers[layout];
  if (layout === 'generic') return parser;
  return (text, entry) => parser(hasPageMarks(text) ? withoutPageMarks(text) : text, entry);
}
