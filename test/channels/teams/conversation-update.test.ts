import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUESTIONS } from '../../../src/channels/teams/notices.js';
import { BOT, USER, membersAdded } from './support/activities.js';
import { startTeamsBot, type TeamsBot } from './support/bot.js';
import { startStandInConnector, type StandInConnector } from './support/connector.js';

let connector: StandInConnector;
let bot: TeamsBot;

beforeAll(async () => {
  connector = await startStandInConnector();
  bot = await startTeamsBot();
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});
afterEach(() => {
  connector.requests.length = 0;
});

describe('Teams conversationUpdate → welcome', () => {
  it.each(['personal', 'groupChat', 'channel'] as const)('welcomes with example questions when the bot is added (%s)', async (type) => {
    const res = await bot.post(membersAdded(connector.serviceUrl, [USER, BOT], type));
    expect(res.status).toBe(200);
    const [welcome] = await connector.waitFor('message');
    const text = (welcome!.body as { text: string }).text;
    expect(text).toContain('Veileder');
    for (const q of EXAMPLE_QUESTIONS) expect(text).toContain(q);
    expect(bot.askCalls).toHaveLength(0);
  });

  it('stays quiet when someone else joins', async () => {
    const res = await bot.post(membersAdded(connector.serviceUrl, [{ id: '29:new-colleague' }], 'channel'));
    expect(res.status).toBe(200);
    expect(connector.requests).toHaveLength(0);
  });
});
