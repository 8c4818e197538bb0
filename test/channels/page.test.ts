import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { answerMessage } from '../../src/channels/slack/blocks.js';
import { sourcesCard } from '../../src/channels/teams/card.js';
import { buildCitation } from '../../src/channels/teams/citations.js';
import { formatAnswer } from '../../src/cli/ask.js';
import { addDocument } from '../../src/corpus/admin.js';
import { openSearcher } from '../../src/search/index.js';
import { tempCorpus } from '../support/documents.js';
import { makeTablePdf } from '../support/pdf-table.js';

/** The cited page of a PDF plan reaches every channel as «s. N», and the link opens the PDF there. */

const URL = 'https://www.oslo.kommune.no/bydeler/lilleby/plan.pdf';
let answer: Answer;
let fromText: Answer;

beforeAll(async () => {
  const dir = path.join(tmpdir(), `veileder-page-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lilleby.pdf');
  const rows = Array.from({ length: 14 }, (_, i) => [`4.${i + 1}`, `Tiltak nummer ${i + 1} for eldre i bydelen, med oppfølging hver uke og en fast kontaktperson.`, `Enhet ${i + 1}`]);
  rows.push(['4.15', 'Drive en seniorkafé med faste samtaler om alkohol og medisiner hos eldre, annenhver torsdag.', 'Seniorsenteret Lilleby']);
  writeFileSync(file, await makeTablePdf({ title: 'Plan for Bydel Lilleby', intro: 'Tiltakene.', header: ['Nr.', 'Tiltak', 'Ansvar'], widths: [40, 300, 150], rows, pageHeight: 400 }));
  const corpus = tempCorpus();
  await addDocument({ file, id: 'lilleby-2025-2028', title: 'Plan for Bydel Lilleby', owner: 'Bydel Lilleby', period: '2025-2028', kind: 'plan', url: URL }, { config: corpus.config });
  const ask = createAsk({ searcher: await openSearcher({ config: corpus.config, build: 'never' }), config: corpus.config, llm: null });
  answer = await ask('Hvem driver seniorkafeen med samtaler om alkohol og medisiner for eldre?', { today: new Date('2026-11-22') });
  fromText = await ask('Hva er tiltak 10S?', { today: new Date('2026-11-22') });
}, 60_000);

describe('the page of a citation', () => {
  it('is in the Answer: the PDF’s page, null for the five plans’ text', () => {
    expect(answer.citations[0]).toMatchObject({ documentId: 'lilleby-2025-2028', measureId: '4.15' });
    expect(answer.citations[0]!.page).toBeGreaterThan(1);
    expect(fromText.citations[0]).toMatchObject({ measureId: '10S', page: null });
  });

  it('Slack: «s. N» on the source line, the title linked to url#page=N', () => {
    const page = answer.citations[0]!.page!;
    const json = JSON.stringify(answerMessage(answer, { answerId: 'a1', shareable: false } as Parameters<typeof answerMessage>[1]).blocks);
    expect(json).toContain(`s. ${page}`);
    expect(json).toContain(`<${URL}#page=${page}|Plan for Bydel Lilleby>`);
    expect(JSON.stringify(answerMessage(fromText, { answerId: 'a2', shareable: false } as Parameters<typeof answerMessage>[1]).blocks)).not.toMatch(/\bs\. \d/);
  });

  it('Teams: «s. N» in the citation and the card, which opens the PDF at the page', () => {
    const page = answer.citations[0]!.page!;
    const claim = buildCitation(answer.citations[0]!, 1, 'nb');
    expect(claim.appearance.keywords).toContain(`Tiltak 4.15, s. ${page}`);
    expect(claim.appearance.url).toBe(`${URL}#page=${page}`);
    const card = JSON.stringify(sourcesCard(answer.citations, 'nb'));
    expect(card).toContain(`"title":"Side","value":"s. ${page}"`);
    expect(card).toContain(`${URL}#page=${page}`);
  });

  it('CLI: «tiltak 4.15, s. N» and the address with #page=N', () => {
    const page = answer.citations[0]!.page!;
    expect(formatAnswer(answer)).toContain(`tiltak 4.15, s. ${page}`);
    expect(formatAnswer(answer)).toContain(`${URL}#page=${page}`);
  });
});
