import { describe, expect, it } from 'vitest';
import { feedbackFetch, feedbackInvoke, message } from './support/activities.js';
import { answerMessages } from './support/answer-message.js';
import { useTeamsBot } from './support/hooks.js';

const t = useTeamsBot();

/** Asks once and returns the id Teams shows the answer message under, and the stored answer's id. */
async function answered(text: string): Promise<{ messageId: string; answerId: string }> {
  const before = answerMessages(t.connector).length;
  await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text }));
  const replies = answerMessages(t.connector);
  expect(replies).toHaveLength(before + 1);
  return { messageId: replies.at(-1)!.id!, answerId: t.bot.answerIds.at(-1)! };
}

describe('the answer asks for Teams’ custom feedback loop', () => {
  it('sends channelData.feedbackLoop {type: custom}, not the legacy flag beside it (Teams rejects both)', async () => {
    await answered('Hva er tiltak 10S?');
    const [reply] = answerMessages(t.connector);
    expect(reply!.body.channelData).toEqual({ feedbackLoop: { type: 'custom' } });
  });
});

describe('👎: message/fetchTask → «Hva var galt?» form → message/submitAction', () => {
  it('stores the vote at the click and answers with the form in a task module', async () => {
    const { messageId, answerId } = await answered('Hva er tiltak 10S?');
    const res = await t.bot.post(feedbackFetch(t.connector.serviceUrl, messageId, 'dislike'));
    expect(res.status).toBe(200);
    expect((await t.bot.feedback.get(answerId))?.vote).toBe('down');

    const { task } = JSON.parse(res.body);
    expect(task.type).toBe('continue');
    expect(task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = task.value.card.content;
    expect(card.body[0].text).toBe('Hva var galt?');
    const choices = card.body.find((b: any) => b.id === 'reason').choices.map((c: any) => c.title);
    expect(choices).toEqual(['Feil enhet', 'Utdatert', 'Svarte ikke på spørsmålet', 'Annet']);
    expect(card.body.some((b: any) => b.type === 'Input.Text' && b.id === 'comment')).toBe(true);
    expect(card.actions[0].type).toBe('Action.Submit');
  });

  it('stores the reason and the free text with the vote, the text free of personal data', async () => {
    const { messageId, answerId } = await answered('Hvem har ansvar for startlån i Gamle Oslo?');
    await t.bot.post(feedbackFetch(t.connector.serviceUrl, messageId, 'dislike'));
    const res = await t.bot.post(
      feedbackInvoke(t.connector.serviceUrl, messageId, 'dislike', {
        reason: 'wrong_unit',
        comment: 'Det er NAV, ring meg på 987 65 432',
      }),
    );
    expect(res.status).toBe(200);
    const stored = (await t.bot.feedback.get(answerId))!;
    expect(stored.vote).toBe('down');
    expect(stored.comment).toMatch(/^Feil enhet: Det er NAV/);
    expect(stored.comment).not.toMatch(/987\s?65\s?432/);
    expect((await t.bot.feedback.report()).map((a) => a.id)).toContain(answerId);
  });

  it('shows the form in English for an answer in English', async () => {
    const { messageId } = await answered('Who is responsible for measure 10S?');
    const res = await t.bot.post(feedbackFetch(t.connector.serviceUrl, messageId, 'dislike'));
    expect(JSON.parse(res.body).task.value.card.content.body[0].text).toBe('What was wrong?');
  });
});

describe('👍 and Teams’ default form', () => {
  it('stores 👍 at the click and thanks the user', async () => {
    const { messageId, answerId } = await answered('Hva er tiltak 10S?');
    const res = await t.bot.post(feedbackFetch(t.connector.serviceUrl, messageId, 'like'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).task).toEqual({ type: 'message', value: 'Takk for tilbakemeldingen!' });
    expect(await t.bot.feedback.get(answerId)).toMatchObject({ vote: 'up', channel: 'teams', question: 'Hva er tiltak 10S?' });
  });

  it('stores a vote from the default form (feedbackText) with its text, free of personal data', async () => {
    const { messageId, answerId } = await answered('Hva sier planene om pårørendesamarbeid?');
    const res = await t.bot.post(
      feedbackInvoke(t.connector.serviceUrl, messageId, 'dislike', { feedbackText: 'Ring meg på 98765432' }),
    );
    expect(res.status).toBe(200);
    const stored = (await t.bot.feedback.get(answerId))!;
    expect(stored.vote).toBe('down');
    expect(stored.comment).toMatch(/^Ring meg på/);
    expect(stored.comment).not.toContain('98765432');
  });
});

describe('feedback that cannot be used', () => {
  it('answers 200 and stores nothing for a vote on a message it no longer knows', async () => {
    const votes = () => Promise.all(t.bot.answerIds.map(async (id) => (await t.bot.feedback.get(id))?.vote));
    const before = await votes();
    expect((await t.bot.post(feedbackInvoke(t.connector.serviceUrl, 'unknown-message', 'like'))).status).toBe(200);
    expect((await t.bot.post(feedbackFetch(t.connector.serviceUrl, 'unknown-message', 'dislike'))).status).toBe(200);
    expect(await votes()).toEqual(before);
  });

  it('answers 400 to a submitAction or fetchTask that is not feedback', async () => {
    const invoke = { ...feedbackInvoke(t.connector.serviceUrl, 'x', 'like'), value: { actionName: 'other', actionValue: {} } };
    const res = await t.bot.post(invoke);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Ugyldig tilbakemelding');
    const fetch = { ...feedbackFetch(t.connector.serviceUrl, 'x', 'like'), value: { actionName: 'feedback', actionValue: { reaction: 'meh' } } };
    expect((await t.bot.post(fetch)).status).toBe(400);
  });

  it('lets the adapter answer other invokes with 501 Not Implemented', async () => {
    const invoke = { ...feedbackInvoke(t.connector.serviceUrl, 'x', 'like'), name: 'task/fetch' };
    expect((await t.bot.post(invoke)).status).toBe(501);
  });
});
