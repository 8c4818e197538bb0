/**
 * A small bilingual concept lexicon of the drugs and mental-health field, for the offline embedder:
 * words that mean the same thing to staff (Norwegian synonyms, everyday words, English) share a
 * concept feature, so «housing» or «bolig» meet «botilbud», and «next of kin» meets «pårørende».
 * Phrases are matched on folded stems (single words, or two words in a row).
 */
export const CONCEPTS: Record<string, string[]> = {
  overdose: ['overdose', 'overdoser', 'overdosedødsfall', 'overdosefare', 'overdoseforebygging', 'nalokson', 'naloxone', 'overdoses', 'od'],
  relatives: ['pårørende', 'relatives', 'next of kin', 'family members', 'familie', 'familier', 'foreldre', 'parents', 'søsken', 'siblings'],
  housing: ['bolig', 'boliger', 'botilbud', 'bosted', 'bostedsløse', 'bostedsløs', 'housing', 'home', 'homes', 'homeless', 'husvære', 'leilighet', 'booppfølging', 'bo', 'botrening', 'apartment'],
  youth: ['ungdom', 'ungdommer', 'unge', 'youth', 'young', 'teenagers', 'adolescents', 'tenåringer', 'utsatte unge', 'young people'],
  children: ['barn', 'children', 'child', 'kids', 'barneverntjenesten', 'barnevern', 'child welfare'],
  work: ['arbeid', 'jobb', 'work', 'employment', 'job', 'jobs', 'sysselsetting', 'arbeidspraksis', 'arbeidstrening', 'nav', 'ips'],
  substance: ['rus', 'rusmidler', 'rusmiddel', 'drugs', 'drug', 'substance', 'substances', 'narkotika', 'rusbruk', 'rusproblemer', 'addiction', 'avhengighet'],
  alcohol: ['alkohol', 'alcohol', 'drikking', 'drinking', 'skjenking', 'bevilling', 'licence'],
  mentalHealth: ['psykisk helse', 'psykiske helse', 'mental health', 'psykiske lidelser', 'psychiatric', 'psykiatri', 'mental illness'],
  harmReduction: ['skadereduksjon', 'skadereduserende', 'harm reduction', 'brukerrom', 'sprøyteutdeling', 'sprøyterom', 'consumption room', 'injection room', 'rusmiddelanalyse', 'drug checking'],
  prevention: ['forebygging', 'forebyggende', 'forebygge', 'prevention', 'prevent', 'preventing', 'preventive'],
  outreach: ['oppsøkende', 'utekontakt', 'utekontakten', 'outreach', 'street work', 'gatearbeid', 'feltarbeid', 'natteravn'],
  cooperation: ['samarbeid', 'samhandling', 'samordning', 'cooperation', 'collaboration', 'coordination', 'tverrfaglig', 'interdisciplinary'],
  competence: ['kompetanse', 'kompetanseheving', 'opplæring', 'kurs', 'training', 'competence', 'education', 'undervisning', 'skolering'],
  followUp: ['oppfølging', 'follow up', 'follow-up', 'ettervern', 'aftercare', 'oppfølgingstjeneste', 'rehabilitering', 'rehabilitation'],
  treatment: ['behandling', 'treatment', 'rusbehandling', 'legemiddelassistert', 'lar', 'substitution', 'tsb', 'spesialisthelsetjenesten', 'specialist'],
  school: ['skole', 'skolen', 'school', 'schools', 'elever', 'pupils', 'students', 'videregående', 'frafall', 'dropout'],
  violence: ['vold', 'violence', 'kriminalitet', 'crime', 'politi', 'police', 'politiet'],
  prison: ['fengsel', 'prison', 'løslatelse', 'release', 'soning', 'kriminalomsorgen', 'probation'],
  elderly: ['eldre', 'elderly', 'older', 'seniors', 'pensjonister'],
  plan: ['individuell plan', 'individual plan', 'ansvarsgruppe', 'koordinator', 'coordinator', 'care plan'],
  consent: ['samtykke', 'samtykkeerklæring', 'consent', 'taushetsplikt', 'confidentiality'],
  coercion: ['tvang', 'tvangstiltak', 'coercion', 'kapittel 10', 'kap 10', 'compulsory'],
  user: ['brukermedvirkning', 'brukerråd', 'user involvement', 'erfaringskonsulent', 'likeperson', 'peer', 'peers', 'brukerorganisasjon'],
  survey: ['kartlegging', 'kartlegge', 'brukerplan', 'survey', 'mapping', 'statistikk', 'statistics', 'ungdata'],
  activity: ['aktivitet', 'aktiviteter', 'aktivitetstilbud', 'activity', 'activities', 'fritid', 'leisure', 'meningsfulle'],
  health: ['helsestasjon', 'fastlege', 'lege', 'doctor', 'gp', 'helsetjeneste', 'health service', 'legevakt'],
  digital: ['digital', 'digitale', 'nettside', 'website', 'online', 'app', 'helseveiviseren'],
  economy: ['økonomi', 'gjeld', 'debt', 'money', 'penger', 'sosialhjelp', 'social assistance', 'økonomisk'],
  suicide: ['selvmord', 'suicide', 'selvskading', 'self harm'],
  responsible: ['ansvar', 'ansvarlig', 'responsible', 'who is responsible', 'in charge', 'hovedansvarlige'],
};
