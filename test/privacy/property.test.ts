import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/redact.js';
import { leaks, personalComment, personalQuestion } from '../support/personal-data.js';

/**
 * The privacy gate as a property: whatever spelling a generated piece of personal data has —
 * separators anywhere, full-width or Arabic-Indic digits, lower or upper case, a name a sentence away
 * from the diagnosis, a date of birth between them — nothing of it survives redact().
 */

describe('redact(), for personal data in any spelling', () => {
  it('leaves nothing of it in a question about a person', () => {
    fc.assert(
      fc.property(personalQuestion, ({ text, secrets }) => {
        const r = redact(text);
        for (const s of secrets) expect(leaks(r.text, s), `${s.kind} «${s.typed}» in «${text}» → «${r.text}»`).toBeNull();
        expect(r.kinds.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000, seed: 1409 },
    );
  });

  it('leaves nothing of it in free text such as a vote comment', () => {
    fc.assert(
      fc.property(personalComment, ({ text, secrets }) => {
        const out = redact(text).text;
        for (const s of secrets) expect(leaks(out, s), `${s.kind} «${s.typed}» in «${text}» → «${out}»`).toBeNull();
      }),
      { numRuns: 600, seed: 72 },
    );
  });
});
