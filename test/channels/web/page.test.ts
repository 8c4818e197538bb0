import { loadCorpus, readManifest } from '../../../src/corpus/load.js';
import { standardsRegistry } from '../../../src/corpus/standards.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meta } from '../../../src/channels/web/meta.js';
import { startTestServer, type TestServer } from '../../support/web-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the chat page', () => {
  it('serves the page, its script and its style, with a policy that allows no inline or foreign script', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('src="/app.js"');
    expect(html).toContain('name="viewport"');

    const script = await fetch(new URL('/app.js', server.url));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const code = await script.text();
    // The page writes text with textContent only: no HTML sinks for user or corpus text.
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect((await fetch(new URL('/style.css', server.url))).headers.get('content-type')).toMatch(/text\/css/);
  });

  it('serves a favicon, as SVG and as /favicon.ico', async () => {
    for (const [file, type] of [['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/], ['/favicon.svg', /^image\/svg\+xml/]] as const) {
      const res = await fetch(new URL(file, server.url));
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(type);
    }
  });
});

describe('GET /api/meta', () => {
  it('lists the plans of the corpus and their owners for the filter', async () => {
    const meta = (await (await fetch(new URL('/api/meta', server.url))).json()) as Meta;
    const manifest = readManifest(server.config.CORPUS_DIR).documents;
    expect(meta.documents.map((d) => d.id)).toEqual(manifest.map((d) => d.id));
    expect(meta.documents.find((d) => d.id === 'grunerlokka-2021-2024')).toEqual({
      id: 'grunerlokka-2021-2024',
      title: 'Handlingsplan for rusarbeid i Bydel Grünerløkka 2021–2024',
      owner: 'Bydel Grünerløkka',
      period: '2021–2024',
    });
    expect(meta.owners).toEqual(expect.arrayContaining(['Bydel Nordstrand', 'Bydel Gamle Oslo', 'Bydel Grünerløkka']));
  });

  it('gives the public address of every standard the registry has one for', async () => {
    const meta = (await (await fetch(new URL('/api/meta', server.url))).json()) as Meta;
    const registry = standardsRegistry(loadCorpus(server.config.CORPUS_DIR));
    const withUrl = registry.filter((s) => s.url);
    expect(withUrl.length).toBeGreaterThan(0);
    expect(meta.standards).toEqual(Object.fromEntries(withUrl.map((s) => [s.name, s.url])));
    expect(meta.standards['Oslostandard for pårørendesamarbeid']).toMatch(/^https:\/\/www\.oslo\.kommune\.no\//);
  });

  it('offers example questions the plans answer', async () => {
    const meta = (await (await fetch(new URL('/api/meta', server.url))).json()) as Meta;
    expect(meta.examples.length).toBeGreaterThanOrEqual(3);
    for (const question of meta.examples) {
      const answer = await server.ask(question, { channel: 'web' });
      expect(answer.found, question).toBe(true);
      expect(answer.citations.length, question).toBeGreaterThan(0);
    }
  });
});
