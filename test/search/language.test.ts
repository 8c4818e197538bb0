import { describe, expect, it } from 'vitest';
import { detectLanguage, norwegianEquivalents } from '../../src/search/language.js';

/** The language an answer is written in follows the question's, told by its function words. */
describe('detectLanguage', () => {
  it('reads an English question with the plans\' Norwegian words as English', () => {
    for (const q of ['who is responsible for the overdose standard work in Grünerløkka?', 'what are the districts and the city doing for pårørende?', 'Is Gamle Oslo doing anything to get more people onto startlån?']) {
      expect(detectLanguage(q), q).toBe('en');
    }
  });

  it('reads an English plural of a number («over-65s») as English; a Norwegian age as Norwegian', () => {
    expect(detectLanguage('FACT for over-65s?')).toBe('en');
    expect(detectLanguage('FACT for over 65 år?')).toBe('nb');
  });

  it('reads a short English message without function words by its English-only words', () => {
    for (const q of ['SaLTo youth stuff?', 'Nordstrand peer worker – started?', 'Nordstrand erfaringskonsulent – planned?']) expect(detectLanguage(q), q).toBe('en');
    for (const q of ['bydelsmødre?', 'housing first på Løkka?', 'nalokson nesespray', 'team for eldre']) expect(detectLanguage(q), q).toBe('nb');
  });

  it('reads Norwegian, with or without æøå, as Norwegian — markup and lone letters around it change nothing', () => {
    for (const q of ['Hva er tiltak 10S?', 'hvem har ansvar for nalokson paa nordstrand', '<img src=x onerror="alert(1)"> Hva er tiltak 10S?', '<img src=x onerror="window.__pwned=1;alert(1)"> Hva er tiltak 10S?', 'FACT team i bydelene, hvem har hva?']) {
      expect(detectLanguage(q), q).toBe('nb');
    }
  });

  it('reads a Norwegian word typed without æøå as Norwegian, though English lists hold it as a country code, and no language from an abbreviation of two letters', () => {
    for (const q of ['nalokson pa nordstrand?', 'fact pa loekka', 'ok, og ca naar?', 'nr til uteseksjonen?']) expect(detectLanguage(q), q).toBe('nb');
    for (const q of ['is FACT started?', 'naloxone in Nordstrand?', 'and Gamle Oslo?']) expect(detectLanguage(q), q).toBe('en');
  });

  it('reads an English word FreeDict lacks from the English dictionary («clients»), but not a word the plans use («fentanyl»)', () => {
    expect(detectLanguage('IPS for rus clients?')).toBe('en');
    const planWord = (w: string) => ['rusmiddelanalyse', 'fentanyl'].includes(w);
    expect(detectLanguage('rusmiddelanalyse fentanyl?', planWord)).toBe('nb');
  });

  it('reads no language from an abbreviation in capitals («FACT» is an English word too), unless the whole message is in capitals', () => {
    for (const q of ['er FACT-teamet i gang?', 'FACT?', 'hva er FACT?', 'HVEM HAR ANSVAR FOR NALOKSON?']) expect(detectLanguage(q), q).toBe('nb');
    for (const q of ['what is FACT?', 'WHO IS RESPONSIBLE FOR NALOXONE?']) expect(detectLanguage(q), q).toBe('en');
  });
});

describe('norwegianEquivalents', () => {
  it('a word inside a field phrase is not translated on its own: «fixed contact person» is fast kontaktperson, not «reparasjon»', async () => {
    const { loadCorpus } = await import('../../src/corpus/load.js');
    const { corpusKnows } = await import('../../src/answer/refusal.js');
    const knows = corpusKnows(await loadCorpus());
    const nb = norwegianEquivalents('does Grünerløkka promise everyone getting rus services a fixed contact person?', knows).split(' ');
    expect(nb).toEqual(expect.arrayContaining(['fast', 'kontaktperson', 'tjenester']));
    expect(nb).not.toContain('reparasjon');
  });

  it('two English words bokmål writes as one compound the plans use: «user councils» is brukerråd', async () => {
    const { loadCorpus } = await import('../../src/corpus/load.js');
    const { corpusKnows } = await import('../../src/answer/refusal.js');
    const knows = corpusKnows(await loadCorpus());
    expect(norwegianEquivalents('Does the Gamle Oslo plan set up any user councils?', knows).split(' ')).toContain('brukerråd');
    // Not across a word between them.
    expect(norwegianEquivalents('is the user happy with the council?', knows).split(' ')).not.toContain('brukerråd');
  });
});
