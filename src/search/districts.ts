import { districtAliases } from '../language/index.js';
import { fold } from './tokenize.js';
import { editDistance, isBokmalWord } from './vocabulary.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';

/**
 * The districts (bydeler) of Oslo a question can name, and the plans that belong to them.
 * «Søndre Nordstrand» is its own district and never matches Bydel Nordstrand's plan. Names of six
 * letters or more are found misspelled too («Nordstand», «Grunerløka»), unless the word is a bokmål word
 * of its own («sakene» is not Sagene). Short names staff use («Løkka», «BGO») are data
 * (src/language/data/district-aliases.tsv).
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

/** District names as one folded word («gamleoslo»), for typo matching; short names (Alna) match only as written. */
const FUZZY = DISTRICTS.map((name) => ({ name, key: fold(name).replace(/[^a-z]/g, '') }))
  .filter((d) => d.key.length >= 6)
  .sort((a, b) => b.key.length - a.key.length);

/** Typos a name of this length may carry: one for 6–8 letters, two from 9 («gamle olso», «Nordtsrand»). */
const maxEdits = (key: string) => (key.length >= 9 ? 2 : 1);

/** A misspelled district («Nordstand», «Grunerløka», «gamle olso»): one word or two written apart. */
function fuzzyScan(rest: string, found: District[]): string {
  const tokens = rest.match(/\p{L}+/gu) ?? [];
  for (const { name, key } of FUZZY) {
    if (found.includes(name)) continue;
    for (let i = 0; i < tokens.length; i++) {
      // A bokmål word of its own («sakene») is not a misspelled district.
      const candidates = [...(isBokmalWord(tokens[i]!) ? [] : [tokens[i]!]), ...(i + 1 < tokens.length ? [tokens[i]! + tokens[i + 1]!] : [])];
      const hit = candidates.find((c) => Math.abs(c.length - key.length) <= maxEdits(key) && editDistance(c, key, maxEdits(key)) <= maxEdits(key));
      if (!hit) continue;
      found.push(name);
      const span = hit === tokens[i] ? [tokens[i]!] : [tokens[i]!, tokens[i + 1]!];
      rest = rest.replace(new RegExp(`(?<!\\p{L})${span.join('\\s+')}(?!\\p{L})`, 'u'), ' ');
      break;
    }
  }
  return rest;
}

const ALIASES = districtAliases().map(({ alias, district, capitals }) =>
  capitals
    ? { re: new RegExp(`(?<![\\p{L}\\p{N}])${alias}(?![\\p{L}\\p{N}])`, 'gu'), to: district, folded: false }
    : { re: new RegExp(`(?<![a-z])${fold(alias)}(?![a-z])`, 'g'), to: fold(district), folded: true },
);

/** The text folded, with the districts' short names written out («Løkka» → grunerlokka, «BGO» → gamle oslo). */
function withAliases(text: string): string {
  let out = text;
  for (const a of ALIASES) if (!a.folded) out = out.replace(a.re, a.to);
  out = fold(out);
  for (const a of ALIASES) if (a.folded) out = out.replace(a.re, a.to);
  return out;
}

function scan(text: string): { found: District[]; rest: string } {
  let rest = withAliases(text);
  const found: District[] = [];
  for (const p of PATTERNS) {
    if (p.re.test(rest)) {
      found.push(p.name);
      rest = rest.replace(new RegExp(p.re.source, 'gu'), ' ');
    }
  }
  return { found, rest: fuzzyScan(rest, found) };
}

/** The districts a text names, longest name first, each once (Søndre Nordstrand hides Nordstrand). */
export function districtsIn(text: string): District[] {
  return scan(text).found;
}

/** A question asked about districts it does not name itself: «… i Bydel Nordstrand?» (a follow-up, a channel's district). */
export function inDistricts(question: string, districts: readonly string[]): string {
  return districts.length ? `${question.replace(/[?.!\s]+$/, '')} i Bydel ${districts.join(' og ')}?` : question;
}

/** The text (folded) with the districts it names taken out. */
export function withoutDistricts(text: string): string {
  return scan(text).rest;
}

/**
 * The text as written with the districts it names taken out, by whatever name it used («på Løkka»,
 * «Grunerløka», «Søndre Nordstrand»): each shortest run of up to three words that names a district.
 */
export function withoutDistrictNames(text: string): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+\.?/gu)];
  const named = (from: number, to: number) => (to <= from ? '' : districtsIn(text.slice(words[from]!.index, words[to - 1]!.index! + words[to - 1]![0].length)).join());
  const cut: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const found = named(i, i + n);
      // Every word of the run is part of the name: without its first or its last word it names another district or none.
      if (!found || named(i + 1, i + n) === found || named(i, i + n - 1) === found) continue;
      cut.push([words[i]!.index!, words[i + n - 1]!.index! + words[i + n - 1]![0].length]);
      i += n - 1;
      break;
    }
  }
  let out = text;
  for (const [from, to] of cut.reverse()) out = out.slice(0, from) + out.slice(to);
  return out.replace(/\s+/g, ' ').trim();
}

/** The plans whose owner is the district («Bydel Nordstrand»). */
export function documentsOf(corpus: Corpus, district: District): CorpusDocument[] {
  const want = fold(`bydel ${district}`);
  return corpus.documents.filter((d) => fold(d.owner) === want || fold(d.owner).startsWith(`${want} `));
}

/** A district's own plan (owner «Bydel …»), as opposed to a city-wide plan such as Tryggere liv; takes a plan or a citation of it. */
export function isDistrictPlan(plan: { owner: string }): boolean {
  return /^bydel\b/.test(fold(plan.owner));
}
