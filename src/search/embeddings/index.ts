import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../../config.js';
import { SearchError } from '../errors.js';
import { HASHING_VERSION, HashingEmbeddings, type IdfTable } from './hashing.js';
import { createOpenAIEmbeddings, openAIProviderId } from './openai.js';

/**
 * Picks the embeddings provider from the settings:
 *   auto    → openai when OPENAI_API_KEY is set, else hashing
 *   hashing → the offline embedder (hashing.ts)
 *   openai  → @langchain/openai (needs OPENAI_API_KEY)
 *   local   → not available: no package of this project ships an offline model runtime, and nothing
 *             may be downloaded; the setting fails with a message saying so.
 */

export type ProviderKind = 'hashing' | 'openai';

export interface EmbeddingsProvider {
  kind: ProviderKind;
  /** Recorded in the index manifest; a different id means the vectors must be rebuilt. */
  id: string;
  embeddings: Embeddings;
}

export function providerKind(config: Config): ProviderKind {
  switch (config.EMBEDDINGS_PROVIDER) {
    case 'auto':
      return config.OPENAI_API_KEY ? 'openai' : 'hashing';
    case 'hashing':
      return 'hashing';
    case 'openai':
      if (!config.OPENAI_API_KEY) {
        throw new SearchError('PROVIDER_UNAVAILABLE', 'EMBEDDINGS_PROVIDER=openai krever OPENAI_API_KEY. Sett nøkkelen, eller bruk EMBEDDINGS_PROVIDER=hashing.');
      }
      return 'openai';
    case 'local':
      throw new SearchError(
        'PROVIDER_UNAVAILABLE',
        'EMBEDDINGS_PROVIDER=local er ikke tilgjengelig i denne versjonen (ingen lokal modell-runtime er installert). Bruk hashing (standard, uten nett) eller openai.',
      );
  }
}

/** The provider; `idf` is the hashing embedder's fitted table (from the index, or fitted at build). */
export function createProvider(config: Config, idf?: IdfTable): EmbeddingsProvider {
  if (providerKind(config) === 'openai') {
    return { kind: 'openai', id: openAIProviderId(config), embeddings: createOpenAIEmbeddings(config) };
  }
  const embeddings = new HashingEmbeddings({ idf });
  return { kind: 'hashing', id: embeddings.providerId, embeddings };
}

/** Whether vectors built by `builtWith` (the id in the index manifest) fit the configured provider. */
export function providerMatches(builtWith: string, config: Config): boolean {
  if (providerKind(config) === 'openai') return builtWith === openAIProviderId(config);
  return builtWith.startsWith(`hashing-v${HASHING_VERSION}-`);
}

/** A readable name of the configured provider, for messages. */
export function configuredProviderName(config: Config): string {
  return providerKind(config) === 'openai' ? openAIProviderId(config) : `hashing-v${HASHING_VERSION}`;
}
