import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * PDFs drawn with pdf-lib the way a word processor lays them out: a measure table whose cells wrap
 * over several lines, whose header row is repeated on each page and whose rows run over a page
 * break, with borders; and a page of prose in two columns. Text is written cell by cell, row by
 * row (as Word and LibreOffice write their tables).
 */

export interface TableSpec {
  title: string;
  intro: string;
  header: string[];
  /** column widths in points */
  widths: number[];
  rows: string[][];
  /** rows that must start on a new page if they do not fit are split instead (true: split a row over the break) */
  pageHeight?: number;
}

const SIZE = 9.5;
const LEADING = 11.5;
const PAD = 4;
const MARGIN = 50;

function wrap(text: string, font: PDFFont, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, SIZE) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** A plan with one measure table over as many pages as it needs; rows that do not fit are split at the page's end. */
export async function makeTablePdf(spec: TableSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const height = spec.pageHeight ?? 842;
  let page: PDFPage = doc.addPage([595, height]);
  let y = height - MARGIN;
  let pageNo = 1;
  const footer = () => page.drawText(`${pageNo}`, { x: 290, y: 25, size: 9, font });
  page.drawText(spec.title, { x: MARGIN, y, size: 16, font: bold });
  y -= 30;
  for (const line of wrap(spec.intro, font, 495)) {
    page.drawText(line, { x: MARGIN, y, size: SIZE, font });
    y -= LEADING;
  }
  y -= 14;
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const drawRow = (cells: string[][], f: PDFFont) => {
    const lines = Math.max(...cells.map((c) => c.length));
    const h = lines * LEADING + 2 * PAD;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      cell.forEach((text, k) => page.drawText(text, { x: x + PAD, y: y - PAD - SIZE - k * LEADING, size: SIZE, font: f }));
      page.drawRectangle({ x, y: y - h, width: spec.widths[i]!, height: h, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.5 });
      x += spec.widths[i]!;
    });
    y -= h;
  };
  const header = spec.header.map((h, i) => wrap(h, bold, spec.widths[i]! - 2 * PAD));
  drawRow(header, bold);
  for (const row of spec.rows) {
    let cells = row.map((c, i) => wrap(c, font, spec.widths[i]! - 2 * PAD));
    for (;;) {
      const room = Math.floor((y - MARGIN - 2 * PAD) / LEADING);
      const lines = Math.max(...cells.map((c) => c.length));
      if (lines <= room) {
        drawRow(cells, font);
        break;
      }
      // Split the row at the page's end: what fits here, the rest on the next page under a repeated header.
      if (room >= 1) drawRow(cells.map((c) => c.slice(0, room)), font);
      cells = cells.map((c) => c.slice(Math.max(room, 0)));
      footer();
      page = doc.addPage([595, height]);
      pageNo++;
      y = height - MARGIN;
      drawRow(header, bold);
    }
  }
  void total;
  footer();
  return doc.save();
}

/** One page of prose in two columns (each paragraph a list of sentences), under a full-width heading. */
export async function makeTwoColumnPdf(heading: string, left: string[], right: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const page = doc.addPage([595, 842]);
  page.drawText(heading, { x: MARGIN, y: 790, size: 16, font: bold });
  const column = (paragraphs: string[], x: number) => {
    let y = 760;
    for (const p of paragraphs) {
      for (const line of wrap(p, font, 225)) {
        page.drawText(line, { x, y, size: SIZE, font });
        y -= LEADING;
      }
      y -= 8;
    }
  };
  column(left, MARGIN);
  column(right, 320);
  return doc.save();
}

/** A document of numbered sections, each heading (14 pt) starting a new page, its paragraphs under it. */
export async function makeSectionedPdf(title: string, sections: { heading: string; paragraphs: string[] }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  sections.forEach((s, i) => {
    const page = doc.addPage([595, 842]);
    let y = 790;
    if (i === 0) {
      page.drawText(title, { x: MARGIN, y, size: 18, font: bold });
      y -= 40;
    }
    page.drawText(s.heading, { x: MARGIN, y, size: 14, font: bold });
    y -= 24;
    for (const p of s.paragraphs) {
      for (const line of wrap(p, font, 495)) {
        page.drawText(line, { x: MARGIN, y, size: SIZE, font });
        y -= LEADING;
      }
      y -= 8;
    }
    page.drawText(`${i + 1}`, { x: 290, y: 25, size: 9, font });
  });
  return doc.save();
}
