/**
 * The standards, procedures and laws the plans point to, and how to find them in a text.
 *
 * The list is derived from what the five plans in corpus/ actually mention (grep the plans for
 * «standard», «samtykke», «individuell plan», «fellesskriv», «pakkeforløp», «IPS», «kapittel 10»,
 * «BoSIN», …). URLs are the public ones that plan 000 (Gamle Oslo, «Kilder/grunnlagsdokumentasjon»)
 * gives for the Oslo standards; a reference without a URL in the corpus has `url: null`.
 *
 * Matching is forgiving about how a plan (or a user) writes a name: upper/lower case, inflection
 * («oslostandarden for …»), a missing «Oslo» («Standard for rusfaglig arbeid»), line breaks and
 * hyphenation («samtykke-\nerklæring», «overdosefore-\nbyggende»), æ/ø/å written as ae/o/a, and the
 * OCR damage of plan 004 where ø is read as g or @ («oppsgkende», «pargrendearbeid»).
 */

export type ReferenceKind = 'standard' | 'procedure' | 'law';

export interface Reference {
  /** Canonical name, as shown to users and stored in Measure.references. */
  readonly name: string;
  readonly kind: ReferenceKind;
  /** Public URL where the corpus gives one (plan 000), else null. */
  readonly url: string | null;
}

interface ReferenceRule extends Reference {
  /** Patterns over folded text (see fold()); written with æ/ø/å, compiled to match their variants. */
  readonly patterns: readonly string[];
}

/** The overview page of all Oslo standards, as given in plan 000. */
export const OSLOSTANDARDER_URL = 'https://www.oslo.kommune.no/politikk/sentrale-planer-og-styringsdokumenter/oslostandarder/';

const VEL = 'https://www.oslo.kommune.no/getfile.php';

// «(oslo)standard(en) for» — the prefix every Oslo standard is written with.
const STD = '(?:oslo ?)?standard(?:en|ene)? for ';

