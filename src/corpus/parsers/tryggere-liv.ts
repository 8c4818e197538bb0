import type { Parser } from '../types.js';

/** PLACEHOLDER: the parser for the «tryggere-liv» layout replaces this. */
export const parseTryggereLiv: Parser = () => ({ sections: [], measures: [] });
