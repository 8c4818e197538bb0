/** Coded errors of search: each message tells the user (in bokmål) what to do. */
export type SearchErrorCode = 'INDEX_MISSING' | 'INDEX_STALE' | 'INDEX_CORRUPT' | 'PROVIDER_UNAVAILABLE' | 'EMBEDDINGS_FAILED';

export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}
