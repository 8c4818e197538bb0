import { describe, expect, it } from 'vitest';
import { parseGamleOslo, splitRow } from '../../src/corpus/parsers/gamle-oslo.js';
import { parsePlan } from '../support/plan.js';
import { SEVEN_STANDARDS } from '../support/standards.js';

const DOC = 'gamle-oslo-2022-2025';
const plan = parsePlan(DOC, parseGamleOslo);

describe('parseGamleOslo', () => {
  it('reads all 41 tiltak, numbered 1–41, each with a priority and a responsible department', () => {
    expect(plan.measures.map((m) => m.id)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    for (const m of plan.measures) {
      expect(m.documentId).toBe(DOC);
      expect(m.priority, m.id).toBeTruthy();
      expect(m.responsible.length, m.id).toBeGreaterThan(0);
      expect(m.section).toBe('3 Hva skal vi prioritere og hva skal vi få til, frem mot 2025?');
    }
  });

  it.each([
    ['1', ['Samtlige avdelinger'], 'Helhetlige og tilgjengelige tjenester'],
    ['2', ['NAV', 'Avdeling Mestring og Helse'], 'Arbeid og aktivitet'],
    ['5', ['Avdeling Mestring og Helse', 'NAV'], 'Helhetlige og tilgjengelige tjenester'],
    ['14', ['Avdeling Lokalsamfunn'], 'Arbeid og aktivitet; Forebygging og tidlig innsats'],
    ['15', ['NAV', 'Avdeling Mestring og Helse'], 'Arbeid og aktivitet'],
    ['19', ['Avdeling Oppvekst'], 'Forebygging og tidlig innsats'],
    ['22', ['Avdeling Mestring og Helse'], 'Helhetlige og tilgjengelige tjenester'],
    ['24', ['Avdeling Lokalsamfunn', 'Avdeling Oppvekst'], 'Forebygging og tidlig innsats'],
    ['26', ['Avdeling for innovasjon og utvikling'], 'Forebygging og tidlig innsats; Helhetlige og tilgjengelige tjenester'],
    ['31', ['Avdeling Mestring og Helse', 'De andre fagavdelingene'], 'Helhetlige og tilgjengelige tjenester'],
    ['33', ['Avdeling Mestring og Helse', 'Avdeling Lokalsamfunn'], 'Gjensidige og robuste partnerskap'],
    ['35', ['Avdeling Lokalsamfunn'], 'Forebygging og tidlig innsats; Gjensidige og robuste partnerskap'],
    ['36', ['Bydel Gamle Oslo'], 'Forebygging og tidlig innsats'],
    ['39', ['Avdeling Lokalsamfunn', 'Avdeling Mestring og Helse'], 'Forebygging og tidlig innsats'],
    ['41', ['Samtlige avdelinger'], 'Helhetlige og tilgjengelige tjenester'],
  ])('tiltak %s: responsible %j, priority %s', (id, responsible, priority) => {
    const m = plan.byId(id);
    expect(m.responsible).toEqual(responsible);
    expect(m.priority).toBe(priority);
    expect(m.accountable).toEqual([]);
  });

  it('gives tiltak 11 all four priorities and the Oslo standards it lists, also those after the page break', () => {
    const m = plan.byId('11');
    expect(m.priority?.split('; ')).toHaveLength(4);
    expect(m.responsible).toEqual(['Samtlige avdelinger']);
    expect(m.references).toEqual(SEVEN_STANDARDS);
  });

  it.each([
    ['23', ['Pakkeforløp']],
    ['28', ['Fellesskriv 3/2021']],
    ['38', ['Individuell plan']],
    ['1', []],
  ])('tiltak %s points to %j', (id, references) => {
    expect(plan.byId(id).references).toEqual(references);
  });

  it('keeps the tiltak text whole and free of the priority and unit columns', () => {
    expect(plan.byId('2').text).toBe(
      'Kartlegge tjenestemottakernes tidligere arbeidserfaring, ønsker og mål om nåværende og framtidig ' +
        'arbeid/utdanning/familiesituasjon/økonomi/bolig. Innbyggere med rus- og eller psykiske helseutfordringer ' +
        'skal på lik linje med andre tilbys aktiviserings- og opplæringstiltak som fremmer overgang til arbeid.',
    );
    // Text carried over the page break, starting with «NAV og bydel …», stays text of tiltak 15.
    expect(plan.byId('15').text).toMatch(/helseutfordringer\. NAV og bydel vil sammen avklare .* rask psykisk helsehjelp\.$/);
    expect(plan.byId('26').text).toMatch(/^Utprøving av et nytt tjenesteløp .* og fremmer inkludering\.$/);
    for (const m of plan.measures) {
      expect(m.text, m.id).not.toMatch(/Samtlige avdelinger|Helhetlige og\s+tilgjengelige|Avdeling Mestring\s+og\s+Helse$|https?:/);
    }
  });

  it('reads the raw PDF extraction (blank line after every line, URLs, page numbers) the same way', () => {
    const raw = parsePlan(DOC, parseGamleOslo, { raw: true });
    expect(raw.measures.map((m) => [m.id, m.responsible, m.priority, m.references])).toEqual(
      plan.measures.map((m) => [m.id, m.responsible, m.priority, m.references]),
    );
  });

  it('yields the three chapters and the source list as sections, without the table in them', () => {
    expect(plan.sections.map((s) => [s.id, s.number, s.title])).toEqual([
      ['1', '1', 'Hvorfor har vi denne handlingsplanen?'],
      ['2', '2', 'Utviklingsområder innen rus og psykisk helseutfordringer i Bydel Gamle Oslo'],
      ['3', '3', 'Hva skal vi prioritere og hva skal vi få til, frem mot 2025?'],
      ['kilder-grunnlagsdokumentasjon', null, 'Kilder/grunnlagsdokumentasjon'],
    ]);
    expect(plan.sections[0]!.text).toContain('bydelens fire strategiske prioriteringer');
    expect(plan.sections[2]!.text).toBe('I tabellen under vises alle tiltak bydelen skal gjennomføre i handlingsplanens periode, 2022 - 2025.');
    expect(plan.sections[3]!.text).toContain('Oslostandard for pårørendesamarbeid');
  });
});

describe('splitRow', () => {
  it('does not take «NAV og …» text after the unit cell for a second unit', () => {
    expect(splitRow('Gjøre noe. Arbeid og aktivitet Avdeling Lokalsamfunn NAV og bydel vil samarbeide.')).toEqual({
      text: 'Gjøre noe. NAV og bydel vil samarbeide.',
      priorities: ['Arbeid og aktivitet'],
      units: ['Avdeling Lokalsamfunn'],
    });
  });

  it('leaves a row without a priority cell as text', () => {
    expect(splitRow('Bare tekst om NAV.')).toEqual({ text: 'Bare tekst om NAV.', priorities: [], units: [] });
  });
});
