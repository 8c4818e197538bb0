import type { Parser } from '../types.js';

/** PLACEHOLDER: the parser for the «nordstrand» layout replaces this. */
export const parseNordstrand: Parser = () => ({ sections: [], measures: [] });
