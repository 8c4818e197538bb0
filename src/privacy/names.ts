/**
 * Names next to diagnoses: «Kari Nordmann har schizofreni», «pasienten Ola med bipolar lidelse».
 * Conservative on purpose — a capitalised word counts as a name only in a sentence that names a
 * diagnosis, and never when it is a unit, a district, a service or a common sentence opener, so
 * «Hva gjør Bydel Gamle Oslo for personer med schizofreni?» is left alone.
 */

const DIAGNOSIS =
  /\b(?:schizofren\p{L}*|bipolar\p{L}*|psykose\p{L}*|psykotisk\p{L}*|depresjon\p{L}*|deprimert|angstlidelse\p{L}*|ptsd|adhd|add|autis\p{L}*|asperger\p{L}*|spiseforstyrrel\p{L}*|anoreksi|bulimi|personlighetsforstyrrel\p{L}*|ustabil personlighet|borderline|rusavhengig\p{L}*|alkoholiker|narkoman|heroinavhengig\p{L}*|opioidavhengig\p{L}*|avhengighet|rop-lidelse|hiv|hepatitt\p{L}*|demens|tvangslidelse|ocd|diagnose\p{L}*|selvmordsforsøk|suicidal|schizophren\p{L}*|psychosis|psychotic|depression|depressed|addict\p{L}*|dementia|diagnos\p{L}*)\b/iu;

/** Capitalised words that are not personal names: units, districts, services, sentence openers. */
const NOT_NAMES = new Set(
  `
  hva hvem hvor hvordan hvilke hvilken hvilket hvorfor når kan skal må bør er har gjelder finnes jeg vi du de han hun
  det den en et min mitt mine vår vårt våre hans hennes deres vil trenger ønsker gi gir si sier og eller men i på
  for til med om fra av ved hos etter før under mellom uten hei takk kjære please what who where how which can
  does is are the a an my our i we you he she they hello hi thanks patient pasient pasienten brukeren bruker klient
  klienten beboer beboeren ungdom ungdommen
  oslo bydel bydelen bydelens kommune kommunen etat etaten avdeling avdelingen seksjon enhet tjeneste tjenesten
  alna bjerke frogner gamle grorud grünerløkka grunerløkka løkka nordre aker nordstrand søndre sagene st hanshaugen stovner
  ullern vestre østensjø sentrum marka tøyen grønland vålerenga kampen gamlebyen sofienberg
  nav velferdsetaten helseetaten utdanningsetaten boligbygg politiet politi uteseksjonen ungdomsteamet ruspoliklinikken
  helse mestring bolig oppvekst velferd tilrettelagte tjenester psykisk psykiatrisk lokalsamfunn forebyggende
  fact rop tsb dps lar kommuneoverlegen fastlege fastlegen legevakt legevakten sykehus ullevål aker lovisenberg
  diakonhjemmet sykehjemsetaten fransiskushjelpen blå kors kirkens bymisjon frelsesarmeen rio ivareta
  oslostandard oslostandarden standard standarden handlingsplan handlingsplanen tryggere liv tiltak planen
  fellesskriv individuell plan samtykkeerklæring bosin rask psykisk helsetjeneste rusomsorg
  januar februar mars april mai juni juli august september oktober november desember
  mandag tirsdag onsdag torsdag fredag lørdag søndag norge norsk norway norwegian
`
    .split(/\s+/)
    .filter(Boolean),
);

export interface Span {
  start: number;
  end: number;
}

const CAPITALISED = /\p{Lu}[\p{Ll}'’-]+/u;
const WORD = /[\p{L}'’-]+|[^\p{L}\s]+/gu;

function isNameWord(word: string): boolean {
  if (!CAPITALISED.test(word) || word !== word.match(CAPITALISED)?.[0]) return false;
  return !word
    .toLowerCase()
    .split(/[-'’]/)
    .some((part) => NOT_NAMES.has(part) || /team(?:et)?$/.test(part));
}

/** Spans of the text that look like a person's name in a sentence naming a diagnosis. */
export function looksLikeNameNextToDiagnosis(text: string): Span[] {
  const spans: Span[] = [];
  // Sentences: split on . ! ? and line breaks, keeping offsets.
  const sentence = /[^.!?\n]+[.!?]?/g;
  for (let m = sentence.exec(text); m; m = sentence.exec(text)) {
    const s = m[0];
    if (!DIAGNOSIS.test(s)) continue;
    const words: { w: string; start: number; end: number }[] = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(s); w; w = WORD.exec(s)) {
      words.push({ w: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length });
    }
    for (let i = 0; i < words.length; i++) {
      if (!isNameWord(words[i]!.w)) continue;
      let j = i;
      while (j + 1 < words.length && isNameWord(words[j + 1]!.w)) j++;
      // The first word of a sentence is capitalised anyway: alone it counts only when a verb of
      // having/suffering follows («Kari har schizofreni»), in a run of two or more it counts.
      const run = j - i + 1;
      const next = words[j + 1]?.w.toLowerCase();
      const prev = words[i - 1]?.w.toLowerCase();
      const personVerb = next !== undefined && /^(?:har|lider|fikk|sliter|er|med|som|sin|sitt|sine|has|is|with|suffers|who|got)$/.test(next);
      const personNoun = prev !== undefined && /^(?:pasient(?:en)?|bruker(?:en)?|klient(?:en)?|beboer(?:en)?|brukeren|sønnen|datteren|mannen|kona|naboen|kollegaen|ungdommen|gutten|jenta|til|om|client|patient|son|daughter|neighbour|neighbor)$/.test(prev);
      if (run >= 2 || personVerb || personNoun) spans.push({ start: words[i]!.start, end: words[j]!.end });
      i = j;
    }
  }
  return spans;
}
