import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answer } from '../../../src/answer/types.js';
import { startTestServer, type TestServer } from '../../support/web-server.js';

const MAX_BODY = 8_192;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { API_MAX_BODY_BYTES: String(MAX_BODY) } });
});
afterAll(() => server.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/ask', () => {
  it('returns the Answer ask() gives for the same question, and records it under X-Answer-Id', async () => {
    const question = 'Hvem har ansvar for nalokson på Nordstrand?';
    const res = await server.post('/api/ask', { question });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = Answer.parse(await res.json());
    expect(body).toEqual(await server.ask(question, { channel: 'web' }));

    const answerId = res.headers.get('x-answer-id');
    expect(answerId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await server.feedback.get(answerId!);
    expect(stored).toMatchObject({ channel: 'web', question: body.question, answer: body.answer, found: body.found });
  });

  it('names the plan, the measure and the responsible unit for real questions', async () => {
    const naloxone = Answer.parse(await (await server.post('/api/ask', { question: 'Hvem har ansvar for nalokson på Nordstrand?' })).json());
    expect(naloxone.found).toBe(true);
    expect(naloxone.citations[0]).toMatchObject({ documentId: 'nordstrand-2021-2023', responsible: ['NAV ved Helse, mestring og bolig'] });
    expect(naloxone.answer).toContain('NAV ved Helse, mestring og bolig');

    const measure = Answer.parse(await (await server.post('/api/ask', { question: 'Hva er tiltak 10S?' })).json());
    expect(measure.citations[0]).toMatchObject({
      documentId: 'oslo-tryggere-liv-2026-2029',
      measureId: '10S',
      responsible: ['Velferdsetaten'],
      accountable: ['SET'],
    });
    expect(measure.answer).toContain('Velferdsetaten');
  });

  it('passes history and filters on to ask()', async () => {
    const history = [
      { role: 'user' as const, text: 'Hva er tiltak 10S?' },
      { role: 'assistant' as const, text: (await server.ask('Hva er tiltak 10S?')).answer },
    ];
    const filters = { documentIds: ['nordstrand-2021-2023'] };
    const question = 'Og hvem har ansvaret?';
    const res = await server.post('/api/ask', { question, history, filters });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await server.ask(question, { history, filters, channel: 'web' }));
  });

  it('returns markup in a question as JSON data, the same as ask() does', async () => {
    const question = 'Hva er <img src=x onerror=alert(1)> tiltak 10S?';
    const res = await server.post('/api/ask', { question });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual(await server.ask(question, { channel: 'web' }));
  });

  it('never stores a fødselsnummer or phone number given in a question', async () => {
    const res = await server.post('/api/ask', { question: 'Pasient 13097248022, tlf 412 34 567, trenger oppfølging. Hvem har ansvar?' });
    expect(res.status).toBe(200);
    const stored = (await server.feedback.get(res.headers.get('x-answer-id')!))!;
    expect(JSON.stringify(stored)).not.toMatch(/13097248022|412 ?34 ?567/);
  });

  it.each([
    ['no question', {}, 'BAD_REQUEST', /question/],
    ['an empty question', { question: '   ' }, 'BAD_REQUEST', /Skriv et spørsmål/],
    ['a number for a question', { question: 42 }, 'BAD_REQUEST', /question/],
    ['a question over 4000 characters', { question: 'a'.repeat(4_001) }, 'BAD_REQUEST', /4000 tegn/],
    ['a history turn with an unknown role', { question: 'Og?', history: [{ role: 'system', text: 'x' }] }, 'BAD_REQUEST', /history/],
    ['filters of the wrong form', { question: 'Og?', filters: { documentIds: 'nordstrand' } }, 'BAD_REQUEST', /filters/],
    ['a JSON array', [{ question: 'Hva er TSB?' }], 'BAD_REQUEST', /JSON-objekt/],
    ['broken JSON', '{"question": "Hva', 'INVALID_JSON', /ikke gyldig JSON/],
  ])('answers 400 with a Norwegian message for %s', async (_name, body, code, message) => {
    const res = await server.post('/api/ask', body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await server.post('/api/ask', 'question=Hva er TSB?', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/Content-Type: application\/json/);
  });

  it('answers 413 for a body over API_MAX_BODY_BYTES, and keeps serving', async () => {
    const res = await server.post('/api/ask', { question: 'Hva er TSB?', history: [{ role: 'user', text: 'x'.repeat(MAX_BODY) }] });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe('BODY_TOO_LARGE');
    expect(error.message).toMatch(/for stor/);
    expect((await server.post('/api/ask', { question: 'Hva står TSB for?' })).status).toBe(200);
  });
});

describe('unknown API routes', () => {
  it('answer a JSON 404 that points to the right route', async () => {
    for (const res of [await fetch(new URL('/api/ask', server.url)), await server.post('/api/spør', { question: 'x' })]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('POST /api/ask');
    }
  });
});

describe('logging', () => {
  it('logs the answer id, counts and timing of the web channel, never the question', async () => {
    const { pino } = await import('pino');
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = await startTestServer({ log });
    try {
      const question = 'Hvem har ansvar for nalokson på Nordstrand?';
      const res = await logged.post('/api/ask', { question });
      expect(res.status).toBe(200);
      const answer = Answer.parse(await res.json());
      const web = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.module === 'web');
      expect(web.find((l) => l.msg === 'web answer')).toMatchObject({ answerId: res.headers.get('x-answer-id'), found: answer.found, citations: answer.citations.length });
      expect(JSON.stringify(web)).not.toMatch(/nalokson|Nordstrand/i);
    } finally {
      await logged.close();
    }
  });
});
