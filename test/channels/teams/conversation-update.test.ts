import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUESTIONS } from '../../../src/answer/examples.js';
import { BOT, USER, membersAdded } from './support/activities.js';
import { useTeamsBot } from './support/hooks.js';

const t = useTeamsBot();

describe('Teams conversationUpdate → welcome', () => {
  it.each(['personal', 'groupChat', 'channel'] as const)('welcomes with example questions when the bot is added (%s)', async (type) => {
    const res = await t.bot.post(membersAdded(t.connector.serviceUrl, [USER, BOT], type));
    expect(res.status).toBe(200);
    const [welcome] = await t.connector.waitFor('message');
    const text = (welcome!.body as { text: string }).text;
    expect(text).toContain('Veileder');
    for (const q of EXAMPLE_QUESTIONS) expect(text).toContain(q);
    expect(t.bot.askCalls).toHaveLength(0);
  });

  it('stays quiet when someone else joins', async () => {
    const res = await t.bot.post(membersAdded(t.connector.serviceUrl, [{ id: '29:new-colleague' }], 'channel'));
    expect(res.status).toBe(200);
    expect(t.connector.requests).toHaveLength(0);
  });
});
