import { findReferences, REFERENCES } from './references.js';
import type { Corpus, CorpusDocument } from './types.js';

/**
 * The registry of the Oslo standards the plans mention, derived from the corpus itself:
 *  - which standards: the `standard` entries of REFERENCES (src/corpus/references.ts);
 *  - url: the public address plan 000 gives (REFERENCES), else that of an ingested copy;
 *  - owner: Oslo kommune, with the etat the address is published under where it names one
 *    («…/Etater, foretak og ombud/Velferdsetaten/…»); nothing else is assumed;
 *  - status: «not-yet-published» where a plan says so next to the name («Oslostandard for
 *    booppfølging (ikke kommet enda)»), else «published»;
 *  - mentions: the measures whose `references` hold it and the sections whose text names it;
 *  - documentId: the corpus document of kind `standard` that holds its full text, if one is ingested
 *    (`npm run ingest -- add … --kind standard`); its title must name the standard.
 */

export type StandardStatus = 'published' | 'not-yet-published';

export interface StandardMention {
  documentId: string;
  documentTitle: string;
  /** measures that refer to the standard */
  measureIds: string[];
  /** ids of sections whose text names it */
  sectionIds: string[];
}

export interface Standard {
  name: string;
  owner: string;
  url: string | null;
  status: StandardStatus;
  mentions: StandardMention[];
  /** the ingested full text (a corpus document of kind `standard`), or null */
  documentId: string | null;
  /** for «not-yet-published»: the plan that says so, and its words («Oslostandard for booppfølging (ikke kommet enda)») */
  statusSource: { documentId: string; documentTitle: string; text: string } | null;
}

/** «(ikke kommet enda)», «er ikke publisert», «ikke utgitt ennå» — said of a standard right after its name. */
const NOT_YET = /\(?\s*(?:ikke\s+kommet(?:\s+enda|\s+ennå)?|ikke\s+(?:publisert|utgitt|ferdig)(?:\s+enda|\s+ennå)?)\s*\)?/giu;
/** How far before such a phrase the standard's name may end. */
const NOT_YET_WINDOW = 90;

function ownerOf(url: string | null): string {
  const etat = url ? /Etater%2C%20foretak%20og%20ombud\/([^/]+)\//.exec(url)?.[1] : undefined;
  return etat ? `Oslo kommune, ${decodeURIComponent(etat)}` : 'Oslo kommune';
}

/** The texts of a document: its sections' and measures' text. */
function textsOf(doc: CorpusDocument): string[] {
  return [...doc.sections.map((s) => s.text), ...doc.measures.map((m) => [m.text, m.description, m.goal].filter(Boolean).join(' '))];
}

/** The standards a text says are not published yet (the one named last before the phrase), with the words saying so. */
function notYetPublished(text: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const m of text.matchAll(NOT_YET)) {
    const before = text.slice(Math.max(0, m.index - NOT_YET_WINDOW), m.index);
    // The name closest before the phrase: cut the window at the last «Oslostandard»/«standard».
    const last = before.search(/(?:oslo)?standard(?:en)?\s+for\s+(?![\s\S]*standard(?:en)?\s+for\s)/iu);
    const phrase = last >= 0 ? before.slice(last) : before;
    const named = findReferences(phrase);
    if (named[0]) out.push({ name: named[0], text: `${phrase}${m[0]}`.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

export function standardsRegistry(corpus: Corpus): Standard[] {
  const standards = REFERENCES.filter((r) => r.kind === 'standard');
  const pending = new Map<string, Standard['statusSource']>();
  for (const doc of corpus.documents) {
    for (const said of textsOf(doc).flatMap(notYetPublished)) {
      if (!pending.has(said.name)) pending.set(said.name, { documentId: doc.id, documentTitle: doc.title, text: said.text });
    }
  }
  return standards.map((ref) => {
    const copy = corpus.documents.find((d) => d.kind === 'standard' && findReferences(d.title).includes(ref.name)) ?? null;
    const mentions: StandardMention[] = [];
    for (const doc of corpus.documents) {
      if (doc === copy) continue;
      const measureIds = doc.measures.filter((m) => m.references.includes(ref.name)).map((m) => m.id);
      const sectionIds = doc.sections.filter((s) => findReferences(s.text).includes(ref.name)).map((s) => s.id);
      if (measureIds.length || sectionIds.length) mentions.push({ documentId: doc.id, documentTitle: doc.title, measureIds, sectionIds });
    }
    const url = ref.url ?? copy?.url ?? null;
    const pendingSource = copy ? null : (pending.get(ref.name) ?? null);
    return {
      name: ref.name,
      owner: ownerOf(url),
      url,
      status: pendingSource ? 'not-yet-published' : 'published',
      mentions,
      documentId: copy?.id ?? null,
      statusSource: pendingSource,
    };
  });
}
