import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTeamsBot, type TeamsBot } from './bot.js';
import { startStandInConnector, type StandInConnector } from './connector.js';

/**
 * Registers the hooks of a Teams test file: a stand-in connector and the bot start before the
 * tests and stop after them; what was sent and asked is cleared between tests.
 */
export function useTeamsBot(env?: Record<string, string>): { connector: StandInConnector; bot: TeamsBot } {
  const t = {} as { connector: StandInConnector; bot: TeamsBot };
  beforeAll(async () => {
    t.connector = await startStandInConnector();
    t.bot = await startTeamsBot(env);
  });
  afterAll(async () => {
    await t.bot.close();
    await t.connector.close();
  });
  afterEach(() => {
    t.connector.requests.length = 0;
    t.bot.askCalls.length = 0;
  });
  return t;
}
