import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { missingFactKinds } from '../../src/answer/refusal.js';

/** The kinds of fact the plans never carry (src/language/data/fact-kinds.tsv), as a question asks for them. */

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus();
});

describe('missingFactKinds', () => {
  it.each([
    ['when does the user room open?', 'opening-hours'],
    ['what does the mayor think about the user room?', 'someones-view'],
    ['får man bot for å ha hasj på seg?', 'penalties'],
    ['what is the sentence for selling hash?', 'penalties'],
    ['what is the address of the drop-in centre?', 'contact-details'],
    ['how much are peer workers paid?', 'salary'],
    ['ledig akuttplass i natt?', 'availability-now'],
    ['hva heter boligkonsulenten på NAV Nordstrand?', 'who-holds-a-post'],
    ['kan man få bot for det?', 'penalties'],
    ['mobilnummeret til ruskonsulenten?', 'contact-details'],
    ['hva er mailen til NAV Grünerløkka?', 'contact-details'],
    ['åpnings tider for værestedet?', 'opening-hours'],
    ['kan jeg få navnet på lederen for FACT?', 'who-holds-a-post'],
    ['is it ok to tell his mother about the relapse?', 'legal-advice'],
    ['er det greit å dele journalen med NAV uten å spørre?', 'legal-advice'],
    ['kompisen ble kastet ut av kommunal bolig, kan de egentlig gjøre det lovlig?', 'legal-advice'],
    ['what are the ICD-10 criteria for opioid dependence?', 'rates-and-criteria'],
    ['Is there a national clinical guideline for ROP? What does it recommend on integrated treatment?', 'guideline-content'],
    ['What was the number of overdose deaths in Oslo in 2024?', 'counts'],
    ['What were the findings of that evaluation?', 'evaluation-results'],
    ['ble ROP-boligen faktisk bygget?', 'completion'],
    ['did the teams move from project to permanent operation?', 'completion'],
    ['Kan vi visitere folk i køen utenfor brukerrommet, hva sier politiloven?', 'legal-advice'],
    ['hvor store beslag av fentanyl var det i sentrum?', 'counts'],
    ['Nådde vi målet om 250 ungdommer i jobb i 2021?', 'completion'],
    ['kan politiet sjekke sekkene til ungdommer på klubben uten grunn?', 'legal-advice'],
    ['hva er aldersgrensen for å bruke brukerrom nå?', 'rates-and-criteria'],
    ['hva er honoraret for fastleger som møter i ansvarsgruppe?', 'price'],
    ['does the district pay GPs a fee for attending?', 'price'],
    ['hva er prisen for et kurs?', 'price'],
    ['Who currently heads the outreach service in Gamle Oslo?', 'who-holds-a-post'],
    ['hvem leder FACT-teamet nå?', 'who-holds-a-post'],
  ])('«%s» asks for %s', (q, kind) => {
    expect(missingFactKinds(q, undefined, corpus)).toContain(kind);
  });

  it.each([
    'Er det noe mer enn fine ord i planene om pårørende?',
    'Hei bot, hvem deler ut nalokson?',
    'er du en bot eller et menneske?',
    'how do the plans address drug use among older people?',
    'anything in the plans on paid work for people in recovery?',
    'summer holiday activities for young people in Gamle Oslo?',
    'explain FACT in one sentence',
    'åpner planen for samarbeid med frivillige?',
    'the plans list a number of measures on housing – which ones?',
    'er det startet?',
    'has that actually started or is it still on paper?',
    'who leads the work on naloxone in the districts?',
    // «pris…» is Norwegian for price, not the start of English «prison».
    'does the plan have anything for people released from prison?',
    'hvem leder arbeidet med SaLTo i bydelen?',
  ])('«%s» asks for no such fact', (q) => {
    expect(missingFactKinds(q, undefined, corpus)).toEqual([]);
  });
});
