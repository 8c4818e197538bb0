/**
 * Plain text: UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252,
 * the encoding older Norwegian text files come in. Line endings become \n.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
