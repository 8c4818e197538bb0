import { describe, expect, it } from 'vitest';
import { measureCitation, measureText } from '../../src/answer/citations.js';
import { describeCitation, shorten } from '../../src/answer/compose.js';
import { loadCorpus } from '../../src/corpus/load.js';

/** How the extractive answer words a measure: its fields as sentences, cut to chat length between words. */

const corpus = loadCorpus('corpus');
const measures = corpus.documents.flatMap((d) => d.measures.map((m) => ({ d, m })));
const TODAY = new Date('2026-11-22T12:00:00Z');

describe('measure text', () => {
  it('joins measure, description, goal and status as sentences («… arbeid. Mål: Økt livskvalitet. Status: Påbegynt.»)', () => {
    const n30 = corpus.documents.find((d) => d.id === 'nordstrand-2021-2023')!.measures.find((m) => m.id === 'N30')!;
    expect(measureText(n30)).toMatch(/overdoseforebyggende arbeid\. Mål: Økt livskvalitet\. Status: Påbegynt\.$/);
    const gl = corpus.documents.find((d) => d.id === 'grunerlokka-2021-2024')!.measures.find((m) => m.id === '3.3.2')!;
    expect(measureText(gl)).toMatch(/^Ta i bruk standard for overdoseforebygging\. Organisere opplæring/);
  });

  it('never glues two fields without a stop, in any measure of the corpus', () => {
    expect(measures.length).toBeGreaterThan(100);
    for (const { m } of measures) {
      const text = measureText(m);
      expect(text, m.id).not.toMatch(/[\p{L}\d)] Mål:/u);
      expect(text, m.id).toMatch(/[.!?…]$/);
    }
  });
});

describe('chat length', () => {
  it('cuts every measure quote on a sentence end or between words, never inside a word', () => {
    for (const { m } of measures) {
      const full = measureText(m);
      const short = shorten(full);
      expect(short.length, m.id).toBeLessThanOrEqual(222);
      if (short === full) continue;
      const kept = short.replace(/ …$/, '');
      expect(full.startsWith(kept), m.id).toBe(true);
      // The next character of the full text starts a new word (or the cut was at a sentence end).
      expect(short.endsWith(' …') ? /^[\s,.;:–-]/.test(full.slice(kept.length)) : /[.!?]$/.test(short), m.id).toBe(true);
    }
  });

  it('prefers the last whole sentence that fits over a cut mid-sentence', () => {
    const d = corpus.documents.find((x) => x.id === 'grunerlokka-2021-2024')!;
    const c = measureCitation(d, d.measures.find((m) => m.id === '3.3.2')!, TODAY, 1);
    expect(describeCitation(c, 1, 'nb')).toContain('«Ta i bruk standard for overdoseforebygging. Organisere opplæring om overdoseforebyggende arbeid.» [1]');
  });
});
