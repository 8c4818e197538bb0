import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { docxToText } from './docx.js';
import { ExtractError } from './errors.js';
import { htmlToText } from './html.js';
import { pdfToText } from './pdf.js';
import { formatOfName, sniff, type Format } from './sniff.js';
import { decodeText } from './text.js';

/**
 * Text out of a PDF, DOCX, HTML or plain-text file. The format is judged from the bytes; a name
 * that promises another format (a «.pdf» that is not a PDF) is an error, never a guess.
 */

export { ExtractError } from './errors.js';
export type { Format } from './sniff.js';

/** Files larger than this are refused: plans and standards are a few MB at most. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Fewer letters than this is no document (an empty page, a scanned PDF without a text layer). */
const MIN_LETTERS = 20;

export interface Extracted {
  format: Format;
  text: string;
}

const NAMES: Record<string, string> = {
  pdf: 'en PDF',
  docx: 'et Word-dokument (.docx)',
  html: 'en HTML-side',
  text: 'ren tekst',
  zip: 'en ZIP-fil',
  ole: 'et gammelt Word- eller Office-dokument (.doc/.xls)',
  binary: 'en binærfil',
};

async function convert(format: Format, bytes: Uint8Array, file?: string): Promise<string> {
  switch (format) {
    case 'pdf':
      return pdfToText(bytes, file);
    case 'docx':
      return docxToText(bytes, file);
    case 'html':
      return htmlToText(decodeText(bytes));
    case 'text':
      return decodeText(bytes);
  }
}

/** Extracts the text of `bytes`; `name` (a file name) only checks that the content is what it says. */
export async function extractBytes(bytes: Uint8Array, name?: string): Promise<Extracted> {
  const found = sniff(bytes);
  const promised = name ? formatOfName(name) : null;
  if (found === 'ole') {
    throw new ExtractError('UNSUPPORTED_FORMAT', `filen er ${NAMES.ole}; lagre den som .docx eller PDF og prøv igjen`, name);
  }
  if (found === 'zip' || found === 'binary') {
    throw new ExtractError('UNSUPPORTED_FORMAT', `filen er ${NAMES[found]}; Veileder leser PDF, Word (.docx), HTML og ren tekst`, name);
  }
  // HTML saved as .txt is fine to read as HTML; but a .pdf/.docx/.html must be what it says.
  if (promised && promised !== 'text' && promised !== found) {
    throw new ExtractError(
      'FORMAT_MISMATCH',
      `filen heter ${path.extname(name!)} men er ${NAMES[found]}, ikke ${NAMES[promised]}; sjekk at du har valgt riktig fil`,
      name,
    );
  }
  const text = (await convert(found, bytes, name)).trim();
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) {
    const hint = found === 'pdf' ? ' (en skannet PDF uten tekstlag? kjør tekstgjenkjenning (OCR) på den først)' : '';
    throw new ExtractError('EMPTY_TEXT', `fant ingen tekst i filen${hint}`, name);
  }
  return { format: found, text };
}

/** Reads and extracts a file (see extractBytes). */
export async function extractFile(file: string): Promise<Extracted> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ExtractError('FILE_NOT_FOUND', 'filen finnes ikke; sjekk stien', file);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ExtractError('TOO_LARGE', `filen er ${(size / 1024 / 1024).toFixed(0)} MB; største tillatte er ${MAX_FILE_BYTES / 1024 / 1024} MB; lagre en utgave uten bilder, eller del dokumentet opp, og prøv igjen`, file);
  }
  return extractBytes(new Uint8Array(await readFile(file)), file);
}
