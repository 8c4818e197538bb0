import type { Corpus, CorpusDocument } from '../src/corpus/types.js';

/**
 * A synthetic corpus of `n` plan-sized documents, made in memory from the real plans, deterministic.
 * Document i copies real plan (i mod 5)'s sections and measures with its own id and owner, and one
 * word in ten replaced by a word from a vocabulary that grows with the corpus (as real text does), so
 * postings, vocabulary and vectors scale the way a larger library of plans would.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = ['ra', 'ko', 'vel', 'tun', 'bor', 'sik', 'mer', 'lan', 'gjo', 'fe', 'stu', 'hel', 'ar', 'nes', 'dal', 'ing'];

function syntheticWord(id: number): string {
  let w = '';
  let x = id + 1;
  while (x > 0) {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return `${w}sk`;
}

function mutate(text: string, next: () => number, vocabularySize: number): string {
  return text.replace(/\p{L}{4,}/gu, (w) => (next() < 0.1 ? syntheticWord(Math.floor(next() * vocabularySize)) : w));
}

export function syntheticCorpus(real: Corpus, n: number): Corpus {
  const bases = real.documents;
  if (!bases.length) throw new Error('the real corpus has no documents to scale up');
  // Heaps' law: vocabulary ≈ 40·√(words); about 3,000 words per plan.
  const vocabularySize = Math.round(40 * Math.sqrt(n * 3000));
  const documents: CorpusDocument[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const next = rng(i + 1);
    const id = `syn-${String(i).padStart(5, '0')}-${base.id}`.slice(0, 80);
    documents.push({
      ...base,
      id,
      owner: `${base.owner} ${i}`,
      hash: `${base.hash}-${i}`,
      sections: base.sections.map((s) => ({ ...s, text: mutate(s.text, next, vocabularySize) })),
      measures: base.measures.map((m) => ({
        ...m,
        documentId: id,
        text: mutate(m.text, next, vocabularySize),
        ...(m.description ? { description: mutate(m.description, next, vocabularySize) } : {}),
      })),
    });
  }
  return { documents, glossary: [] };
}
