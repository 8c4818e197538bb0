/** Coded errors of the corpus: each names the file (and line where known) and what to do. */
export type CorpusErrorCode =
  | 'MANIFEST_NOT_FOUND'
  | 'MANIFEST_INVALID'
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'PARSE_FAILED'
  | 'DUPLICATE_ID';

export class CorpusError extends Error {
  constructor(
    readonly code: CorpusErrorCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(`${file ? `${file}${line ? `:${line}` : ''}: ` : ''}${message}`);
    this.name = 'CorpusError';
  }
}
