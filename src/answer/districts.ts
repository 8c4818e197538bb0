import { fold } from '../search/tokenize.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';

/**
 * The districts (bydeler) of Oslo a question can name, and the plans that belong to them.
 * «Søndre Nordstrand» is its own district and never matches Bydel Nordstrand's plan.
 */

export const DISTRICTS = [
  'Alna', 'Bjerke', 'Frogner', 'Gamle Oslo', 'Grorud', 'Grünerløkka', 'Nordre Aker', 'Nordstrand', 'Sagene',
  'St. Hanshaugen', 'Stovner', 'Søndre Nordstrand', 'Ullern', 'Vestre Aker', 'Østensjø',
] as const;
export type District = (typeof DISTRICTS)[number];

const PATTERNS = DISTRICTS.map((name) => {
  const f = fold(name).replace(/\./g, '\\.?').replace(/ /g, '\\s*');
  return { name, re: new RegExp(`(?<![\\p{L}])${f}s?(?![\\p{L}])`, 'u'), len: name.length };
}).sort((a, b) => b.len - a.len);

function scan(text: string): { found: District[]; rest: string } {
  let rest = fold(text).replace(/\bgrunerlokka|\blokka\b/g, 'grunerlokka');
  const found: District[] = [];
  for (const p of PATTERNS) {
    if (p.re.test(rest)) {
      found.push(p.name);
      rest = rest.replace(new RegExp(p.re.source, 'gu'), ' ');
    }
  }
  return { found, rest };
}

/** The districts a text names, longest name first, each once (Søndre Nordstrand hides Nordstrand). */
export function districtsIn(text: string): District[] {
  return scan(text).found;
}

/** The text (folded) with the districts it names taken out. */
export function withoutDistricts(text: string): string {
  return scan(text).rest;
}

/** The plans whose owner is the district («Bydel Nordstrand»). */
export function documentsOf(corpus: Corpus, district: District): CorpusDocument[] {
  const want = fold(`bydel ${district}`);
  return corpus.documents.filter((d) => fold(d.owner) === want || fold(d.owner).startsWith(`${want} `));
}
