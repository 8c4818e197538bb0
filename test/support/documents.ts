import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { loadConfig, type Config } from '../../src/config.js';

/**
 * Documents the ingest tests make themselves (PDF with pdf-lib, DOCX with docx), and a temporary
 * copy of corpus/ to ingest into — the real corpus/ is never touched.
 */

/** A PDF with one line of text per entry; '' leaves a blank line (a paragraph break). */
export async function makePdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595, 842]);
  let y = 800;
  for (const line of lines) {
    if (y < 60) {
      page = doc.addPage([595, 842]);
      y = 800;
    }
    if (line) page.drawText(line, { x: 50, y, size: 11, font });
    y -= 15;
  }
  return doc.save();
}

/** A PDF whose only page has no text (like a scan without a text layer). */
export async function makeBlankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

/**
 * A PDF protected by a user password: a Standard security handler whose /U entry matches no
 * empty password, so a reader must ask for one (pdf.js: PasswordException).
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf(['Hemmelig plan', 'Ansvar: Ingen']));
  const hex = (n: number) => PDFHexString.of('ab'.repeat(n));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
  encrypt.set(PDFName.of('O'), hex(32));
  encrypt.set(PDFName.of('U'), hex(32));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex(16), hex(16)]);
  return doc.save({ useObjectStreams: false });
}

export interface DocxContent {
  title: string;
  sections: { heading: string; paragraphs: string[]; table?: string[][] }[];
}

/** A Word document: a title (Heading 1), sections (Heading 2) with paragraphs and an optional table. */
export async function makeDocx(content: DocxContent): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: content.title, heading: HeadingLevel.HEADING_1 })];
  for (const s of content.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
    if (s.table) {
      children.push(
        new Table({
          rows: s.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export interface TempCorpus {
  dir: string;
  config: Config;
  /** Every file under the corpus copy with its bytes: compare before and after to prove nothing changed. */
  snapshot(): Record<string, string>;
}

/** A copy of corpus/ (and an empty DATA_DIR) in a temporary folder, with a config pointing at it. */
export function tempCorpus(): TempCorpus {
  const root = mkdtempSync(path.join(tmpdir(), 'veileder-ingest-'));
  const dir = path.join(root, 'corpus');
  cpSync(path.resolve('corpus'), dir, { recursive: true });
  const config = loadConfig({
    CORPUS_DIR: dir,
    DATA_DIR: path.join(root, 'data'),
    EMBEDDINGS_PROVIDER: 'hashing',
    LOG_LEVEL: 'silent',
    VEILEDER_TODAY: '2026-11-22',
  });
  const snapshot = () => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out[path.relative(dir, p)] = readFileSync(p, 'base64');
      }
    };
    walk(dir);
    return out;
  };
  return { dir, config, snapshot };
}
