/**
 * The language of a question (bokmål unless it is clearly English) and the few Norwegian words an
 * English question needs so that retrieval over Norwegian plans finds what it asks about.
 */

export type Language = 'nb' | 'en';

const ENGLISH = new Set(
  `the what who whom which where when why how does do is are was were can could should would will of for in on at to
  with and or a an this that these those there it my our your their responsible measure measures plan plans district
  districts standard mean means stand stands about please tell give any handle handles help people from into by with
  be been has have men women after before between than not all some get use used using who's what's`.split(/\s+/),
);
/** Endings only English words have among the plans' and the questions' words (prevention, dangerous, impurities). */
const ENGLISH_ENDING = /\p{L}{3}(?:tions?|ous|ies|ness|ity)$/u;
const NORWEGIAN = new Set(
  `hva hvem hvilke hvilken hvor hvordan hvorfor er har og i på for til med om av som det den en et jeg vi kan skal
  bydel bydelen tiltak ansvar ansvarlig plan planen planene står betyr gjør finnes noen ikke der`.split(/\s+/),
);

export function detectLanguage(text: string): Language {
  if (/[æøå]/i.test(text)) return 'nb';
  let en = 0;
  let nb = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(w) || ENGLISH_ENDING.test(w)) en++;
    if (NORWEGIAN.has(w)) nb++;
  }
  return en >= 2 && en > nb ? 'en' : 'nb';
}

/** English → Norwegian words of the field, for retrieval only (never shown to the user). */
const EN_NB: [RegExp, string][] = [
  [/\bnalox\w*/i, 'nalokson'],
  [/\boverdos\w*/i, 'overdose overdoseforebyggende'],
  [/\bharm reduction\b/i, 'skadereduksjon'],
  [/\bprevent\w*/i, 'forebygging forebyggende'],
  [/\b(?:relatives|next of kin|family members?|carers?)\b/i, 'pårørende'],
  [/\bhous\w*|\bhomes?\b|\bhomeless\w*/i, 'bolig bostedsløse'],
  [/\b(?:youth|young people|adolescents?|teen\w*)\b/i, 'ungdom unge'],
  [/\bchild\w*|\bkids?\b/i, 'barn'],
  [/\bdrugs?\b|\bsubstance\w*|\baddiction\b/i, 'rus'],
  [/\bmental health\b/i, 'psykisk helse'],
  [/\boutreach\b/i, 'oppsøkende'],
  [/\bconsumption rooms?|\binjection rooms?|\bsafe(?:r)? use rooms?/i, 'brukerrom'],
  [/\btreatment\b/i, 'behandling'],
  [/\bfollow[- ]?up\b/i, 'oppfølging'],
  [/\bcontact person\b/i, 'kontaktperson'],
  [/\bindividual (?:care )?plan\b/i, 'individuell plan'],
  [/\bpeer (?:workers?|support)\b|\blived experience\b/i, 'erfaringskonsulent erfaringskompetanse'],
  [/\balcohol\b/i, 'alkohol'],
  [/\bpolice\b/i, 'politi'],
  [/\bschools?\b/i, 'skole'],
  [/\bemployment\b|\bjobs?\b|\bwork\b/i, 'arbeid'],
  [/\bresponsible\b|\bin charge\b/i, 'ansvar'],
  [/\bmeasures?\b|\bactions?\b|\binitiatives?\b/i, 'tiltak'],
  [/\bdistricts?\b|\bboroughs?\b/i, 'bydel'],
  [/\bstandards?\b/i, 'standard oslostandard'],
  [/\bdental\b|\bteeth\b/i, 'tannhelse'],
  [/\bnutrition\b/i, 'ernæring'],
  [/\bprisons?\b|\brelease\w*/i, 'løslatelse fengsel'],
  [/\bcoercion\b|\binvoluntary\b/i, 'tvang'],
  [/\bsuicid\w*/i, 'selvmord selvmordsforebyggende'],
  [/\bprojects?\b/i, 'prosjekt'],
  [/\bgoals?\b|\baims?\b|\bobjectives?\b/i, 'mål'],
  [/\bmen\b/i, 'menn'],
  [/\bswitch\w*/i, 'switch overgang'],
  [/\bviolence\b/i, 'vold'],
  [/\bgambling\b/i, 'pengespill'],
  [/\bshelters?\b/i, 'krisesenter botilbud'],
  [/\bdrug checking\b|\btesting (?:of )?drugs\b/i, 'rusmiddelanalyse'],
  [/\bimpurit\w*/i, 'urenheter'],
  [/\bsummer jobs?\b/i, 'sommerjobb'],
  [/\belderly\b|\bolder (?:people|adults)\b|\bseniors?\b/i, 'eldre'],
  [/\bassertive community treatment\b/i, 'FACT'],
  [/\bworr\w*|\bconcern\w*/i, 'bekymring'],
  [/\bheroin\b/i, 'heroin'],
  [/\bsmok\w*/i, 'røyking'],
  [/\binject\w*/i, 'injisering sprøyte'],
  [/\bcannabis\b|\bhash\w*|\bmarijuana\b/i, 'cannabis hasj'],
  [/\bcocaine\b/i, 'kokain'],
  [/\bnasal spray\b/i, 'nesespray'],
  [/\bpeer\b|\buser organi[sz]ations?\b/i, 'brukerorganisasjoner'],
  [/\bcrime\b|\bcriminal\w*/i, 'kriminalitet'],
  [/\bdrop(?:ping)? out\b|\bdropouts?\b/i, 'frafall'],
  [/\bpupils?\b|\bstudents?\b/i, 'elever'],
  [/\bparents?\b/i, 'foreldre'],
  [/\bself[- ]help\b/i, 'selvhjelp'],
  [/\bapps?\b/i, 'app'],
  [/\bvolunteer\w*|\bngos?\b|\bnon-profit\w*/i, 'frivillige ideelle'],
  [/\bgrants?\b|\bfunding\b|\bsubsid\w*/i, 'tilskudd'],
  [/\bgps?\b|\bgeneral practitioners?\b/i, 'fastlege'],
];

/** The Norwegian words of the field an English question asks about ('' when none). */
export function norwegianEquivalents(question: string): string {
  return EN_NB.filter(([re]) => re.test(question))
    .map(([, nb]) => nb)
    .join(' ');
}

/** The question with Norwegian equivalents appended when it is English. */
export function retrievalQuery(question: string, language: Language): string {
  const extra = language === 'en' ? norwegianEquivalents(question) : '';
  return extra ? `${question} ${extra}` : question;
}
