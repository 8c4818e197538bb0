import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { loadCorpus, readManifest } from '../../src/corpus/load.js';
import { normalize, vocabularyOf } from '../../src/corpus/normalize.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import { copiesPlan, fold, plainText } from '../metrics.js';
import type { Question, Tag, Target } from '../schema.js';

/**
 * Turns what a blind writer wrote (JSON Lines: a question, its history, and for each acceptable
 * source the plan, line and a verbatim quote) into questions of the eval schema. Writers never see
 * the parsed corpus, so a quote is located in the corpus here: the quote is normalized like its
 * plan (OCR repair included), and the measure or section whose text holds most of its letter
 * 4-grams is the target. Units are mapped to the spelling the plan's parsed measure gives them.
 * Anything uncertain is printed for a human (or the checking reader) to settle.
 *
 *   npx tsx eval/bank/import.ts --batch 2026-12-01 --out eval/bank/batch-2026-12-01.yaml /work/blind/out/*.jsonl
 *   npx tsx eval/bank/import.ts --join eval/bank/batch-2026-12-01.yaml
 *
 * The first writes a batch (run it at first sight with `npm run eval -- --questions … --record …`
 * before changing anything); the second lets the batch join the bank: about 40 % of its questions, by
 * a hash of their id, go to eval/bank/sealed.yaml and the rest to eval/bank/dev.yaml.
 */

export const SEALED_SHARE = 0.4;

/** Whether a question belongs to the sealed part: a stable hash of its id, not a choice anybody makes. */
export function isSealed(id: string): boolean {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32 < SEALED_SHARE;
}

function join(batchFile: string): void {
  const batch = (parse(readFileSync(batchFile, 'utf8')) as { questions: Question[] }).questions;
  for (const [file, part] of [
    ['eval/bank/dev.yaml', batch.filter((q) => !isSealed(q.id))],
    ['eval/bank/sealed.yaml', batch.filter((q) => isSealed(q.id))],
  ] as const) {
    const old = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { questions: Question[] }).questions : [];
    const ids = new Set(old.map((q) => q.id));
    const header = file.endsWith('sealed.yaml') ? SEALED_HEADER : DEV_HEADER;
    writeFileSync(file, `${header}${stringify({ questions: [...old, ...part.filter((q) => !ids.has(q.id))] }, { lineWidth: 0 })}`);
    process.stderr.write(`${file}: ${part.length} spørsmål fra ${batchFile}\n`);
  }
}

const COMMON_HEADER = `# Blind question bank (eval/bank/): written by writers who saw only corpus/plans/ and a persona, never
# the code or other question sets; every label checked against the plan text by a second reader.
# Schema: eval/schema.ts. Made by eval/bank/import.ts; do not edit by hand except to correct a label
# that a reader finds wrong against the plan text (say so in the commit).
`;
const DEV_HEADER = `${COMMON_HEADER}# DEV part: tune on it freely.
`;
const SEALED_HEADER = `${COMMON_HEADER}# SEALED part: read only its figures (npm run eval). Do not open its failures while search or
# ask() is being changed; npm run eval never prints them.
`;

const Source = z.object({ plan: z.string(), line: z.number().int().optional(), quote: z.string().min(1) });
export const WrittenQuestion = z.object({
  id: z.string(),
  q: z.string().min(1),
  lang: z.enum(['nb', 'en']),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })).optional(),
  kind: z.string().default('measure'),
  outOfScope: z.boolean(),
  sources: z.array(Source).default([]),
  units: z.array(z.string()).default([]),
  acrossPlans: z.boolean().default(false),
  note: z.string().optional(),
  /** Set by the checking reader: ok, fixed or drop. */
  verdict: z.enum(['ok', 'fixed', 'drop']).optional(),
});
export type WrittenQuestion = z.infer<typeof WrittenQuestion>;

const grams = (text: string): Set<string> => {
  const s = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 4 <= s.length; i++) out.add(s.slice(i, i + 4));
  return out;
};
const containment = (part: Set<string>, whole: Set<string>): number => {
  if (part.size === 0) return 0;
  let n = 0;
  for (const g of part) if (whole.has(g)) n++;
  return n / part.size;
};

interface Candidate {
  target: Target;
  text: string;
  grams: Set<string>;
  units: string[];
  size: number;
}

