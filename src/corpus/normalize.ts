/**
 * Text normalization, in one place: PDF-extraction noise and OCR repair.
 * PLACEHOLDER (issue 2): only trims lines; the real normalization replaces this file.
 */
export interface NormalizeOptions {
  ocr: boolean;
  vocabulary: ReadonlySet<string>;
}

export function vocabularyOf(texts: string[]): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(w);
  return words;
}

export function normalize(raw: string, _opts: NormalizeOptions): string {
  return raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n');
}
