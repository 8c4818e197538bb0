import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/web-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function askedId(question: string): Promise<string> {
  const res = await server.post('/api/ask', { question });
  expect(res.status).toBe(200);
  return res.headers.get('x-answer-id')!;
}

describe('POST /api/feedback', () => {
  it('stores 👍 and 👎 on the answer in the shared feedback store', async () => {
    const up = await askedId('Hva er tiltak 10S?');
    const down = await askedId('Hva står TSB for?');
    expect((await server.post('/api/feedback', { answerId: up, vote: 'up' })).status).toBe(200);
    const res = await server.post('/api/feedback', { answerId: down, vote: 'down', comment: 'Mangler enhet' });
    expect(await res.json()).toEqual({ answerId: down, vote: 'down' });
    expect(await server.feedback.get(up)).toMatchObject({ vote: 'up', channel: 'web' });
    expect(await server.feedback.get(down)).toMatchObject({ vote: 'down', comment: 'Mangler enhet' });
    expect((await server.feedback.report()).map((a) => a.id)).toContain(down);
  });

  it('stores a comment without the phone number or e-mail address typed into it', async () => {
    const id = await askedId('Hva er tiltak 10S?');
    const comment = 'Ring meg på 912 34 567 eller skriv til ola.nordmann@example.no, svaret manglet enhet';
    expect((await server.post('/api/feedback', { answerId: id, vote: 'down', comment })).status).toBe(200);
    const stored = (await server.feedback.get(id))?.comment ?? '';
    expect(stored).not.toMatch(/912 34 567|ola\.nordmann/);
    expect(stored).toContain('[telefonnummer]');
    expect(stored).toContain('svaret manglet enhet');
  });

  it('answers 404 for an answer it never gave', async () => {
    const res = await server.post('/api/feedback', { answerId: randomUUID(), vote: 'up' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Fant ikke svaret/);
  });

  it('answers 400 for a vote that is not up or down', async () => {
    const id = await askedId('Hva er tiltak 10S?');
    const res = await server.post('/api/feedback', { answerId: id, vote: 'meh' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/"up".*"down"/);
    expect((await server.feedback.get(id))?.vote).toBeNull();
  });
});
