import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAsk } from '../src/answer/ask.js';
import type { Answer } from '../src/answer/types.js';
import { addDocument } from '../src/corpus/admin.js';
import { openSearcher } from '../src/search/index.js';
import { fold } from '../src/search/tokenize.js';
import { BJERKE, BJERKE_MEASURES, bjerkeDocx, type PlanMeasure } from '../test/support/district-plan.js';
import { tempCorpus } from '../test/support/documents.js';
import { docxToPdf, libreOffice, LIBREOFFICE_MISSING } from '../test/support/libreoffice.js';

/**
 * `npx tsx eval/district-plan.ts`: a district plan in table layout the project has never seen
 * (Bydel Bjerke's, test/support/district-plan.ts: 34 measures with own numbers, units, partners,
 * wrapped cells, page breaks) is written as DOCX and — through LibreOffice, as a district would —
 * as PDF, added with `ingest add` to a copy of the corpus, and asked one question per measure
 * through ask(). A measure counts when it is cited with its own number and the answer names its
 * unit (and, for the PDF, the citation carries the page). docs/korpus.md «Legge til og fjerne dokumenter»
 * has the figure per format.
 */

export type Format = 'docx' | 'pdf';

export interface MeasureResult {
  id: string;
  question: string;
  cited: boolean;
  unitNamed: boolean;
  idNamed: boolean;
  page: number | null;
}

export interface FormatFigure {
  format: Format;
  measures: number;
  parsed: number;
  ok: number;
  share: number;
  results: MeasureResult[];
}

const TODAY = new Date('2026-11-22T12:00:00Z');
const ID = 'bjerke-2025-2028';

export async function planFile(format: Format, dir: string, docx?: Buffer): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const bytes = docx ?? (await bjerkeDocx());
  const file = path.join(dir, `bjerke.${format}`);
  writeFileSync(file, format === 'docx' ? bytes : await docxToPdf(bytes));
  return file;
}

function judge(m: PlanMeasure, a: Answer): MeasureResult {
  const citation = a.citations.find((c) => c.documentId === ID && c.measureId === m.id);
  const text = fold(a.answer);
  return {
    id: m.id,
    question: m.question,
    cited: Boolean(citation),
    unitNamed: text.includes(fold(m.unit)),
    idNamed: new RegExp(`(?<![\\d.])${m.id.replace(/\./g, '\\.')}(?![\\d])`).test(a.answer),
    page: citation?.page ?? null,
  };
}

/** Adds the plan file to a fresh copy of the corpus and asks every measure's question. */
export async function measureFormat(format: Format, file: string): Promise<FormatFigure> {
  const corpus = tempCorpus();
  const added = await addDocument(
    { file, id: ID, title: BJERKE.title, owner: BJERKE.owner, period: BJERKE.period, kind: 'plan', url: 'https://www.oslo.kommune.no/bydeler/bjerke/handlingsplan.pdf' },
    { config: corpus.config },
  );
  const searcher = await openSearcher({ config: corpus.config, build: 'never' });
  const ask = createAsk({ searcher, config: corpus.config, llm: null });
  const results: MeasureResult[] = [];
  for (const m of BJERKE_MEASURES) results.push(judge(m, await ask(m.question, { today: TODAY, channel: 'eval' })));
  const ok = results.filter((r) => r.cited && r.unitNamed && r.idNamed && (format === 'docx' || r.page !== null)).length;
  return { format, measures: BJERKE_MEASURES.length, parsed: added.measures, ok, share: ok / BJERKE_MEASURES.length, results };
}

async function main(): Promise<void> {
  const dir = path.join(process.env.TMPDIR ?? '/tmp', `veileder-bjerke-${process.pid}`);
  const docx = await bjerkeDocx();
  const formats: Format[] = libreOffice() ? ['docx', 'pdf'] : ['docx'];
  if (!libreOffice()) process.stderr.write(`${LIBREOFFICE_MISSING}\n`);
  for (const format of formats) {
    const figure = await measureFormat(format, await planFile(format, dir, docx));
    const misses = figure.results.filter((r) => !(r.cited && r.unitNamed && r.idNamed && (format === 'docx' || r.page !== null)));
    process.stdout.write(
      `${format.toUpperCase()}: ${figure.ok}/${figure.measures} tiltak sitert med eget nummer og enhet nevnt (${(figure.share * 100).toFixed(1)} %), ${figure.parsed} tiltak lest\n`,
    );
    for (const r of misses) {
      process.stdout.write(`  bom ${r.id}: ${r.question} (sitert: ${r.cited}, enhet: ${r.unitNamed}, nummer: ${r.idNamed}, side: ${r.page})\n`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
