import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createProvider } from '../../src/search/embeddings/index.js';
import { HashingEmbeddings } from '../../src/search/embeddings/hashing.js';
import { openSearcher, SearchError } from '../../src/search/index.js';
import { startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-standin.js';

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('the offline hashing embedder', () => {
  const e = new HashingEmbeddings();

  it('gives the same unit vector for the same text, on any run', async () => {
    const [a] = await e.embedDocuments(['Brukerrom 2 i Oslo sentrum']);
    expect(await e.embedQuery('Brukerrom 2 i Oslo sentrum')).toEqual(a);
    expect(a).toHaveLength(256);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
  });

  it('puts an English question near the Norwegian measure it means', () => {
    const q = e.embed('supervised drug consumption room');
    expect(cosine(q, e.embed('etablere brukerrom 2 for personer som injiserer'))).toBeGreaterThan(cosine(q, e.embed('helsestasjon for eldre på Løkka')));
    const kin = e.embed('support for next of kin');
    expect(cosine(kin, e.embed('samarbeid med pårørende'))).toBeGreaterThan(cosine(kin, e.embed('arbeidstrening i NAV')));
  });

  it('keeps OCR damage and typos close to the clean word', () => {
    const clean = e.embed('oppfølging av pårørende');
    const damaged = cosine(clean, e.embed('oppfglging av pargrende'));
    const unrelated = cosine(clean, e.embed('skjenkekontroll på utesteder'));
    expect(damaged).toBeGreaterThan(0.2);
    expect(damaged).toBeGreaterThan(3 * unrelated);
  });
});

describe('the OpenAI embeddings provider, against a local stand-in', () => {
  let standIn: OpenAIStandIn;
  beforeAll(async () => {
    standIn = await startOpenAIStandIn({ dimensions: 32 });
  });
  afterAll(() => standIn.close());

  const config = () =>
    loadConfig({ ...process.env, OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: standIn.baseURL, EMBEDDINGS_MODEL: 'text-embedding-3-small', EMBEDDINGS_PROVIDER: 'auto' });

  it('is chosen when OPENAI_API_KEY is set, and records model and base URL as the provider', () => {
    const provider = createProvider(config());
    expect(provider.kind).toBe('openai');
    expect(provider.id).toBe(`openai:text-embedding-3-small@${standIn.baseURL}`);
  });

  it('embeds the units over HTTP when the index is built, and searches with the question embedded', async () => {
    const before = standIn.requestsTo('/v1/embeddings').length;
    const searcher = await openSearcher({ config: config(), build: 'memory' });
    const calls = standIn.requestsTo('/v1/embeddings').slice(before);
    expect(calls.length).toBeGreaterThan(0);
    const body = calls[0]!.body as { model: string; input: string[] };
    expect(body.model).toBe('text-embedding-3-small');
    expect(calls[0]!.headers.authorization).toBe('Bearer sk-test-key');
    const inputs = calls.flatMap((c) => (c.body as { input: string[] }).input);
    expect(inputs).toHaveLength(searcher.info.units);
    expect(inputs.some((i) => i.includes('Brukerrom 2'))).toBe(true);

    // The stand-in's vectors are not semantic: the measure is among the first hits, the plan's introduction on it may lead.
    const hits = await searcher.search('hvem har ansvar for brukerrom 2?', { k: 3 });
    expect(hits.map((h) => h.measureId)).toContain('10S');
    const last = standIn.requestsTo('/v1/embeddings').at(-1)!.body as { input: string[] | string };
    expect(JSON.stringify(last.input)).toContain('brukerrom 2');
  });

  it('falls back to lexical search when the embeddings service fails at question time', async () => {
    const searcher = await openSearcher({ config: config(), build: 'memory' });
    standIn.embeddings.script = () => ({ status: 500, body: { error: { message: 'down', type: 'server_error' } } });
    try {
      const hits = await searcher.search('hvem har ansvar for brukerrom 2?', { k: 3 });
      expect(hits.map((h) => h.measureId)).toContain('10S');
    } finally {
      standIn.embeddings.script = undefined;
    }
  });

  it('refuses EMBEDDINGS_PROVIDER=openai without a key and =local, saying what to do', () => {
    expect(() => createProvider(loadConfig({ EMBEDDINGS_PROVIDER: 'openai' }))).toThrow(SearchError);
    expect(() => createProvider(loadConfig({ EMBEDDINGS_PROVIDER: 'openai' }))).toThrow(/OPENAI_API_KEY/);
    expect(() => createProvider(loadConfig({ EMBEDDINGS_PROVIDER: 'local' }))).toThrow(/hashing/);
  });
});
