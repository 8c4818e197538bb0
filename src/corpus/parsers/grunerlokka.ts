import type { Parser } from '../types.js';

/** PLACEHOLDER: the parser for the «grunerlokka» layout replaces this. */
export const parseGrunerlokka: Parser = () => ({ sections: [], measures: [] });
