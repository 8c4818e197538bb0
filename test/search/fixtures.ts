import type { Corpus, CorpusDocument, Measure } from '../../src/corpus/types.js';

/** A small corpus built in memory, shaped like the real plans (ids, units, OCR damage), for unit tests. */

function doc(id: string, title: string, owner: string, period: [number, number], measures: Omit<Measure, 'documentId' | 'accountable' | 'references'>[], sections: CorpusDocument['sections'], refs: Record<string, string[]> = {}): CorpusDocument {
  return {
    id,
    file: `plans/${id}.txt`,
    title,
    owner,
    period: { from: period[0], to: period[1] },
    url: null,
    language: 'nb',
    kind: 'plan',
    layout: 'generic',
    ocr: false,
    hash: `hash-${id}`,
    sections,
    measures: measures.map((m) => ({ ...m, documentId: id, accountable: [], references: refs[m.id] ?? [] })),
  };
}

export function smallCorpus(): Corpus {
  return {
    glossary: [],
    documents: [
      doc('grunerlokka-2021-2024', 'Handlingsplan for rusarbeid i Bydel Grünerløkka 2021–2024', 'Bydel Grünerløkka', [2021, 2024], [
        { id: '2.2.2', text: 'Oppsøkende arbeid rettet mot ungdom i risiko på Sofienberg og Birkelunden', section: '2.2 Tiltak tidlig innsats', responsible: ['Utekontakten', 'KUL'], goal: 'Fange opp unge tidlig' },
        { id: '3.1.1', text: 'Etablere faste samarbeidsmøter med pårørende og pårørendeorganisasjoner', section: '3.1 Pårørende', responsible: ['Rus og psykisk helse'] },
        { id: '3.2.1', text: 'Gi opplæring i nalokson og overdoseforebyggende arbeid til ansatte i botiltak', section: '3.2 Overdose', responsible: ['Boligkontoret'] },
      ], [
        { id: '2.2', number: '2.2', title: 'Tiltak tidlig innsats', text: 'Bydelen skal fange opp barn og unge som begynner å bruke rusmidler. Tidlig innsats gir bedre resultater.' },
      ], { '3.1.1': ['Oslostandard for pårørendesamarbeid'] }),
      doc('nordstrand-2021-2023', 'Ruspolitisk handlingsplan 2021–2023, Bydel Nordstrand', 'Bydel Nordstrand', [2021, 2023], [
        { id: 'nordstrand-1', text: 'Tilby pargrendegrupper og veiledning for familier med rusproblemer', responsible: ['Mestring og omsorg'] },
        { id: 'nordstrand-2', text: 'Oppfglging av personer i egen bolig etter utskrivning fra behandling', responsible: ['NAV Nordstrand'] },
      ], [
        { id: 'utekontakten', number: null, title: 'Utekontakten', text: 'Utekontakten driver oppsøkende arbeid blant ungdom mellom 13 og 23 år. Tjenesten samarbeider med skolene og politiet. Ungdom kan ta kontakt uten henvisning.' },
      ]),
      doc('oslo-tryggere-liv-2026-2029', 'Tryggere liv – Handlingsplan for rusfeltet i Oslo 2026–2029: Forebygging og skadereduksjon', 'Oslo kommune (byrådet)', [2026, 2029], [
        { id: '10S', text: 'Etablere et brukerrom 2 i Oslo sentrum for personer som injiserer eller røyker rusmidler', responsible: ['Velferdsetaten'], goal: 'Færre overdosedødsfall' },
        { id: '3F', text: 'Utvide tilbudet om rusmiddelanalyse til flere målgrupper', responsible: ['Velferdsetaten'] },
        { id: '11S', text: 'Sikre at alle som løslates fra fengsel får tilbud om bolig og oppfølging', responsible: ['Kriminalomsorgen', 'NAV'] },
      ], []),
    ],
  };
}
