import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../../config.js';

/**
 * The OpenAI embeddings provider (or Azure OpenAI / any OpenAI-compatible server through
 * OPENAI_BASE_URL), used when OPENAI_API_KEY is set or EMBEDDINGS_PROVIDER=openai.
 */
export function createOpenAIEmbeddings(config: Config): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    apiKey: config.OPENAI_API_KEY,
    model: config.EMBEDDINGS_MODEL,
    batchSize: 256,
    maxRetries: 1,
    timeout: config.LLM_TIMEOUT_MS,
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
  });
}

export function openAIProviderId(config: Config): string {
  return `openai:${config.EMBEDDINGS_MODEL}@${config.OPENAI_BASE_URL ?? 'api.openai.com'}`;
}
