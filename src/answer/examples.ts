/**
 * The example questions every channel offers a first-time user: the web page's buttons, the Slack
 * help text and the Teams welcome. One list, so they cannot drift apart; each is answered from the
 * corpus with sources (test/answer/examples.test.ts). The first also stands in the Teams manifest.
 */
export const EXAMPLE_QUESTIONS = [
  'Hva er tiltak 10S?',
  'Hvem har ansvar for nalokson-utdeling på Nordstrand?',
  'Hva står TSB for?',
  'Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?',
  'Hvem har ansvaret for startlån til folk med rus i Bydel Gamle Oslo?',
] as const;