const RULES: readonly ReferenceRule[] = [
  {
    name: 'Oslostandard for overdoseforebyggende arbeid i bydelene',
    kind: 'standard',
    url: `${VEL}/13319176-1649142885/Tjenester%20og%20tilbud/Politikk%20og%20administrasjon/Etater%2C%20foretak%20og%20ombud/Velferdsetaten/Fagrapporter%20rusomsorg/Oslostandard%20for%20overdoseforebyggende%20arbeid%20i%20bydelene%202019.pdf`,
    patterns: [`${STD}overdose ?(?:forebyggende|forebygging)`, 'overdosestandard'],
  },
  {
    name: 'Oslostandard for oppsøkende arbeid med utsatte unge',
    kind: 'standard',
    url: `${VEL}/13381010-1601979343/Tjenester%20og%20tilbud/Politikk%20og%20administrasjon/Etater%2C%20foretak%20og%20ombud/Velferdsetaten/Fagrapporter%20rusomsorg/Oslostandard%20for%20opps%C3%B8kende%20arbeid%20med%20utsatte%20unge.pdf`,
    patterns: [`${STD}oppsøkende (?:arbeid|tjenester|ungdomsarbeid)`],
  },
  {
    name: 'Oslostandard for pårørendesamarbeid',
    kind: 'standard',
    url: `${VEL}/13383316-1651135329/Tjenester%20og%20tilbud/Politikk%20og%20administrasjon/Etater%2C%20foretak%20og%20ombud/Velferdsetaten/Fagrapporter%20og%20strategiske%20dokumenter/Oslostandard%20for%20p%C3%A5r%C3%B8rendesamarbeid.pdf`,
    patterns: [`${STD}pårørende ?(?:samarbeid|arbeid)`],
  },
  {
    name: 'Oslostandard for rusfaglig arbeid',
    kind: 'standard',
    url: `${VEL}/13418586-1651131375/Tjenester%20og%20tilbud/Politikk%20og%20administrasjon/Etater%2C%20foretak%20og%20ombud/Velferdsetaten/Fagrapporter%20og%20strategiske%20dokumenter/Oslostandard%20for%20rusfaglig%20arbeid.pdf`,
    patterns: [`${STD}rusfaglig arbeid`],
  },
  {
    // Plan 000 lists it as «Oslostandard for tjenester i hjemmet»; its URL names it «Overordnet standard …».
    name: 'Overordnet standard for tjenester i hjemmet',
    kind: 'standard',
    url: `${VEL}/13338710-1575984700/Tjenester%20og%20tilbud/Helse%20og%20omsorg/Fag%20og%20kompetanse%20-%20helse%20og%20omsorg/Overordnet%20standard%20for%20tjenester%20i%20hjemmet/Overordnet%20standard%20for%20tjenester%20i%20hjemmet_%20publikasjon.pdf`,
    patterns: [`(?:overordnet )?${STD}tjenester i hjemmet`],
  },
  {
    // «ikke kommet enda» (plan 000) — announced, no URL in the corpus.
    name: 'Oslostandard for booppfølging',
    kind: 'standard',
    url: null,
    patterns: [`${STD}bo ?oppfølging`],
  },
  {
    name: 'Oslostandard for bomiljøarbeid',
    kind: 'standard',
    url: null,
    patterns: [`${STD}bo ?miljø ?arbeid`],
  },
  {
    name: 'Individuell plan',
    kind: 'procedure',
    url: null,
    patterns: ['individuell(?:e)? plan(?:er|en|ene)?\\b'],
  },
  {
    name: 'Samtykkeerklæring',
    kind: 'procedure',
    url: null,
    patterns: ['samtykke ?erklæring'],
  },
  {
    name: 'Fellesskriv 3/2021',
    kind: 'procedure',
    url: null,
    patterns: ['fellesskriv(?:et)? (?:nr\\.? ?)?3 ?/ ?2021'],
  },
  {
    name: 'Pakkeforløp',
    kind: 'procedure',
    url: null,
    patterns: ['pakkeforløp'],
  },
  {
    name: 'IPS',
    kind: 'procedure',
    url: null,
    patterns: ['\\bips\\b', 'individual placement (?:and|&) support', 'individuell jobbstøtte'],
  },
  {
    name: 'Helse- og omsorgstjenesteloven kap. 10',
    kind: 'law',
    url: null,
    patterns: [
      '(?:helse ?og ?omsorgstjenesteloven|\\bhol\\b|\\bhotjl\\b|\\bhtol\\b) ?(?:kap(?:ittel|\\.)? ?10\\b|§ ?10 \\d)',
      'kap(?:ittel|\\.)? ?10 (?:i|etter) (?:helse ?og ?omsorgstjenesteloven|\\bhol\\b)',
    ],
  },
  {
    name: 'BoSIN-veilederen',
    kind: 'procedure',
    url: null,
    patterns: ['\\bbosin ?veileder', 'veilederen «?fra institusjon til privateid bolig'],
  },
  {
    name: 'SaLTo handlingsprogram',
    kind: 'procedure',
    url: null,
    patterns: ['\\bsalto ?handlingsprogram'],
  },
  {
    name: 'Europeisk håndbok om evidensbasert rusforebyggende arbeid (EUPC)',
    kind: 'procedure',
    url: null,
    patterns: ['\\beupc\\b', 'europeisk håndbok om evidensbasert rusforebyggende'],
  },
  {
    name: 'AUDIT-C',
    kind: 'procedure',
    url: null,
    patterns: ['\\baudit ?c\\b'],
  },
  {
    name: 'Motiverende intervjuteknikk',
    kind: 'procedure',
    url: null,
    patterns: ['motiverende intervju'],
  },
  {
    // Tryggere liv 11F writes «Prop 83L. (2025)».
    name: 'Prop. 83 L (2025)',
    kind: 'law',
    url: null,
    patterns: ['\\bprop\\.? ?83 ?l\\b'],
  },
];

/** The fixed list of references, in a stable order (standards first). */
export const REFERENCES: readonly Reference[] = RULES.map(({ name, kind, url }) => ({ name, kind, url }));

/**
 * Lower-case; æ/ø/å folded to ae/o/a; hyphenation at line ends joined; hyphens, slashes-free
 * whitespace and line breaks collapsed to one space. OCR variants are handled by the patterns.
 */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/(\p{L})-[ \t]*\r?\n[ \t\r\n]*(\p{L})/gu, '$1$2')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/[\s\-–]+/g, ' ');
}

/** Compiles a pattern written with æ/ø/å and spaces into one for folded text. */
function compile(pattern: string): RegExp {
  const source = pattern
    .replace(/æ/g, '(?:ae|ze|e)')
    .replace(/ø/g, '(?:o|g|@)')
    .replace(/å/g, '(?:a|&)')
    // A space in a pattern allows none or one: PDF extraction both splits and glues words.
    .replace(/ (?!\?)/g, ' ?');
  return new RegExp(source, 'g');
}

const COMPILED = RULES.map((rule) => ({ name: rule.name, regexes: rule.patterns.map(compile) }));

/**
 * The canonical names of the references `text` mentions, in order of first mention, each once.
 * Works on plan text (line breaks, hyphenation, OCR damage) and on user questions alike.
 */
export function findReferences(text: string): string[] {
  const folded = fold(text);
  const hits: { name: string; at: number }[] = [];
  for (const { name, regexes } of COMPILED) {
    let first = Infinity;
    for (const re of regexes) {
      re.lastIndex = 0;
      const m = re.exec(folded);
      if (m && m.index < first) first = m.index;
    }
    if (first !== Infinity) hits.push({ name, at: first });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.name);
}

/** The reference with this canonical name, if it is one of REFERENCES. */
export function referenceByName(name: string): Reference | undefined {
  return REFERENCES.find((r) => r.name === name);
}
