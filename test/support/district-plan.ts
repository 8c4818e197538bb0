import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';

/**
 * A district plan the project has never seen — Bydel Bjerke's (made up, but written the way Oslo's
 * district plans are): four innsatsområder, 34 measures in one table with the plan's own numbers,
 * a responsible unit, partners (who are NOT the responsible unit), a deadline and a goal that is one
 * merged cell over the rows of its innsatsområde. Each measure comes with one question a member of
 * staff would ask about it, in their own words (never the measure's text).
 * Used by the ingest/ask tests and by eval/district-plan.ts (the per-format figure in the README).
 */

export interface PlanMeasure {
  id: string;
  text: string;
  unit: string;
  partners: string;
  deadline: string;
  question: string;
}

export interface PlanArea {
  title: string;
  goal: string;
  measures: PlanMeasure[];
}

export const BJERKE = {
  title: 'Handlingsplan for rus og psykisk helse i Bydel Bjerke 2025–2028',
  owner: 'Bydel Bjerke',
  period: '2025-2028',
  intro: [
    'Planen beskriver hvordan Bydel Bjerke skal forebygge rusproblemer og psykiske plager, og hvordan innbyggere som trenger hjelp skal få et samordnet tilbud. Den bygger på Oslo kommunes føringer for rusfeltet og på innspill fra brukerorganisasjoner, fastleger og frivillige.',
    'Hvert tiltak har én ansvarlig enhet. Samarbeidspartnerne bidrar, men ansvaret for gjennomføring ligger hos enheten som står som ansvarlig. Planen følges opp i bydelens årlige virksomhetsplan.',
  ],
  areas: [
    {
      title: '1 Forebygging og tidlig innsats',
      goal: 'Barn og unge i Bjerke vokser opp med trygge voksne og får hjelp tidlig',
      measures: [
        { id: '1.1', text: 'Innføre foreldreveiledning etter ICDP-modellen for alle foreldre med barn i første klasse, med grupper på norsk, somali og arabisk.', unit: 'Helsestasjonstjenesten', partners: 'Barneskolene i bydelen, Frivilligsentralen', deadline: '2026', question: 'Hvem tilbyr foreldreveiledning til foreldre med barn som begynner på skolen?' },
        { id: '1.2', text: 'Etablere faste samtaletimer med skolehelsesykepleier på alle ungdomsskoler tre dager i uken.', unit: 'Skolehelsetjenesten', partners: 'Ungdomsskolene', deadline: '2025', question: 'Hvem har ansvaret for samtaletimer med skolehelsesykepleier på ungdomsskolene?' },
        { id: '1.3', text: 'Gjennomføre Ungdata-undersøkelsen hvert tredje år og presentere funnene for ungdomsrådet og skolene.', unit: 'Folkehelsekoordinator', partners: 'Ungdomsrådet, Velferdsetaten', deadline: '2026', question: 'Hvem har ansvar for Ungdata-undersøkelsen, og hvem får se funnene?' },
        { id: '1.4', text: 'Utvide åpningstidene på fritidsklubben Veitvet Ungdomshus til fredags- og lørdagskvelder.', unit: 'Enhet for fritid og kultur', partners: 'Frivillige lag og foreninger', deadline: '2025', question: 'Hvem skal utvide åpningstidene på fritidsklubben i helgene?' },
        { id: '1.5', text: 'Tilby kurs i tidlig identifisering av rusbruk for ansatte i barnehager og skoler, basert på veilederen «Tidlig inn».', unit: 'Kompetansesenter rus Oslo', partners: 'Barnehageetaten, Utdanningsetaten', deadline: '2027', question: 'Hvem holder kurs for barnehage- og skoleansatte i å oppdage rus tidlig?' },
        { id: '1.6', text: 'Opprette en fast SaLTo-koordinator som samordner innsatsen mot barn og unge i risiko for kriminalitet.', unit: 'SaLTo-koordinator Bjerke', partners: 'Politiet Øst, Barneverntjenesten', deadline: '2025', question: 'Hvem koordinerer arbeidet med unge som står i fare for å havne i kriminalitet?' },
        { id: '1.7', text: 'Lage en digital oversikt over lavterskeltilbud for ungdom med psykiske plager, tilgjengelig på bydelens nettsider.', unit: 'Kommunikasjonsenheten', partners: 'Ungdomsrådet', deadline: '2026', question: 'Hvem lager nettoversikten over hjelp for ungdom som sliter psykisk?' },
        { id: '1.8', text: 'Starte samtalegrupper for barn som har foreldre med rusproblemer eller psykisk sykdom.', unit: 'Familieteamet', partners: 'Voksne for barn, Barnesykehuset', deadline: '2026', question: 'Hvem har ansvar for samtalegrupper for barn av foreldre med rusproblemer?' },
        { id: '1.9', text: 'Innføre rutiner for bekymringssamtaler ved fravær over 15 prosent i videregående opplæring.', unit: 'Oppfølgingstjenesten', partners: 'Grorud videregående skole', deadline: '2027', question: 'Hvem har ansvar for samtaler med elever med mye fravær på videregående?' },
      ],
    },
    {
      title: '2 Behandling og oppfølging',
      goal: 'Innbyggere med rusproblemer eller psykiske lidelser får helhetlig og koordinert hjelp',
      measures: [
        { id: '2.1', text: 'Etablere et FACT-team for voksne med alvorlige psykiske lidelser og rusproblemer sammen med nabobydelene.', unit: 'Avdeling for psykisk helse og rus', partners: 'Aker sykehus DPS, Bydel Grorud', deadline: '2026', question: 'Hvem skal opprette FACT-teamet for voksne med alvorlig psykisk lidelse?' },
        { id: '2.2', text: 'Tilby rask psykisk helsehjelp (RPH) til innbyggere over 16 år med lette og moderate angst- og depresjonsplager, uten henvisning.', unit: 'Rask psykisk helsehjelp', partners: 'Fastlegene', deadline: '2025', question: 'Hvor kan en voksen med lett angst få hjelp uten henvisning fra lege?' },
        { id: '2.3', text: 'Innføre individuell plan og fast koordinator for alle med behov for langvarige og koordinerte tjenester.', unit: 'Koordinerende enhet', partners: 'Tildelingskontoret, NAV Bjerke', deadline: '2026', question: 'Hvem sørger for at de med langvarige behov får individuell plan og koordinator?' },
        { id: '2.4', text: 'Gi tilbud om oppfølging i hjemmet etter utskrivning fra rusbehandling eller psykisk helsevern innen tre dager.', unit: 'Oppfølgingstjenesten rus og psykisk helse', partners: 'Spesialisthelsetjenesten', deadline: '2025', question: 'Hvem gir oppfølging i hjemmet etter utskrivning fra rusbehandling?' },
        { id: '2.5', text: 'Styrke legemiddelassistert rehabilitering (LAR) med utlevering av medisiner i bydelen på hverdager og i helgene.', unit: 'LAR-teamet', partners: 'Oslo universitetssykehus, Apotek', deadline: '2026', question: 'Hvem deler ut LAR-medisiner i bydelen, også i helgene?' },
        { id: '2.6', text: 'Etablere et ambulant akutteam som kan rykke ut til personer i psykisk krise på kveldstid.', unit: 'Legevakten i Bjerke', partners: 'Politiet, Oslo legevakt', deadline: '2027', question: 'Hvem rykker ut til folk i psykisk krise om kvelden?' },
        { id: '2.7', text: 'Tilby gruppebehandling for spilleavhengighet og gamingproblemer for unge voksne.', unit: 'Ungdomsteamet', partners: 'Blå Kors, Spillavhengighet Norge', deadline: '2027', question: 'Hvem har behandlingsgrupper for unge med spillavhengighet?' },
        { id: '2.8', text: 'Ta i bruk verktøyet BrukerPlan årlig for å kartlegge omfanget av rus og psykiske lidelser blant tjenestemottakerne.', unit: 'Fagenheten for helse og omsorg', partners: 'KORUS Øst', deadline: '2025', question: 'Hvem står for den årlige kartleggingen med BrukerPlan?' },
        { id: '2.9', text: 'Innføre systematisk tilbakemelding fra brukerne med FIT-verktøyet i alle samtaleterapier.', unit: 'Psykologtjenesten', partners: 'Mental Helse Bjerke', deadline: '2026', question: 'Hvem innfører tilbakemeldinger fra klientene i terapisamtaler?' },
      ],
    },
    {
      title: '3 Bolig, arbeid og aktivitet',
      goal: 'Flere med rus- og psykiske helseproblemer bor trygt og har noe meningsfullt å gjøre',
      measures: [
        { id: '3.1', text: 'Skaffe ti nye kommunale boliger med oppfølging etter Housing First-modellen for bostedsløse med rusproblemer.', unit: 'Boligkontoret', partners: 'Boligbygg Oslo KF, Velferdsetaten', deadline: '2027', question: 'Hvem skaffer boliger etter Housing First-modellen?' },
        { id: '3.2', text: 'Tilby individuell jobbstøtte (IPS) til personer med moderate og alvorlige psykiske lidelser som ønsker arbeid.', unit: 'NAV Bjerke', partners: 'Avdeling for psykisk helse og rus', deadline: '2025', question: 'Hvem hjelper personer med psykiske lidelser inn i vanlig jobb med IPS?' },
        { id: '3.3', text: 'Opprette et aktivitetshus med dagtilbud, kafé og arbeidstrening for voksne med rusproblemer.', unit: 'Enhet for aktivitet og dagtilbud', partners: 'Kirkens Bymisjon', deadline: '2026', question: 'Hvem skal starte aktivitetshuset med kafé og arbeidstrening?' },
        { id: '3.4', text: 'Gi miljøarbeid og bomiljøoppfølging i kommunale gårder der naboer melder om uro og konflikter.', unit: 'Miljøarbeidertjenesten', partners: 'Boligbygg Oslo KF', deadline: '2025', question: 'Hvem tar seg av bomiljøet i kommunale gårder med mye bråk?' },
        { id: '3.5', text: 'Lage et treningstilbud med personlig trener for deltakere i LAR og i rusbehandling, to ganger i uken.', unit: 'Frisklivssentralen', partners: 'Idrettslaget Bjerke', deadline: '2026', question: 'Hvem har trening med egen trener for folk i LAR?' },
        { id: '3.6', text: 'Tilby gjeldsrådgivning og hjelp med økonomi til personer med rusproblemer som står i fare for å miste boligen.', unit: 'Økonomisk rådgivning NAV', partners: 'Namsmannen', deadline: '2025', question: 'Hvem tilbyr gjeldsrådgivning til folk med rusproblemer som kan miste boligen?' },
        { id: '3.7', text: 'Opprette en ordning med likepersoner som har egen erfaring med rus og som følger nye beboere de første månedene.', unit: 'Erfaringskonsulentene', partners: 'Rusmisbrukernes interesseorganisasjon', deadline: '2026', question: 'Hvem organiserer likepersonene som følger opp nye beboere?' },
        { id: '3.8', text: 'Utvikle sommerjobber for ungdom med oppfølging fra en fast voksen på arbeidsplassen.', unit: 'Ungdomslosen', partners: 'Næringslivet på Økern', deadline: '2027', question: 'Hvem ordner sommerjobb for ungdom med en voksen som følger dem opp?' },
      ],
    },
    {
      title: '4 Skadereduksjon og pårørende',
      goal: 'Færre rusrelaterte dødsfall, og pårørende får støtte og blir tatt med i arbeidet',
      measures: [
        { id: '4.1', text: 'Dele ut nalokson nesespray med opplæring til personer som bruker opioider og til deres nettverk.', unit: 'Lavterskeltjenesten', partners: 'Velferdsetaten, Prosjekt Nalokson', deadline: '2025', question: 'Hvem deler ut nalokson og lærer folk å bruke det?' },
        { id: '4.2', text: 'Kartlegge overdoserisiko ved utskrivning fra fengsel og institusjon og lage en plan for den første uken.', unit: 'Overdoseteamet', partners: 'Kriminalomsorgen, Oslo fengsel', deadline: '2026', question: 'Hvem kartlegger overdoserisiko etter utskrivning fra fengsel?' },
        { id: '4.3', text: 'Tilby pårørendesamtaler og pårørendegrupper for foreldre, partnere og søsken av personer med rusproblemer.', unit: 'Pårørendekoordinator', partners: 'Pårørendesenteret, LPP', deadline: '2025', question: 'Hvem har pårørendegrupper for familien til folk som ruser seg?' },
        { id: '4.4', text: 'Innføre Oslostandard for pårørendesamarbeid i alle tjenester som møter personer med rus- og psykiske helseproblemer.', unit: 'Fagenheten for helse og omsorg', partners: 'Alle tjenester i bydelen', deadline: '2026', question: 'Hvem innfører Oslostandarden for pårørendesamarbeid i tjenestene?' },
        { id: '4.5', text: 'Sette ut sprøyteautomater og kanyler ved T-banestasjonene Veitvet og Linderud og tømme dem daglig.', unit: 'Bydelens renholdstjeneste', partners: 'Sporveien, Sprøyteromtjenesten', deadline: '2025', question: 'Hvem har ansvaret for sprøyteautomatene ved T-banestasjonene?' },
        { id: '4.6', text: 'Holde kurs i livredning og førstehjelp ved overdose for ansatte i butikker og kafeer rundt Linderud senter.', unit: 'Kurs- og opplæringsenheten', partners: 'Røde Kors', deadline: '2026', question: 'Hvem lærer butikkansatte førstehjelp ved overdose?' },
        { id: '4.7', text: 'Gjennomføre ansvarlig vertskap-opplæring for alle skjenkesteder med alkoholbevilling i bydelen.', unit: 'Næringsetaten', partners: 'Utelivsnæringen', deadline: '2027', question: 'Hvem kurser serveringssteder i ansvarlig skjenking?' },
        { id: '4.8', text: 'Etablere et tilbud om oppfølging for etterlatte etter rusrelaterte dødsfall innen to uker.', unit: 'Kriseteamet', partners: 'Landsforeningen for etterlatte ved overdose', deadline: '2026', question: 'Hvem følger opp de etterlatte etter et overdosedødsfall?' },
      ],
    },
  ] satisfies PlanArea[],
};

