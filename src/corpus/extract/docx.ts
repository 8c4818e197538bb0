import mammoth from 'mammoth';
import { ExtractError } from './errors.js';
import { htmlToText } from './html.js';

/** DOCX via mammoth: Word's headings, lists and tables survive as HTML, then the HTML reader makes text. */
export async function docxToText(bytes: Uint8Array, file?: string): Promise<string> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (err) {
    throw new ExtractError('UNREADABLE', `Word-filen kan ikke leses (${(err as Error).message}); lagre den på nytt som .docx og prøv igjen`, file);
  }
  return htmlToText(html);
}
