import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { EXAMPLE_QUESTIONS } from '../../src/answer/examples.js';

describe('the example questions every channel offers', () => {
  it.each(EXAMPLE_QUESTIONS)('«%s» is answered from the plans, with sources', async (q) => {
    const a = await ask(q);
    expect(a.found).toBe(true);
    expect(a.citations.length).toBeGreaterThan(0);
  });
});
