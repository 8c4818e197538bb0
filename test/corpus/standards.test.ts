import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAsk, type AskFn } from '../../src/answer/ask.js';
import { addDocument } from '../../src/corpus/admin.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { standardsRegistry, type Standard } from '../../src/corpus/standards.js';
import { openSearcher } from '../../src/search/index.js';
import { realSearcher, testConfig } from '../support/engine.js';
import { tempCorpus } from '../support/documents.js';
import { SEVEN_STANDARDS } from '../support/standards.js';

/** The registry of Oslo standards, from the real plans; and what the bot says about a standard it has no text of. */

const TODAY = new Date('2026-11-22T12:00:00Z');

describe('the registry', () => {
  const registry = standardsRegistry(loadCorpus('corpus'));
  const get = (name: string): Standard => registry.find((s) => s.name === name)!;

  it('holds the seven standards the plans name, none of them ingested', () => {
    expect(registry.map((s) => s.name)).toEqual(SEVEN_STANDARDS);
    expect(registry.every((s) => s.documentId === null)).toBe(true);
  });

  it('booppfølging and bomiljøarbeid are «not yet published», as plan 000 says, and have no link', () => {
    for (const name of ['Oslostandard for booppfølging', 'Oslostandard for bomiljøarbeid']) {
      expect(get(name)).toMatchObject({
        status: 'not-yet-published',
        url: null,
        owner: 'Oslo kommune',
        statusSource: { documentId: 'gamle-oslo-2022-2025', text: `${name} (ikke kommet enda)` },
      });
    }
    expect(registry.filter((s) => s.status === 'published')).toHaveLength(5);
  });

  it('the published ones carry plan 000’s link; the owner is the etat the link is published under, where it names one', () => {
    const p = get('Oslostandard for pårørendesamarbeid');
    expect(p.url).toMatch(/^https:\/\/www\.oslo\.kommune\.no\/getfile\.php\/.*p%C3%A5r%C3%B8rendesamarbeid\.pdf$/);
    expect(p.owner).toBe('Oslo kommune, Velferdsetaten');
    expect(get('Overordnet standard for tjenester i hjemmet').owner).toBe('Oslo kommune');
  });

  it('names the plans and measures that refer to each standard', () => {
    const byPlan = (s: Standard) => Object.fromEntries(s.mentions.map((m) => [m.documentId, m.measureIds]));
    expect(byPlan(get('Oslostandard for pårørendesamarbeid'))).toEqual({
      'gamle-oslo-2022-2025': ['11'],
      'grunerlokka-2021-2024': ['2.2.3'],
      'nordstrand-2021-2023': ['N43'],
    });
    expect(byPlan(get('Oslostandard for overdoseforebyggende arbeid i bydelene'))).toMatchObject({
      'oslo-tryggere-liv-2026-2029': ['12S'],
      'grunerlokka-2021-2024': ['3.3.2'],
    });
    expect(byPlan(get('Oslostandard for oppsøkende arbeid med utsatte unge'))).toMatchObject({ 'nordstrand-2021-2023': ['N2'] });
  });
});

