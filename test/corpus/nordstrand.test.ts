import { describe, expect, it } from 'vitest';
import { parseNordstrand, splitUnits } from '../../src/corpus/parsers/nordstrand.js';
import { normalizedPlan } from '../support/normalized.js';

const DOC = 'nordstrand-2021-2023';
const { entry, text } = normalizedPlan(DOC);
const plan = parseNordstrand(text, entry);
const byId = (id: string) => {
  const m = plan.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
};

const NAV_HMB = 'NAV ved Helse, mestring og bolig';
const OV = 'Oppvekst og velferd';
const TTPH = 'Tilrettelagte tjenester og psykisk helse';
const MO = 'Mestring og omsorg';
const OKT = 'Økt livskvalitet for personer med rusproblemer';

describe('parseNordstrand: the MÅL / TILTAK / ANSVARLIG / STATUS table', () => {
  it('makes every one of the 49 rows a measure, N1–N49 in table order', () => {
    expect(plan.measures.map((m) => m.id)).toEqual(Array.from({ length: 49 }, (_, i) => `N${i + 1}`));
    for (const m of plan.measures) {
      expect(m.documentId).toBe(DOC);
      expect(m.responsible.length, m.id).toBeGreaterThan(0);
      expect(m.section).toBe('5 Handlingsplanens tiltak');
      // Readable: no OCR damage, no column separators, no status or unit left in the TILTAK text.
      expect(m.text, m.id).not.toMatch(/[@|]|Påbegynt|Oppvekst og velferd|(?<!\p{L})(?:pa|a|nar|ar)(?!\p{L})/u);
    }
  });

  it('groups the rows under the three MÅL of the table', () => {
    const goals = plan.measures.map((m) => m.goal);
    expect(goals.filter((g) => g === 'Forebygging')).toHaveLength(8);
    expect(goals.filter((g) => g === 'Tidlig innsats')).toHaveLength(10);
    expect(goals.filter((g) => g === 'Økt livskvalitet')).toHaveLength(31);
  });

  it.each([
    // id, TILTAK (start), priority (the row's MÅL cell), responsible, accountable, status, references
    ['N1', 'Etablere rutine for oppfølging av bekymringsmeldinger knyttet til rusproblematikk hos barn og unge', 'Forebygging for å forhindre at rusproblemer oppstår', [OV], [], undefined, []],
    ['N2', 'Følge Oslostandard for oppsøkende arbeid rettet mot utsatt ungdom', 'Forebygging for å forhindre at rusproblemer oppstår', ['Forebyggende tjenester'], [OV], 'Påbegynt', ['Oslostandard for oppsøkende arbeid med utsatte unge']],
    ['N3', 'Bedrive oppsøkende ungdomsarbeid og ha tett samarbeid med skole, politi, fritidsklubber, barnevern, SaLTo og andre aktører', 'Forebygging for å forhindre at rusproblemer oppstår', ['Forebyggende tjenester', 'SaLTo'], [OV], 'Påbegynt', []],
    ['N8', 'Delta i konflikthåndteringsnettverk sammen med bydelene Østensjø og Søndre Nordstrand samt forebyggende politi, Uteseksjonen og Røde Kors', 'Forebygging for å forhindre at rusproblemer oppstår', [OV], [], 'Påbegynt', []],
    ['N9', 'Utforme bydelens nettsider slik at det er lett å finne frem til hvilke hjelpetilbud som finnes og hvor man kan henvende seg', 'Tidligere innsats når rusproblemer oppstår', ['Bydelens stab'], [], undefined, []],
    ['N10', 'Utforme rutiner for å sikre at instansen i bydel som først kommer i kontakt med en person med rusproblemer, eller pårørende, sikrer at personens behov for videre oppfølging blir vurdert', 'Tidligere innsats når rusproblemer oppstår', [OV, TTPH, MO], [], undefined, []],
    ['N12', 'Tilby opplæring om rus og forebyggende arbeid for ansatte som jobber med barn og ungdom i bydelen', 'Tidligere innsats når rusproblemer oppstår', ['NAV', 'SaLTo', 'Ruskonsulent Ung', 'Utekontakten'], [OV], undefined, []],
    ['N15', 'Etablere tilbud om hasjavvenningsprogram (HAP) i bydelen samt sikre at ansatte får opplæring i metoden', 'Tidligere innsats når rusproblemer oppstår', [OV], [], undefined, []],
    ['N18', 'Tilby rask psykisk helsehjelp til personer med lettere psykiske lidelser', 'Tidligere innsats når rusproblemer oppstår', [TTPH], [], 'Påbegynt', []],
    ['N19', 'Etablere et aktivitetshus for personer med utfordringer knyttet til rus og psykisk helse som bor i bydel', `Meningsfull aktivitet – ${OKT}`, [OV, TTPH, 'Helse og samfunn'], ['Bydelssamarbeid'], 'Påbegynt', []],
    ['N22', 'Ha tilbud om jobbspesialist og/eller IPS som kan gi arbeidsrettet oppfølging av personer med rusutfordringer', `Meningsfull aktivitet – ${OKT}`, ['NAV'], [OV], 'Påbegynt', ['IPS']],
    ['N24', 'Etablere FACT for personer med alvorlig psykisk lidelse og samtidig rusavhengighet', `Oppfølging – ${OKT}`, [TTPH, 'Søndre Oslo DPS'], [], 'Påbegynt', []],
    ['N27', 'Utarbeide eget kartleggingsskjema for personer med utfordringer knyttet til rus og psykisk helse', `Oppfølging – ${OKT}`, ['NAV'], [OV], undefined, []],
    ['N28', 'Begynne å fatte vedtak på rusoppfølging fra NAV', `Oppfølging – ${OKT}`, [NAV_HMB], [OV], undefined, []],
    ['N29', 'Etablere rutine som sikrer at alle med langvarig og sammensatte behov får tilbud om individuell plan, og at svaret på tilbudet journalføres', `Oppfølging – ${OKT}`, [OV, MO, TTPH], [], undefined, ['Individuell plan']],
    ['N30', 'Sikre at alle aktuelle ansatte får opplæring og kan dele ut Nalokson nesespray, som et ledd i overdoseforebyggende arbeid', `Oppfølging – ${OKT}`, [NAV_HMB], [OV], 'Påbegynt', []],
    ['N34', 'Kartlegg muligheten for privat leiebolig før kommunal bolig vurderes. Benytte BoSIN-veilederen «Fra institusjon til privateid bolig» for å sikre videreføring av fokus på privat utleie som en mulighet for brukergruppen.', `Bolig – ${OKT}`, [NAV_HMB], [OV], 'Påbegynt', ['BoSIN-veilederen']],
    ['N36', 'Utrede muligheten for å etablere tilrettelagte botilbud for personer med utfordringer knyttet til rus- og psykisk helse', `Bolig – ${OKT}`, ['Bydel'], [], undefined, []],
    ['N38', 'Etablere ambulerende team som tilbyr oppfølging til personer med psykiske lidelser og/eller rusutfordringer', `Bolig – ${OKT}`, ['Psykisk helse', NAV_HMB], [TTPH, OV], 'Påbegynt', []],
    ['N40', 'Tilby booppfølging til personer som flytter fra institusjon til bolig', `Bolig – ${OKT}`, ['Psykisk helse', NAV_HMB], [TTPH, OV], 'Påbegynt', []],
    ['N43', 'Sikre at pårørende ivaretas ved å følge Oslostandard for pårørendearbeid', `Pårørendearbeid – ${OKT}`, [OV, MO, TTPH], [], undefined, ['Oslostandard for pårørendesamarbeid']],
    ['N45', 'Ha kjennskap til selvhjelpsgrupper og brukerorganisasjoner — og informere både pårørende og brukere om disse tilbudene', `Frivillighet – ${OKT}`, [OV, MO, TTPH], [], undefined, []],
    ['N49', 'Etablere rutine for innhenting av samtykke rundt tverrfaglig samarbeid', `Tverrfaglig samarbeid – ${OKT}`, [OV, MO, TTPH], [], undefined, []],
  ] as const)('%s: %s', (id, tiltak, priority, responsible, accountable, status, references) => {
    const m = byId(id);
    expect(m.text).toBe(tiltak);
    expect(m.priority).toBe(priority);
    expect(m.responsible).toEqual(responsible);
    expect(m.accountable).toEqual(accountable);
    expect(m.status).toBe(status);
    expect(m.references).toEqual(references);
  });

  it('splits ANSVARLIG into the units as written, the department before a colon kept apart', () => {
    expect(splitUnits('Oppvekst og velferd: NAV ved Helse, mestring og bolig')).toEqual({ responsible: [NAV_HMB], accountable: [OV] });
    expect(splitUnits('Oppvekst og velferd, Mestring og Omsorg')).toEqual({ responsible: [OV, MO], accountable: [] });
  });
});

