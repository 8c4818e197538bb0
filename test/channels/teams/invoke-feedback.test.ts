import { describe, expect, it } from 'vitest';
import { feedbackInvoke, message } from './support/activities.js';
import { useTeamsBot } from './support/hooks.js';

const t = useTeamsBot();

/** Asks once and returns the connector's id of the answer message and the stored answer's id. */
async function answered(text: string): Promise<{ messageId: string; answerId: string }> {
  const before = t.connector.sent('message').length;
  await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text }));
  const replies = await t.connector.waitFor('message', before + 1);
  return { messageId: replies.at(-1)!.id, answerId: t.bot.answerIds.at(-1)! };
}

describe('Teams feedback (message/submitAction) → feedback store', () => {
  it('stores 👍 on the answer the message carried and answers the invoke with 200', async () => {
    const { messageId, answerId } = await answered('Hva er tiltak 10S?');
    expect((await t.bot.feedback.get(answerId))?.vote).toBeNull();

    const res = await t.bot.post(feedbackInvoke(t.connector.serviceUrl, messageId, 'like'));
    expect(res.status).toBe(200);
    const stored = await t.bot.feedback.get(answerId);
    expect(stored).toMatchObject({ vote: 'up', channel: 'teams', question: 'Hva er tiltak 10S?' });
  });

  it('stores 👎 and lists the answer in the report, without the free-text comment', async () => {
    const { messageId, answerId } = await answered('Hva sier planene om pårørendesamarbeid?');
    const res = await t.bot.post(
      feedbackInvoke(t.connector.serviceUrl, messageId, 'dislike', JSON.stringify({ feedbackText: 'Ring meg på 98765432' })),
    );
    expect(res.status).toBe(200);
    expect(await t.bot.feedback.get(answerId)).toMatchObject({ vote: 'down', comment: null });
    expect((await t.bot.feedback.report()).map((a) => a.id)).toContain(answerId);
  });

  it('answers 200 and stores nothing for a vote on a message it no longer knows', async () => {
    const votes = () => Promise.all(t.bot.answerIds.map(async (id) => (await t.bot.feedback.get(id))?.vote));
    const before = await votes();
    const res = await t.bot.post(feedbackInvoke(t.connector.serviceUrl, 'unknown-message', 'like'));
    expect(res.status).toBe(200);
    expect(await votes()).toEqual(before);
  });

  it('answers 400 to a submitAction that is not feedback', async () => {
    const invoke = { ...feedbackInvoke(t.connector.serviceUrl, 'x', 'like'), value: { actionName: 'other', actionValue: {} } };
    const res = await t.bot.post(invoke);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Ugyldig tilbakemelding');
  });

  it('lets the adapter answer other invokes with 501 Not Implemented', async () => {
    const invoke = { ...feedbackInvoke(t.connector.serviceUrl, 'x', 'like'), name: 'task/fetch' };
    expect((await t.bot.post(invoke)).status).toBe(501);
  });
});
