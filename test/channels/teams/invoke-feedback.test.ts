import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackInvoke, message } from './support/activities.js';
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

/** Asks once and returns the connector's id of the answer message and the stored answer's id. */
async function answered(text: string): Promise<{ messageId: string; answerId: string }> {
  const before = connector.sent('message').length;
  await bot.post(message({ serviceUrl: connector.serviceUrl, text }));
  const replies = await connector.waitFor('message', before + 1);
  return { messageId: replies.at(-1)!.id, answerId: bot.answerIds.at(-1)! };
}

describe('Teams feedback (message/submitAction) → feedback store', () => {
  it('stores 👍 on the answer the message carried and answers the invoke with 200', async () => {
    const { messageId, answerId } = await answered('Hva er tiltak 10S?');
    expect(bot.feedback.get(answerId)?.vote).toBeNull();

    const res = await bot.post(feedbackInvoke(connector.serviceUrl, messageId, 'like'));
    expect(res.status).toBe(200);
    const stored = bot.feedback.get(answerId);
    expect(stored).toMatchObject({ vote: 'up', channel: 'teams', question: 'Hva er tiltak 10S?' });
  });

  it('stores 👎 and lists the answer in the report, without the free-text comment', async () => {
    const { messageId, answerId } = await answered('Hva sier planene om pårørendesamarbeid?');
    const res = await bot.post(
      feedbackInvoke(connector.serviceUrl, messageId, 'dislike', JSON.stringify({ feedbackText: 'Ring meg på 98765432' })),
    );
    expect(res.status).toBe(200);
    expect(bot.feedback.get(answerId)).toMatchObject({ vote: 'down', comment: null });
    expect(bot.feedback.report().map((a) => a.id)).toContain(answerId);
  });

  it('answers 200 and stores nothing for a vote on a message it no longer knows', async () => {
    const votes = () => bot.answerIds.map((id) => bot.feedback.get(id)?.vote);
    const before = votes();
    const res = await bot.post(feedbackInvoke(connector.serviceUrl, 'unknown-message', 'like'));
    expect(res.status).toBe(200);
    expect(votes()).toEqual(before);
  });

  it('answers 400 to a submitAction that is not feedback', async () => {
    const invoke = { ...feedbackInvoke(connector.serviceUrl, 'x', 'like'), value: { actionName: 'other', actionValue: {} } };
    const res = await bot.post(invoke);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Ugyldig tilbakemelding');
  });

  it('lets the adapter answer other invokes with 501 Not Implemented', async () => {
    const invoke = { ...feedbackInvoke(connector.serviceUrl, 'x', 'like'), name: 'task/fetch' };
    expect((await bot.post(invoke)).status).toBe(501);
  });
});
