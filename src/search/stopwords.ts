/**
 * Words that carry no meaning for retrieval, in folded form (see fold() in tokenize.ts):
 * the Snowball Norwegian stop list, bokmål question words and the common English function words
 * (staff sometimes ask in English).
 */
const NORWEGIAN = `og i jeg det at en et den til er som pa de med han av ikke ikkje der sa var meg seg men ett har om vi
min mitt ha hadde hun na over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjol her alle vil
bli ble blei blitt kunne inn nar vaere kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine
sitt mot a meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sann inni mellom var vart
hennes hvis hoss hvem hvilket enn hverken nei bare jo mye mer mest mange slik fordi hos blant ogsa enda litt sant
fins finnes gjor gjore gjores gjort gis gi gir lage lages hei takk vet vite fortell forklar finne fant trenger jobber
dere dine vaer hvordan`;

const ENGLISH = `the a an of to in on at for from by with and or is are was were be been being do does did what which
who whom whose where when why how this that these those it its i we you they he she them our your their my me us
there here about into than then so not no yes can could should would will shall may might must any some all please
tell find show give get got have has had`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${NORWEGIAN} ${ENGLISH}`.split(/\s+/).filter(Boolean));