describe('parseNordstrand: sections', () => {
  const sections = new Map(plan.sections.map((s) => [s.number, s]));

  it('reads the numbered chapters, with chapter 3’s services as sections of their own', () => {
    expect([...sections.keys()]).toEqual([
      '1', '2', '2.1', '2.2', '3', '3.1', '3.1.1', '3.1.2', '3.1.2.1', '3.1.3', '3.1.4', '3.1.4.1', '3.1.4.2',
      '3.1.4.3', '3.1.4.5', '3.2', '3.2.1', '3.3', '3.3.1', '4', '4.1', '4.2', '5',
    ]);
    expect(sections.get('3.1.1')?.title).toBe('NAV Nordstrand');
    expect(sections.get('3.1.2.1')?.title).toBe('Ruskonsulent Ung');
    expect(sections.get('3.2.1')?.title).toBe('FACT-team');
  });

  it('gives each service description as readable text', () => {
    expect(sections.get('3.1.1')?.text).toContain(
      'På NAV Nordstrand er hovedansvaret for oppfølging av personer med rus- og eller alvorlige psykiske helseproblemer lagt til avdeling Helse, mestring og bolig.',
    );
    expect(sections.get('3.1.4.5')?.text).toMatch(/^Helsestasjon for ungdom \(HFU\) er et tilbud for ungdom mellom 12-23 år/);
    for (const s of plan.sections) expect(s.text, s.number ?? s.title).not.toMatch(/[@|]|oppfglging|(?<!\p{L})pa(?!\p{L})/u);
  });

  it('keeps the table out of chapter 5’s text', () => {
    expect(sections.get('5')?.text).toMatch(/^I utarbeidingen av tiltak til handlingsplanen/);
    expect(sections.get('5')?.text).not.toContain('TILTAK ANSVARLIG');
  });
});
