import { describe, expect, it } from 'vitest';
import { createAsk } from '../../src/answer/ask.js';
import { captureLog, realSearcher, testConfig } from '../support/engine.js';

/** README: «aldri spørsmålsteksten» in the log — not even redacted, not even at debug level. */
describe('what ask() logs', () => {
  it('logs neither the question nor its words, answered or not, at debug level', async () => {
    const { log, lines } = captureLog();
    const ask = createAsk({ searcher: await realSearcher(), config: testConfig(), llm: null, log });
    const answered = await ask('Hvem har ansvar for pårørendesamarbeidet i Gamle Oslo?');
    const refused = await ask('Hvor mange parkeringsplasser har rådhuset?');
    expect(answered.found).toBe(true);
    expect(refused.found).toBe(false);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toMatch(/pårørendesamarbeid|parkeringsplass|rådhus/i);
    expect(lines.find((l) => l.includes('"msg":"ask"'))).toMatch(/"chars":\d+/);
  });
});
