import type { ConnectorRequest, StandInConnector } from './connector.js';

/** The answer messages the bot sent (those carrying the AI label and citations), in order. */
export function answerMessages(connector: StandInConnector): ConnectorRequest[] {
  return connector.sent('message').filter((m) => Array.isArray(m.body.entities) && m.body.entities.length > 0);
}

/** Waits for the `count`-th answer message and returns it. */
export async function waitForAnswer(connector: StandInConnector, count = 1, timeoutMs = 10_000): Promise<ConnectorRequest> {
  const until = Date.now() + timeoutMs;
  while (answerMessages(connector).length < count) {
    if (Date.now() > until) throw new Error(`stand-in connector: waited for answer ${count}, got ${answerMessages(connector).length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return answerMessages(connector)[count - 1]!;
}
