import type { Parser } from '../types.js';

/** PLACEHOLDER: the parser for the «sections» layout replaces this. */
export const parseSections: Parser = () => ({ sections: [], measures: [] });