function candidatesOf(doc: CorpusDocument): Candidate[] {
  const measures = doc.measures.map((m) => {
    const text = [m.text, m.description ?? '', m.goal ?? '', m.priority ?? '', ...m.responsible, ...m.accountable].join(' ');
    return { target: { documentId: doc.id, measureId: m.id }, text, grams: grams(text), units: [...m.responsible, ...m.accountable], size: text.length };
  });
  const sections = doc.sections.map((s) => {
    const text = `${s.title} ${s.text}`;
    return { target: { documentId: doc.id, sectionId: s.id }, text, grams: grams(text), units: [] as string[], size: text.length };
  });
  return [...measures, ...sections];
}

export interface ImportProblem {
  id: string;
  problem: string;
}

export function importQuestions(written: WrittenQuestion[], corpus: Corpus, corpusDir: string, batch: string, writer: (q: WrittenQuestion) => string) {
  const manifest = readManifest(corpusDir);
  const raws = new Map(manifest.documents.map((e) => [e.id, readFileSync(path.join(corpusDir, e.file), 'utf8')]));
  const vocabulary = vocabularyOf(manifest.documents.filter((e) => !e.ocr).map((e) => raws.get(e.id)!));
  const candidates = new Map(corpus.documents.map((d) => [d.id, candidatesOf(d)]));
  const problems: ImportProblem[] = [];
  const questions: Question[] = [];

  const planWords = [...raws.values()].map(plainText).join(' ');
  for (const w of written) {
    if (w.verdict === 'drop') continue;
    // The bank's questions paraphrase (test/eval/questions.test.ts): one that copies a plan is left out.
    if (copiesPlan(w.q, planWords)) {
      problems.push({ id: w.id, problem: 'kopierer åtte ord på rad fra en plan; utelatt' });
      continue;
    }
    const expect: Target[] = [];
    const units: string[] = [];
    let skip = false;
    for (const s of w.sources) {
      const entry = manifest.documents.find((e) => e.id === s.plan.replace(/\.txt$/, ''));
      if (!entry) {
        problems.push({ id: w.id, problem: `ukjent plan «${s.plan}»` });
        skip = true;
        continue;
      }
      const raw = raws.get(entry.id)!;
      if (!fold(raw).replace(/\s+/g, ' ').includes(fold(s.quote))) problems.push({ id: w.id, problem: `sitatet står ikke ordrett i ${entry.id}: «${s.quote}»` });
      // A quote that starts with a measure's own number («3.3.2 Ta i bruk standard for») is that measure.
      const ownId = s.quote.match(/^\s*(\d+(?:\.\d+){1,2}|\d{1,2}[FS])\b/)?.[1];
      const byId = ownId ? candidates.get(entry.id)!.find((c) => c.target.measureId === ownId) : undefined;
      if (byId) {
        if (!expect.some((t) => t.documentId === entry.id && t.measureId === ownId)) expect.push(byId.target);
        continue;
      }
      const quote = grams(normalize(s.quote, { ocr: entry.ocr, vocabulary }));
      const ranked = candidates
        .get(entry.id)!
        .map((c) => ({ c, score: containment(quote, c.grams) }))
        // Best containment; among equals a measure before a section, then the shorter (more specific) unit.
        .sort((a, b) => b.score - a.score || Number(b.c.target.measureId !== undefined) - Number(a.c.target.measureId !== undefined) || a.c.size - b.c.size);
      const best = ranked[0];
      if (!best || best.score < 0.75) {
        problems.push({ id: w.id, problem: `fant ikke sitatet i korpuset (${best?.score.toFixed(2) ?? '–'}): «${s.quote}»` });
        skip = true;
        continue;
      }
      if (!expect.some((t) => t.documentId === best.c.target.documentId && t.measureId === best.c.target.measureId && t.sectionId === best.c.target.sectionId)) {
        expect.push(best.c.target);
      }
    }
    // Units in the plan's parsed spelling: the unit of an expected measure most like the writer's.
    const targetUnits = expect.flatMap((t) => candidates.get(t.documentId)!.find((c) => c.target === t || (c.target.measureId === t.measureId && c.target.sectionId === t.sectionId))?.units ?? []);
    const targetTexts = expect.map((t) => candidates.get(t.documentId)!.find((c) => c.target.measureId === t.measureId && c.target.sectionId === t.sectionId)!);
    const ocr = expect.some((t) => manifest.documents.find((e) => e.id === t.documentId)?.ocr);
    // «Oppvekst og velferd: NAV ved Helse, mestring og bolig» is a department and its unit: each part on its own.
    // «X i samarbeid med Y» names two units.
    const plain = (t: Candidate | undefined) => (t ? fold([...t.units, t.text].join(' | ')) : '');
    const atTargets = (u: string) => targetTexts.some((c) => plain(c).includes(fold(u)));
    // A list the plan writes as one cell («Familiehuset/Oslohjelpa», «A, B, C») is several units unless the plan has it whole.
    const written = w.units
      .flatMap((u) => (u.includes(':') ? u.split(/[:.]\s+/) : [u]))
      .flatMap((u) => u.split(/\s+i samarbeid med\s+/))
      .flatMap((u) => (atTargets(u) ? [u] : u.split(/\s*[,/]\s*/))).map((u) => (ocr ? normalize(u, { ocr: true, vocabulary }) : u).trim()).filter(Boolean);
    for (const u of written) {
      const inText = atTargets(u);
      const like = targetUnits
        .map((x) => ({ x, score: Math.min(containment(grams(u), grams(x)), containment(grams(x), grams(u))) }))
        .sort((a, b) => b.score - a.score)[0];
      if (like && like.score >= 0.7) {
        if (!units.includes(like.x)) units.push(like.x);
      } else if (inText) units.push(u);
      else if (w.units.length === written.length) problems.push({ id: w.id, problem: `enheten «${u}» står ikke ved kildene ${expect.map((t) => t.measureId ?? `§${t.sectionId}`).join(', ')}` });
    }
    if (skip && expect.length === 0) continue;
    if (!w.outOfScope && expect.length === 0) {
      problems.push({ id: w.id, problem: 'i planene, men uten kilde' });
      continue;
    }
    const spans = w.acrossPlans && new Set(expect.map((t) => t.documentId)).size >= 2;
    questions.push({
      id: `${batch}-${w.id}`.toLowerCase(),
      q: w.q,
      lang: w.lang,
      expect: w.outOfScope ? [] : expect,
      units: w.outOfScope ? [] : units,
      tags: tagsOf(w),
      outOfScope: w.outOfScope,
      ...(w.history?.length ? { history: w.history } : {}),
      spansPlans: spans,
      batch,
      writer: writer(w),
    } as Question);
  }
  return { questions, problems };
}

