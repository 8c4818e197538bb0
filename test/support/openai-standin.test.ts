import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from './openai-standin.js';

describe('OpenAI stand-in', () => {
  let standIn: OpenAIStandIn;
  beforeAll(async () => {
    standIn = await startOpenAIStandIn({ dimensions: 16 });
  });
  afterAll(() => standIn.close());

  it('answers ChatOpenAI with the scripted reply and records the request', async () => {
    standIn.chat.push(reply.good('Hei fra stand-in'));
    const chat = new ChatOpenAI({ apiKey: 'test', model: 'gpt-x', configuration: { baseURL: standIn.baseURL }, maxRetries: 0 });
    const out = await chat.invoke('Hva er nalokson?');
    expect(out.content).toBe('Hei fra stand-in');
    const req = standIn.requestsTo('/v1/chat/completions').at(-1)!;
    expect(req.raw).toContain('Hva er nalokson?');
    expect(req.headers.authorization).toBe('Bearer test');
  });

  it('fails ChatOpenAI with a 500 when scripted so', async () => {
    standIn.chat.push(reply.error(500));
    const chat = new ChatOpenAI({ apiKey: 'test', model: 'gpt-x', configuration: { baseURL: standIn.baseURL }, maxRetries: 0 });
    await expect(chat.invoke('x')).rejects.toThrow();
  });

  it('gives OpenAIEmbeddings deterministic vectors of the asked size', async () => {
    const emb = new OpenAIEmbeddings({ apiKey: 'test', model: 'text-embedding-3-small', configuration: { baseURL: standIn.baseURL }, maxRetries: 0 });
    const [a, b, c] = await emb.embedDocuments(['nalokson', 'nalokson', 'brukerrom']);
    expect(a).toHaveLength(16);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 4);
  });
});
