import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/types.js';
import { loadConfig } from '../src/config.js';
import { addDocument, removeDocument } from '../src/corpus/admin.js';
import { rebuildIndex } from '../src/search/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import { makeTablePdf } from './support/pdf-table.js';
import { tempCorpus, type TempCorpus } from './support/documents.js';

/**
 * Live re-index: `ingest add/remove` on a running server takes effect without a restart — asked
 * over real HTTP on 127.0.0.1 while the index is rebuilt; no question fails or is answered from a
 * half-written index, and a failed build leaves the old index serving.
 */

const QUESTION = 'Hvem driver seniorkafeen med samtaler om alkohol og medisiner for eldre?';
const ID = 'lilleby-2025-2028';
let corpus: TempCorpus;
let server: RunningServer;
let planFile: string;

async function ask(question: string): Promise<{ status: number; body: Answer }> {
  const res = await fetch(new URL('/api/ask', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

const cites = (a: Answer) => a.citations.some((c) => c.documentId === ID && c.measureId === '3.1.2');

/** Asks until the answer cites (or stops citing) the new plan; bounded to 15 s. */
async function until(want: boolean): Promise<Answer> {
  const end = Date.now() + 15_000;
  for (;;) {
    const { body } = await ask(QUESTION);
    if (cites(body) === want || Date.now() > end) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  corpus = tempCorpus();
  const config = loadConfig({ ...corpus.config, PORT: '0', HOST: '127.0.0.1', FEEDBACK_DB: ':memory:', INDEX_RELOAD_MS: '100', LOG_LEVEL: 'silent' } as unknown as NodeJS.ProcessEnv);
  await rebuildIndex(config);
  server = await startServer({ config, build: 'never' });
  const dir = path.join(tmpdir(), `veileder-reindex-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  planFile = path.join(dir, 'lilleby.pdf');
  writeFileSync(
    planFile,
    await makeTablePdf({
      title: 'Handlingsplan for Bydel Lilleby 2025–2028',
      intro: 'Tiltakene for eldre i bydelen.',
      header: ['Nr.', 'Tiltak', 'Ansvarlig', 'Samarbeid'],
      widths: [40, 250, 110, 100],
      rows: [
        ['3.1.1', 'Tilby hjemmebesøk til alle over 80 år med spørsmål om ensomhet og psykisk helse.', 'Helsestasjon for eldre', 'Frivilligsentralen'],
        ['3.1.2', 'Drive en seniorkafé med faste samtaler om alkohol og medisiner hos eldre, annenhver torsdag.', 'Seniorsenteret Lilleby', 'Apoteket'],
      ],
    }),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('ingest add/remove on a running server', () => {
  it('add: the next questions are answered from the new plan (with its page), and none failed while it was built', async () => {
    const before = await ask(QUESTION);
    expect(before.status).toBe(200);
    expect(cites(before.body)).toBe(false);

    // Questions keep coming while the index is rebuilt and swapped.
    let asking = true;
    const during: Array<{ status: number; body: Answer }> = [];
    const load = (async () => {
      while (asking) during.push(await ask(QUESTION));
    })();
    await addDocument({ file: planFile, id: ID, title: 'Handlingsplan for Bydel Lilleby 2025–2028', owner: 'Bydel Lilleby', period: '2025-2028', kind: 'plan' }, { config: server.config });
    const after = await until(true);
    asking = false;
    await load;

    expect(cites(after)).toBe(true);
    const c = after.citations.find((x) => x.documentId === ID)!;
    expect(c).toMatchObject({ measureId: '3.1.2', responsible: ['Seniorsenteret Lilleby'], page: 1 });
    expect(after.answer).toContain('Seniorsenteret Lilleby');
    expect(during.length).toBeGreaterThan(0);
    // Every answer during the swap is whole: 200 and either the old answer or the new one.
    for (const d of during) {
      expect(d.status).toBe(200);
      expect(typeof d.body.answer).toBe('string');
    }
    const meta = (await (await fetch(new URL('/api/meta', server.url))).json()) as { documents: { id: string }[] };
    expect(meta.documents.map((d) => d.id)).toContain(ID);
  }, 60_000);

  it('a failed build says why and leaves the index serving as it was', async () => {
    const before = await ask(QUESTION);
    await expect(
      addDocument(
        { file: planFile, id: 'lilleby-kopi-2025-2028', title: 'Kopi av planen for Lilleby', owner: 'Bydel Lilleby', period: '2025-2028', kind: 'plan' },
        { config: server.config, rebuild: async () => Promise.reject(new Error('disken er full')) },
      ),
    ).rejects.toThrow(/Søkeindeksen kunne ikke bygges \(disken er full\); korpuset er satt tilbake/);
    await new Promise((r) => setTimeout(r, 300));
    const after = await ask(QUESTION);
    expect(after.status).toBe(200);
    expect(after.body.citations.map((c) => `${c.documentId}:${c.measureId}`)).toEqual(before.body.citations.map((c) => `${c.documentId}:${c.measureId}`));
    expect(after.body.citations.some((c) => c.documentId === 'lilleby-kopi-2025-2028')).toBe(false);
  }, 30_000);

  it('remove: the plan is no longer cited, without a restart', async () => {
    await removeDocument(ID, { config: server.config });
    const after = await until(false);
    expect(cites(after)).toBe(false);
  }, 30_000);
});
