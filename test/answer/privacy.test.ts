import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../../src/answer/ask.js';
import { createLlmWriter } from '../../src/answer/llm.js';
import { captureLog, realSearcher, testConfig } from '../support/engine.js';
import { startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-standin.js';

/**
 * Personal data never leaves ask(): not in a log line, not in the Answer, not in a request to the
 * model. Checked with the real logger output and the stand-in's recorded requests.
 */

const FNR = '13097248022';
const PHONE = '412 34 567';
const EMAIL = 'kari.nordmann@example.no';
const SECRETS = [FNR, '130972', '48022', PHONE, '41234567', EMAIL, 'kari.nordmann'];

let standIn: OpenAIStandIn;

beforeAll(async () => {
  standIn = await startOpenAIStandIn();
});
afterAll(() => standIn.close());

describe('personal data in a question', () => {
  it('is removed before logging, answering and the LLM, and the user is warned', async () => {
    const config = testConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: standIn.baseURL, LLM_TIMEOUT_MS: '2000' });
    const { log, lines } = captureLog();
    // The model echoes what it got, so anything that reached it would reach the answer too.
    standIn.chat.push((req) => {
      const user = JSON.stringify(req.body);
      return { body: { id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: `Se kilde [1]. ${user.slice(0, 50)}` }, finish_reason: 'stop' }] } };
    });
    const ask = createAsk({ searcher: await realSearcher(), config, llm: createLlmWriter(config, { maxRetries: 0 }), log });

    const a = await ask(
      `Brukeren min har fødselsnummer ${FNR}, tlf ${PHONE} og e-post ${EMAIL}. Hvem deler ut nalokson i Bydel Nordstrand?`,
      { channel: 'web', history: [{ role: 'user', text: `Ring meg på ${PHONE}` }] },
    );

    expect(a.found).toBe(true);
    expect(a.citations[0]!.documentId).toBe('nordstrand-2021-2023');
    expect(a.question).toContain('[fødselsnummer]');
    expect(a.question).toContain('[telefonnummer]');
    expect(a.question).toContain('[e-post]');
    expect(a.warnings[0]).toBe(
      'Personopplysninger (fødselsnummer, telefonnummer og e-postadresse) ble fjernet fra spørsmålet før det ble behandlet eller lagret. Ikke del personopplysninger med Veileder.',
    );

    const everything = [JSON.stringify(a), ...lines, ...standIn.requests.map((r) => r.raw)].join('\n');
    expect(standIn.requestsTo('/v1/chat/completions').length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('"msg":"ask"'))).toBe(true);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });
});
