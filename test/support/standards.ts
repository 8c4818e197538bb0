/**
 * The seven Oslo standards, as plan 000 (Gamle Oslo) names them in measure 11, in that order: the
 * expected value that the parser, findReferences and the standards registry are each pinned against.
 */
export const SEVEN_STANDARDS = [
  'Oslostandard for overdoseforebyggende arbeid i bydelene',
  'Oslostandard for oppsøkende arbeid med utsatte unge',
  'Oslostandard for pårørendesamarbeid',
  'Oslostandard for rusfaglig arbeid',
  'Overordnet standard for tjenester i hjemmet',
  'Oslostandard for booppfølging',
  'Oslostandard for bomiljøarbeid',
];
