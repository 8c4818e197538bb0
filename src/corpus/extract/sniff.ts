/**
 * What a file is, judged by its bytes (magic numbers and markup), not by its name.
 * The name only decides whether a mismatch is an error (a «.pdf» that is not a PDF).
 */

export type Format = 'pdf' | 'docx' | 'html' | 'text';
export type Sniffed = Format | 'zip' | 'ole' | 'binary';

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function sniff(bytes: Uint8Array): Sniffed {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PDF readers accept the header anywhere in the first kilobyte.
  if (buf.subarray(0, 1024).includes(PDF)) return 'pdf';
  if (buf.subarray(0, 4).equals(ZIP)) return buf.includes(Buffer.from('word/document.xml')) ? 'docx' : 'zip';
  if (buf.subarray(0, 8).equals(OLE)) return 'ole';
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return 'binary';
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  const page = /^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*<html/.test(start);
  const fragment = start.startsWith('<') && /<(?:body|head|p|h[1-6]|table|div)[\s>]/.test(start.slice(0, 512));
  if (page || fragment) {
    return 'html';
  }
  return 'text';
}

/** The format a file name promises, or null for names that promise nothing we read (.txt counts as text). */
export function formatOfName(file: string): Format | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  switch (ext) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'html':
    case 'htm':
      return 'html';
    case 'txt':
    case 'text':
    case 'md':
      return 'text';
    default:
      return null;
  }
}