const KIND_TAGS: Record<string, Tag> = {
  vague: 'vague',
  'follow-up': 'follow-up',
  abbreviation: 'abbreviation',
  reference: 'reference',
  period: 'period',
  unit: 'unit',
  across: 'cross-plan',
  'out-of-scope': 'near-miss',
};

/** Tags from what the writer said the question is, and from the text itself. */
function tagsOf(w: WrittenQuestion): Tag[] {
  const tags = new Set<Tag>();
  const kind = KIND_TAGS[w.kind];
  if (kind) tags.add(kind);
  if (w.history?.length) tags.add('follow-up');
  else tags.delete('follow-up');
  if (w.lang === 'en') tags.add('english');
  if (w.acrossPlans) tags.add('cross-plan');
  if (w.sources.some((s) => s.plan.startsWith('nordstrand'))) tags.add('ocr');
  if (w.lang === 'nb' && !/[æøåÆØÅ]/.test(w.q) && /\b\p{L}*(?:aa|oe|ae)\p{L}*\b/iu.test(w.q)) tags.add('no-aeoeaa');
  if (/\b(?:system|ignor\p{L}*|glem alt|forget|pretend)\b/iu.test(w.q)) tags.add('injection');
  return [...tags];
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { batch: { type: 'string' }, out: { type: 'string' }, corpus: { type: 'string', default: 'corpus' }, join: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.join) return join(values.join);
  if (!values.batch || !values.out || positionals.length === 0) {
    process.stderr.write('Bruk: npx tsx eval/bank/import.ts --batch NAVN --out FIL.yaml skriver1.jsonl …  |  --join FIL.yaml\n');
    process.exit(2);
  }
  const corpus = loadCorpus(values.corpus);
  const all: Question[] = [];
  const problems: ImportProblem[] = [];
  for (const file of positionals) {
    const writer = path.basename(file).replace(/\..*$/, '');
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const written = lines.map((l, i) => {
      try {
        return WrittenQuestion.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${(err as Error).message.split('\n')[0]}`);
      }
    });
    const r = importQuestions(written, corpus, values.corpus!, values.batch, () => writer);
    all.push(...r.questions);
    problems.push(...r.problems);
  }
  writeFileSync(values.out, stringify({ questions: all }, { lineWidth: 0 }));
  for (const p of problems) process.stderr.write(`${p.id}: ${p.problem}\n`);
  process.stderr.write(`${all.length} spørsmål skrevet til ${values.out} (${all.filter((q) => q.outOfScope).length} utenfor planene), ${problems.length} merknader\n`);
}

if (process.argv[1]?.endsWith('import.ts')) await main();
