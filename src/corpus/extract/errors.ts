/** Coded errors of text extraction: each says what is wrong with the file and what to do. */
export type ExtractErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FORMAT_MISMATCH'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCRYPTED'
  | 'UNREADABLE'
  | 'EMPTY_TEXT'
  | 'TOO_LARGE';

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(`${file ? `${file}: ` : ''}${message}`);
    this.name = 'ExtractError';
  }
}
