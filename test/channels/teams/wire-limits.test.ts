import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.js';
import { MAX_MESSAGE_BYTES, activityBytes, buildAnswerActivity, buildSourcesActivity } from '../../../src/channels/teams/reply.js';
import { corpusCitations } from './support/corpus-citations.js';
import { feedbackInvoke, message } from './support/activities.js';
import { TEAMS_MAX_MESSAGE_BYTES } from './support/connector.js';
import { useTeamsBot } from './support/hooks.js';

/**
 * What Teams does to a bot's messages, reproduced by the stand-in connector: it refuses a payload
 * over 40 KB of UTF-16 with 413, and splits a message that has both text and attachments into two,
 * answering 202 with no id.
 */
const t = useTeamsBot();

/** Eight Tryggere liv measures, each cited: 45 KB as one message before the budget. */
const MANY_CITATIONS = 'Hvilke tiltak har Velferdsetaten ansvar for?';

describe('Teams message size (413 MessageSizeTooBig above 40 KB)', () => {
  it('keeps every message of an 8-citation answer under 40 KB of UTF-16, and the answer reaches the chat with all its citations', async () => {
    const res = await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: MANY_CITATIONS }));
    expect(res.status).toBe(200);
    const { answer } = t.bot.askCalls[0]!;
    expect(answer.citations.length).toBeGreaterThanOrEqual(8);

    const messages = t.connector.sent('message');
    for (const m of messages) {
      expect(m.utf16Bytes).toBeLessThan(TEAMS_MAX_MESSAGE_BYTES);
      expect(m.status).not.toBe(413);
    }
    const withAnswer = messages.find((m) => Array.isArray(m.body.entities) && m.body.entities.length > 0)!;
    expect(withAnswer, 'the answer message').toBeDefined();
    const entity = (withAnswer.body.entities as any[])[0];
    expect(entity.citation).toHaveLength(answer.citations.length);
    for (let n = 1; n <= answer.citations.length; n++) expect(withAnswer.body.text).toContain(`[${n}]`);
    // The user saw the answer, not «Beklager, jeg klarte ikke å svare».
    expect(JSON.stringify(messages.map((m) => m.body.text))).not.toContain('Beklager');
  });
});

describe('Teams splits text + attachments into two messages (202, no id)', () => {
  it('still links a 👍 on the answer to the stored answer', async () => {
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'Hva er tiltak 10S?' }));
    const answerId = t.bot.answerIds.at(-1)!;
    // The message in Teams that shows the 👍/👎: the one sent with the feedback loop on.
    const voted = t.connector
      .sent('message')
      .find((m) => (m.body.channelData as Record<string, unknown> | undefined)?.feedbackLoop ?? (m.body.channelData as any)?.feedbackLoopEnabled);
    expect(voted?.id, 'the answer message is shown in Teams').toBeTruthy();

    const res = await t.bot.post(feedbackInvoke(t.connector.serviceUrl, voted!.id!, 'like'));
    expect(res.status).toBe(200);
    expect((await t.bot.feedback.get(answerId))?.vote).toBe('up');
  });
});

describe('the size budget, whatever the number and length of citations', () => {
  const real = corpusCitations();
  const long = (i: number) => ({ ...real[i % real.length]!, text: `${real[i % real.length]!.text} `.repeat(40), references: ['Oslostandard for pårørendesamarbeid'] });
  const answerWith = (n: number, text = 'Svar fra planene [1].'): Answer => ({
    question: 'q',
    answer: text,
    found: true,
    language: 'nb',
    citations: Array.from({ length: n }, (_, i) => long(i)),
    warnings: ['Planperioden for Tryggere liv er ikke over.'],
  });

  it.each([1, 3, 8, 20, 25])('keeps the answer and the sources card for %i long citations under 40 KB', (n) => {
    const answer = answerWith(n);
    const activity = buildAnswerActivity(answer);
    expect(activityBytes(activity)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(activityBytes(buildSourcesActivity(answer)!)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    const carried = (activity.entities![0] as any).citation.length as number;
    expect(carried).toBeGreaterThanOrEqual(1);
    // Every citation carried has its marker; none left out keeps one.
    for (let i = 1; i <= carried; i++) expect(activity.text).toContain(`[${i}]`);
    expect(activity.text).not.toContain(`[${carried + 1}]`);
  });

  it('gives up detail before citations: 8 long citations keep all 8', () => {
    const activity = buildAnswerActivity(answerWith(8));
    expect((activity.entities![0] as any).citation).toHaveLength(8);
  });

  it('shortens an overlong answer text rather than fail', () => {
    const activity = buildAnswerActivity(answerWith(20, 'Svar fra planene. '.repeat(3_000)));
    expect(activityBytes(activity)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(activity.text).toMatch(/…/);
  });

  it('leaves every interactive item out of a citation’s detail card', () => {
    const answer = answerWith(3);
    answer.citations[0] = { ...answer.citations[0]!, url: 'https://www.oslo.kommune.no/plan.pdf' };
    const activity = buildAnswerActivity(answer);
    for (const c of (activity.entities![0] as any).citation) {
      if (c.appearance.text) expect(c.appearance.text).not.toMatch(/"Action\.|"ActionSet"|"Input\./);
    }
    // The sources card keeps its link.
    expect(JSON.stringify(buildSourcesActivity(answer))).toContain('Action.OpenUrl');
  });
});
