import { extractTextItems } from 'unpdf';
import { ExtractError } from './errors.js';

/**
 * PDF via unpdf (pdf.js, serverless build): the positioned text items of each page become lines
 * (items on the same baseline joined), and a vertical gap wider than a line becomes a blank line, so
 * paragraphs and headings stay apart for the parser. Pages are separated by a blank line.
 * A password-protected PDF is refused (ENCRYPTED); a PDF without a text layer gives empty text
 * (the caller refuses that as EMPTY_TEXT).
 */

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

function pageText(items: readonly Item[]): string {
  const lines: { y: number; size: number; text: string; end: number }[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    const size = item.fontSize || 10;
    if (last && Math.abs(last.y - item.y) <= size * 0.3) {
      if (item.str) {
        const gap = item.x - last.end;
        last.text += gap > size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ` ${item.str}` : item.str;
        last.end = item.x + item.width;
      }
      continue;
    }
    if (!item.str.trim()) continue;
    lines.push({ y: item.y, size, text: item.str, end: item.x + item.width });
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // Baselines further apart than 1.6 lines: a paragraph break (or a heading's space).
    if (prev && Math.abs(prev.y - line.y) > Math.max(prev.size, line.size) * 1.6) out.push('');
    out.push(line.text.replace(/\s+/g, ' ').trim());
  });
  return out.join('\n');
}

export async function pdfToText(bytes: Uint8Array, file?: string): Promise<string> {
  let pages: Item[][];
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    ({ items: pages } = await extractTextItems(new Uint8Array(bytes)));
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') {
      throw new ExtractError('ENCRYPTED', 'PDF-en er passordbeskyttet; lagre en utgave uten passord og prøv igjen', file);
    }
    throw new ExtractError('UNREADABLE', `PDF-en kan ikke leses (${(err as Error).message}); er filen skadet?`, file);
  }
  return pages.map(pageText).filter((t) => t.trim() !== '').join('\n\n');
}
