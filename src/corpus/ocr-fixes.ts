/**
 * The curated part of the OCR repair (src/corpus/normalize.ts). Most repairs are derived from the
 * words of the four clean plans; these lists cover what those words cannot. Each entry was checked
 * against plan 004 (corpus/plans/nordstrand-2021-2023.txt).
 */

/**
 * Correct words the clean plans lack. They are repair targets («sgsken» → «søsken») and they
 * protect correct words from being «repaired» («bor» must not become «bør»).
 */
export const EXTRA_WORDS: ReadonlySet<string> = new Set<string>([
  // targets of repairs
  'året', 'åtte', 'bærekraft', 'besøkt', 'død', 'døgnopphold', 'føringene', 'føler', 'følgene', 'først',
  'foregått', 'funksjonsnivå', 'gjennomført', 'gjøres', 'økonomiske', 'økte', 'ønske', 'øremerkede',
  'gruppenivå', 'herregårdsveien', 'hjemmeboende', 'individnivå', 'instruktører', 'journalføres', 'leveår',
  'lokalmiljøet', 'målgruppen', 'målsetning', 'målsetting', 'medfører', 'miljø', 'miljøterapeut',
  'næringsrik', 'områdene', 'oppfølgingssamlinger', 'oppstår', 'ordinær', 'påbegynt', 'pågang',
  'pårørendesenteret', 'politirådet', 'røde', 'samtykkeerklæringer', 'sårbare', 'søndre', 'sørger',
  'søkere', 'søknader', 'søkt', 'sømløse', 'søsken', 'skårer', 'sosiallærer', 'spørre', 'spørsmål',
  'systemnivå', 'ufaglærte', 'undersøkelsen', 'utførerseksjoner', 'utføres', 'vedrørende', 'videreføring',
  'østensjø', 'ullevålsteam', 'hjemmebesøk', 'konflikthåndteringsnettverk',
  // correct words of plan 004 that a letter rule would otherwise turn into another word
  'bor',
]);

/**
 * Tokens that are words in their own right but, in the OCR plan, are always a misread å
 * («MAL: FOREBYGGING» is «MÅL: FOREBYGGING»). Applied to OCR text only.
 */
export const AMBIGUOUS_FIXES: ReadonlyMap<string, string> = new Map<string, string>([
  ['mal', 'mål'],
  ['fatt', 'fått'], // «har fatt barn»
]);

/** Damage no letter rule explains (dropped, added or merged letters). Key: the token in lower case. */
export const DIRECT_FIXES: ReadonlyMap<string, string> = new Map<string, string>([
  ['tiloudet', 'tilbudet'],
  ['hjelpetilboud', 'hjelpetilbud'],
  ['hjemmebespgk', 'hjemmebesøk'],
  ['sesknader', 'søknader'],
  ['ndvarende', 'nåværende'],
  ['pad', 'på'],
  ['sg@rger', 'sørger'],
  ['eldrei', 'eldre i'],
  ['sallto', 'SaLTo'],
  ['salto', 'SaLTo'],
  ['ungioslo', 'Ung i Oslo'],
  // «Oppvekt og velferd» in one table row: the unit is «Oppvekst og velferd» everywhere else.
  ['oppvekt', 'oppvekst'],
]);