export const BJERKE_MEASURES: PlanMeasure[] = BJERKE.areas.flatMap((a) => a.measures);

const HEADER = ['Nr.', 'Tiltak', 'Ansvarlig enhet', 'Samarbeidspartnere', 'Frist', 'Mål'];
/** Column widths in twentieths of a point (landscape A4 text width ≈ 13 600). */
const WIDTHS = [800, 4600, 2200, 2600, 900, 2500];

const cell = (text: string, width: number, opts: { bold?: boolean; merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(opts.merge ? { verticalMerge: opts.merge } : {}),
    children: [new Paragraph({ children: text ? [new TextRun({ text, bold: opts.bold, size: 20 })] : [] })],
  });

/**
 * Bydel Bjerke's plan as a Word document: title, intro, a chapter per innsatsområde, and one measure
 * table over all of them — header row repeated on each page, a full-width row naming each
 * innsatsområde, and its goal as one cell merged down its rows. Portrait or landscape.
 */
export async function bjerkeDocx(orientation: 'portrait' | 'landscape' = 'landscape'): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: BJERKE.title, heading: HeadingLevel.TITLE })];
  children.push(new Paragraph({ text: '1 Innledning', heading: HeadingLevel.HEADING_1 }));
  for (const p of BJERKE.intro) children.push(new Paragraph({ children: [new TextRun(p)], spacing: { after: 160 } }));
  children.push(new Paragraph({ text: '2 Tiltak', heading: HeadingLevel.HEADING_1 }));
  children.push(new Paragraph({ children: [new TextRun('Tabellen viser tiltakene i planperioden, ordnet etter innsatsområde.')], spacing: { after: 160 } }));
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: HEADER.map((h, i) => cell(h, WIDTHS[i]!, { bold: true })) }),
  ];
  for (const area of BJERKE.areas) {
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: HEADER.length,
            children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `Innsatsområde ${area.title}`, bold: true, size: 20 })] })],
          }),
        ],
      }),
    );
    area.measures.forEach((m, i) =>
      rows.push(
        new TableRow({
          children: [
            cell(m.id, WIDTHS[0]!),
            cell(m.text, WIDTHS[1]!),
            cell(m.unit, WIDTHS[2]!),
            cell(m.partners, WIDTHS[3]!),
            cell(m.deadline, WIDTHS[4]!),
            cell(i === 0 ? area.goal : '', WIDTHS[5]!, { merge: i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
          ],
        }),
      ),
    );
  }
  children.push(new Table({ rows, width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA } }));
  children.push(new Paragraph({ text: '3 Oppfølging av planen', heading: HeadingLevel.HEADING_1 }));
  children.push(
    new Paragraph({
      children: [new TextRun('Bydelsdirektøren rapporterer på planen til bydelsutvalget hvert år. Rapporten viser status for hvert tiltak og hva som er endret siden forrige år.')],
    }),
  );
  const landscape = orientation === 'landscape';
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          properties: {
            page: {
              size: landscape ? { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } : { width: 11906, height: 16838 },
              margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 },
            },
          },
          children,
        },
      ],
    }),
  );
}
