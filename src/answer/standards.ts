import { findReferences, OSLOSTANDARDER_URL } from '../corpus/references.js';
import { standardsRegistry, type Standard } from '../corpus/standards.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { documentById, measureCitation, passageCitation } from './citations.js';
import { describeCitation, quote } from './compose.js';
import type { Language } from '../search/language.js';
import { currentFirst } from './periods.js';
import type { Citation } from './types.js';

/**
 * Questions about what an Oslo standard says («Hva sier Oslostandard for pårørendesamarbeid?»)
 * when its full text is not in the corpus: what the plans say about it (cited), the public link
 * where a plan gives one, and a plain statement that the standard's own text is not among
 * Veileder's sources. Its content is never guessed. When the text is ingested (a document of
 * kind `standard`, see src/corpus/standards.ts) this returns null and the question is answered by
 * search over that text like any other.
 */

/** The question asks what the standard says or where to find it — not which plans refer to it. */
const ASKS_CONTENT =
  /\bhva\s+(?:sier|står|inneholder|handler|krever|er|betyr|går)\b|\binnhold\w*|\bfortell\b|\bbeskriv\w*|\bkrav\w*|\blenke\w*|\bhvor\s+finner\b|\bwhat\s+(?:does|is|do)\b|\btell\s+me\b|\b(?:says?|contains?|requires?)\b|\bwhere\s+(?:can|do)\s+i\s+find\b|\blink\b/iu;
const ASKS_WHICH = /^\s*(?:hvilke|hvilken|hvor\s+mange|which|how\s+many)\b/iu;

const MAX_SHOWN = 5;

export interface StandardAnswer {
  answer: string;
  found: boolean;
  citations: Citation[];
}

const T = {
  nb: {
    notIngested: (name: string) =>
      `Den fulle teksten i ${name} er ikke blant Veileders kilder, så jeg kan ikke si hva standarden selv sier.`,
    notPublished: (name: string, said: string, plan: string) =>
      `${name} var ikke publisert da planene ble skrevet (${quote(plan, 'nb')} skriver ${quote(said, 'nb')}), og teksten er ikke blant Veileders kilder, så jeg kan ikke si hva den inneholder.`,
    plansSay: 'Dette sier planene om den:',
    plansSilent: 'Planene jeg kjenner, sier ikke noe mer om den.',
    link: (url: string) => `Standarden finner du her: ${url}`,
    noLink: (overview: string) => `Planene gir ingen adresse til den; se oversikten over Oslostandardene: ${overview}`,
  },
  en: {
    notIngested: (name: string) =>
      `The full text of ${quote(name, 'en')} is not among Veileder’s sources, so I cannot say what the standard itself says.`,
    notPublished: (name: string, said: string, plan: string) =>
      `${quote(name, 'en')} had not been published when the plans were written (${quote(plan, 'en')} says ${quote(said, 'en')}), and its text is not among Veileder’s sources, so I cannot say what it contains.`,
    plansSay: 'This is what the plans say about it:',
    plansSilent: 'The plans I know say nothing more about it.',
    link: (url: string) => `You can find the standard here: ${url}`,
    noLink: (overview: string) => `The plans give no address for it; see the overview of the Oslo standards: ${overview}`,
  },
} as const;

/** The sentence(s) of a section that name the standard. */
function sentencesNaming(text: string, name: string): string {
  const hits = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => findReferences(s).includes(name));
  return hits.slice(0, 2).join(' ');
}

/** What the plans say about a standard: its measures, else the passages naming it. */
function mentionCitations(standard: Standard, corpus: Corpus, today: Date, allowed: (doc: CorpusDocument) => boolean): Citation[] {
  const out: Citation[] = [];
  for (const mention of standard.mentions) {
    const doc = documentById(corpus, mention.documentId);
    if (!doc || !allowed(doc)) continue;
    const measures = doc.measures.filter((m) => mention.measureIds.includes(m.id));
    out.push(...measures.map((m) => measureCitation(doc, m, today, 1)));
    if (measures.length) continue;
    for (const section of doc.sections.filter((s) => mention.sectionIds.includes(s.id))) {
      const text = sentencesNaming(section.text, standard.name);
      if (text) out.push(passageCitation(doc, section, text, [standard.name], today, 1));
    }
  }
  return currentFirst(out).slice(0, MAX_SHOWN);
}

/** The registry scans every plan's text (~50 ms on the five plans): built once per corpus, not per question. */
const registries = new WeakMap<Corpus, Standard[]>();
function registryOf(corpus: Corpus): Standard[] {
  let registry = registries.get(corpus);
  if (!registry) registries.set(corpus, (registry = standardsRegistry(corpus)));
  return registry;
}

/**
 * The answer to a question about a standard whose text is not ingested, or null when the question
 * names no standard, asks something else about it (which plans refer to it), or its text is ingested.
 */
export function answerStandard(
  question: string,
  corpus: Corpus,
  opts: { today: Date; language: Language; /** the documents the question may draw on (the asker's filters) */ allowed?: (doc: CorpusDocument) => boolean },
): StandardAnswer | null {
  if (ASKS_WHICH.test(question) || !ASKS_CONTENT.test(question)) return null;
  const names = findReferences(question);
  if (!names.length) return null;
  const registry = registryOf(corpus);
  const named = names
    .map((name) => registry.find((s) => s.name === name))
    .find((s): s is Standard => Boolean(s));
  if (!named || named.documentId) return null;

  const t = T[opts.language];
  const lang = opts.language;
  const citations = mentionCitations(named, corpus, opts.today, opts.allowed ?? (() => true));
  const said = named.statusSource;
  const lines = [said ? t.notPublished(named.name, said.text, said.documentTitle) : t.notIngested(named.name)];
  if (citations.length) {
    lines.push(t.plansSay, ...citations.map((c, i) => `– ${describeCitation(c, i + 1, lang)}`));
  } else lines.push(t.plansSilent);
  if (named.status === 'published') lines.push(named.url ? t.link(named.url) : t.noLink(OSLOSTANDARDER_URL));
  return { answer: lines.join('\n'), found: citations.length > 0, citations };
}
