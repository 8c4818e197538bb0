import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractBytes, extractFile, ExtractError } from '../../src/corpus/extract/index.js';
import { makeBlankPdf, makeDocx, makeEncryptedPdf, makePdf } from '../support/documents.js';

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-extract-'));
function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function failure(p: Promise<unknown>): Promise<ExtractError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractError);
  return err as ExtractError;
}

describe('PDF', () => {
  it('gives lines with Norwegian letters, and a blank line where the page leaves a gap', async () => {
    const pdf = await makePdf(['1 Innledning', 'Bydelen styrker oppfølgingen av pårørende.', '', '2 Tiltak', 'Ansvar: Helsestasjonen for ungdom']);
    const { format, text } = await extractFile(file('plan.pdf', pdf));
    expect(format).toBe('pdf');
    expect(text).toBe('[[side 1]]\n\n1 Innledning\nBydelen styrker oppfølgingen av pårørende.\n\n2 Tiltak\nAnsvar: Helsestasjonen for ungdom');
  });

  it('refuses a password-protected PDF', async () => {
    const err = await failure(extractFile(file('låst.pdf', await makeEncryptedPdf())));
    expect(err.code).toBe('ENCRYPTED');
    expect(err.message).toMatch(/passordbeskyttet/);
  });

  it('refuses a PDF without text (a scan) and suggests OCR', async () => {
    const err = await failure(extractFile(file('skann.pdf', await makeBlankPdf())));
    expect(err.code).toBe('EMPTY_TEXT');
    expect(err.message).toMatch(/skannet/);
    expect(err.message).toMatch(/OCR\).*ocrmypdf.*legg til den nye filen på nytt/);
  });

  it('refuses a «.pdf» that is not a PDF, by its content', async () => {
    const err = await failure(extractFile(file('plan.pdf', 'Dette er bare tekst med feil filendelse, ikke en PDF i det hele tatt.')));
    expect(err.code).toBe('FORMAT_MISMATCH');
    expect(err.message).toMatch(/heter \.pdf men er ren tekst/);
  });

  it('reads a PDF by its content even when the name says nothing', async () => {
    const { format, text } = await extractBytes(await makePdf(['Tiltak for unge i bydelen, med ansvar hos skolen.']), 'vedlegg.bin');
    expect(format).toBe('pdf');
    expect(text).toMatch(/Tiltak for unge/);
  });
});

describe('DOCX', () => {
  it('keeps headings as «#» lines, paragraphs apart and table rows as «| … |»', async () => {
    const docx = await makeDocx({
      title: 'Plan for Bydel Testdal',
      sections: [
        { heading: '1 Innledning', paragraphs: ['Første avsnitt om rusforebygging.', 'Andre avsnitt.'] },
        { heading: '2 Tiltak', paragraphs: [], table: [['Tiltak', 'Ansvarlig'], ['Foreldrekurs i cannabisforebygging', 'Familiesenteret']] },
      ],
    });
    const { format, text } = await extractFile(file('plan.docx', docx));
    expect(format).toBe('docx');
    expect(text).toBe(
      [
        '# Plan for Bydel Testdal',
        '## 1 Innledning',
        'Første avsnitt om rusforebygging.',
        'Andre avsnitt.',
        '## 2 Tiltak',
        '| Tiltak | Ansvarlig |\n| Foreldrekurs i cannabisforebygging | Familiesenteret |',
      ].join('\n\n'),
    );
  });

  it('refuses a ZIP that is not a Word document, and a «.docx» that is a PDF', async () => {
    const zip = zipSync({ 'notater.txt': new TextEncoder().encode('hei') });
    expect((await failure(extractFile(file('plan.docx', zip)))).code).toBe('UNSUPPORTED_FORMAT');
    const err = await failure(extractFile(file('plan2.docx', await makePdf(['En PDF med tekst i, ikke Word.']))));
    expect(err.code).toBe('FORMAT_MISMATCH');
    expect(err.message).toMatch(/er en PDF, ikke et Word-dokument/);
  });

  it('refuses an old binary Word file (.doc) with what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]);
    const err = await failure(extractFile(file('plan.doc', ole)));
    expect(err.code).toBe('UNSUPPORTED_FORMAT');
    expect(err.message).toMatch(/lagre den som \.docx/);
  });
});

describe('HTML', () => {
  it('reads the main content: headings, paragraphs, lists and tables; scripts, navigation and footers dropped', async () => {
    const html = `<!doctype html><html><head><title>Standard</title><script>var x = "Ansvar: hacker";</script></head>
      <body><nav>Meny Forside</nav><main>
        <h1>Oslostandard for testarbeid</h1>
        <p>Standarden gjelder   alle bydeler &amp; etater.</p>
        <ul><li>Første krav</li><li>Andre krav</li></ul>
        <table><tr><th>Tiltak</th><th>Ansvar</th></tr><tr><td>Kartlegging</td><td>Bydelen</td></tr></table>
      </main><footer>Kontakt oss</footer></body></html>`;
    const { format, text } = await extractFile(file('standard.html', html));
    expect(format).toBe('html');
    expect(text).toBe(
      '# Oslostandard for testarbeid\n\nStandarden gjelder alle bydeler & etater.\n\n- Første krav\n- Andre krav\n\n| Tiltak | Ansvar |\n| Kartlegging | Bydelen |',
    );
    expect(text).not.toMatch(/hacker|Meny|Kontakt/);
  });
});

describe('plain text', () => {
  it('reads UTF-8 with a BOM and Windows-1252, both to the same Norwegian text', async () => {
    const sentence = 'Pårørende får støtte fra bydelen, og tiltaket følges opp hvert år.';
    const utf8 = await extractFile(file('a.txt', `\uFEFF${sentence}\r\n`));
    const cp1252 = await extractFile(file('b.txt', Buffer.from(sentence, 'latin1')));
    expect(utf8).toEqual({ format: 'text', text: sentence });
    expect(cp1252).toEqual({ format: 'text', text: sentence });
  });

  it('refuses an empty file, a missing file and a binary file', async () => {
    expect((await failure(extractFile(file('tom.txt', '  \n\n ')))).code).toBe('EMPTY_TEXT');
    expect((await failure(extractFile(path.join(dir, 'finnes-ikke.pdf')))).code).toBe('FILE_NOT_FOUND');
    expect((await failure(extractFile(file('bilde.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))))).code).toBe('UNSUPPORTED_FORMAT');
  });
});
