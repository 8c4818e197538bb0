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

export function parserFor(layout: Layout): Parser {
  return parsers[layout];
}
