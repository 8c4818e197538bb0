import type { CorpusDocument, GlossaryEntry } from './types.js';

/** PLACEHOLDER (issue 2): the glossary of abbreviations; the real one replaces this file. */
export function buildGlossary(_documents: CorpusDocument[]): GlossaryEntry[] {
  return [];
}
