import type { Parser } from '../types.js';

/** PLACEHOLDER: the parser for the «generic» layout replaces this. */
export const parseGeneric: Parser = () => ({ sections: [], measures: [] });
