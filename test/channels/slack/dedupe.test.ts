import { describe, expect, it } from 'vitest';
import { createEventDeduper } from '../../../src/channels/slack/dedupe.js';

describe('event deduper', () => {
  it('takes an event id once within the window, again after it', () => {
    let t = 0;
    const d = createEventDeduper({ ttlMs: 1_000, now: () => t });
    expect(d.firstSighting('Ev1')).toBe(true);
    expect(d.firstSighting('Ev1')).toBe(false);
    t = 1_500;
    expect(d.firstSighting('Ev1')).toBe(true);
  });

  it('stays bounded', () => {
    const d = createEventDeduper({ max: 100 });
    for (let i = 0; i < 1_000; i++) d.firstSighting(`Ev${i}`);
    expect(d.size).toBeLessThanOrEqual(101);
    expect(d.firstSighting('Ev999')).toBe(false);
  });
});