describe('asked about a standard whose text is not ingested', () => {
  let ask: AskFn;
  beforeAll(async () => {
    ask = createAsk({ searcher: await realSearcher(), config: testConfig(), llm: null });
  });

  it('says what the plans say about it, gives the link, and says plainly that the full text is not in its sources', async () => {
    const a = await ask('Hva sier Oslostandard for pårørendesamarbeid?', { today: TODAY });
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Den fulle teksten i Oslostandard for pårørendesamarbeid er ikke blant Veileders kilder, så jeg kan ikke si hva standarden selv sier\./);
    expect(a.answer).toContain('Standarden finner du her: https://www.oslo.kommune.no/getfile.php/13383316-1651135329/');
    expect(a.citations.map((c) => `${c.documentId}#${c.measureId}`)).toEqual([
      'gamle-oslo-2022-2025#11',
      'grunerlokka-2021-2024#2.2.3',
      'nordstrand-2021-2023#N43',
    ]);
    // Every quoted line is a citation's own text: nothing about the standard's content is made up.
    expect(a.citations.every((c) => c.references.includes('Oslostandard for pårørendesamarbeid'))).toBe(true);
    expect(a.answer).toMatch(/Tiltak 2\.2\.3 i «Handlingsplan for rusarbeid i Bydel Grünerløkka 2021–2024».*\[2\]/);
  });

  it('a standard not yet published: says so, no link, no content', async () => {
    const a = await ask('Hva står i Oslostandard for bomiljøarbeid?', { today: TODAY });
    expect(a.answer).toMatch(
      /^Oslostandard for bomiljøarbeid var ikke publisert da planene ble skrevet \(«Handlingsplan for arbeid med rus og psykisk helse i Bydel Gamle Oslo» skriver «Oslostandard for bomiljøarbeid \(ikke kommet enda\)»\)/,
    );
    expect(a.answer).not.toMatch(/https?:\/\//);
    expect(a.citations[0]).toMatchObject({ documentId: 'gamle-oslo-2022-2025', measureId: '11' });
  });

  it('in English, when asked in English', async () => {
    const a = await ask('What does the Oslo standard for rusfaglig arbeid say?', { today: TODAY });
    expect(a.language).toBe('en');
    expect(a.answer).toMatch(/^The full text of “Oslostandard for rusfaglig arbeid” is not among Veileder’s sources/);
    expect(a.answer).toMatch(/You can find the standard here: https:\/\/www\.oslo\.kommune\.no\/.*rusfaglig%20arbeid\.pdf/);
  });

  it('«which plans refer to …» is still answered as a list of plans', async () => {
    const a = await ask('Hvilke planer viser til Oslostandard for pårørendesamarbeid?', { today: TODAY });
    expect(a.answer).toMatch(/^Oslostandard for pårørendesamarbeid nevnes i 3 planer/);
  });
});

describe('once its text is ingested', () => {
  it('the registry points to the document, and the question is answered from the standard’s own text', async () => {
    const corpus = tempCorpus();
    const file = path.join(corpus.dir, '..', 'standard.txt');
    writeFileSync(
      file,
      [
        'Oslostandard for pårørendesamarbeid (utgave laget for testene)',
        '',
        '1 Samtale med pårørende',
        '',
        'Tjenesten tilbyr pårørende en egen kartleggingssamtale innen fire uker etter at brukeren har fått vedtak.',
        '',
        '2 Taushetsplikt',
        '',
        'Taushetsplikten hindrer ikke at pårørende får generell informasjon om tjenestetilbudet.',
      ].join('\n'),
    );
    await addDocument(
      {
        file,
        id: 'oslostandard-parorendesamarbeid',
        title: 'Oslostandard for pårørendesamarbeid',
        owner: 'Velferdsetaten',
        period: '2022-2030',
        kind: 'standard',
      },
      { config: corpus.config, rebuild: async () => undefined },
    );
    const searcher = await openSearcher({ config: corpus.config, build: 'memory' });
    const entry = standardsRegistry(searcher.corpus).find((s) => s.name === 'Oslostandard for pårørendesamarbeid')!;
    expect(entry.documentId).toBe('oslostandard-parorendesamarbeid');
    expect(entry.mentions.map((m) => m.documentId)).not.toContain('oslostandard-parorendesamarbeid');

    const ask = createAsk({ searcher, config: corpus.config, llm: null });
    const a = await ask('Hva sier Oslostandard for pårørendesamarbeid om kartleggingssamtale?', { today: TODAY });
    expect(a.answer).not.toMatch(/ikke blant Veileders kilder/);
    expect(a.citations[0]).toMatchObject({ documentId: 'oslostandard-parorendesamarbeid' });
    expect(a.citations[0]!.text).toMatch(/innen fire uker/);
  });
});
