import { getDocumentProxy } from 'unpdf';
import { ExtractError } from './errors.js';
import { layoutText, type PdfPage } from './pdf-layout.js';

/**
 * PDF via unpdf (pdf.js, serverless build): the positioned text items of each page are rebuilt into
 * lines, paragraphs, headings and tables by their layout (pdf-layout.ts), with a «[[side N]]» mark
 * where page N begins, so every measure and section knows its page.
 * A password-protected PDF is refused (ENCRYPTED). A PDF without a text layer (a scan) is refused
 * (EMPTY_TEXT) with what to do: run OCR on it and add it again — never stored as an empty document.
 */

/** Fewer letters than this on a page is a page without text (a scanned page, an image). */
const MIN_PAGE_LETTERS = 15;

export const NO_TEXT_LAYER_MESSAGE =
  'fant ingen tekst i PDF-en: den er trolig skannet (bare bilder av sidene), uten tekstlag Veileder kan lese. ' +
  'Kjør tekstgjenkjenning (OCR) på den først, f.eks. `ocrmypdf plan.pdf plan-ocr.pdf`, og legg til den nye filen på nytt.';

export async function readPdfPages(bytes: Uint8Array, file?: string): Promise<PdfPage[]> {
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const [, , , height] = page.view as [number, number, number, number];
      pages.push({
        height,
        items: content.items
          .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
          .map((it) => ({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, fontSize: Math.hypot(it.transform[2] as number, it.transform[3] as number) })),
      });
      page.cleanup();
    }
    await pdf.destroy();
    return pages;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') {
      throw new ExtractError('ENCRYPTED', 'PDF-en er passordbeskyttet; lagre en utgave uten passord og prøv igjen', file);
    }
    throw new ExtractError('UNREADABLE', `PDF-en kan ikke leses (${(err as Error).message}); er filen skadet?`, file);
  }
}

export async function pdfToText(bytes: Uint8Array, file?: string): Promise<string> {
  const pages = await readPdfPages(bytes, file);
  const letters = pages.map((p) => p.items.reduce((n, it) => n + (it.str.match(/\p{L}/gu) ?? []).length, 0));
  const withText = letters.filter((n) => n >= MIN_PAGE_LETTERS).length;
  // No text at all, or most pages without text (a scan with a typed cover page): not readable as it is.
  if (withText === 0 || (pages.length >= 3 && withText < pages.length / 2)) {
    throw new ExtractError('EMPTY_TEXT', NO_TEXT_LAYER_MESSAGE, file);
  }
  return layoutText(pages);
}
