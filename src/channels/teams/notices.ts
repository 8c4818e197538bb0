import { EXAMPLE_QUESTIONS } from '../../answer/examples.js';

/**
 * What the Teams bot says of its own accord (bokmål): the welcome, help for an empty message,
 * and failures. Answers to questions — also to overlong ones — are never worded here; they come from ask().
 */

const examples = EXAMPLE_QUESTIONS.map((q) => `- ${q}`).join('\n');

export const NOTICES = {
  welcome:
    'Hei! Jeg er **Veileder**. Jeg svarer på spørsmål om Oslos og bydelenes handlingsplaner for rus og ' +
    'psykisk helse og Oslostandardene, og viser alltid hvilken enhet som har ansvaret, hvilket tiltak det ' +
    'gjelder og hvor det står.\n\nPrøv for eksempel:\n\n' +
    examples +
    '\n\nI en kanal: nevn meg med @Veileder. Ikke skriv personopplysninger (fødselsnummer, navn, telefonnummer).',
  empty: `Skriv et spørsmål om handlingsplanene, for eksempel:\n\n${examples}`,
  failed: 'Beklager, jeg klarte ikke å svare akkurat nå. Prøv igjen om litt – vedvarer feilen, si fra til den som drifter Veileder.',
} as const;
