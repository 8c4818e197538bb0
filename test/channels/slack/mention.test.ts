import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { WORKING_REACTION } from '../../../src/channels/slack/conversation.js';
import { eventEnvelope, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts, citationBlocks, feedbackButtons } from './support/blocks.js';

const QUESTION = 'Hva er tiltak 10S i Tryggere liv?';

describe('Slack: @Veileder in a channel', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('answers in a thread under the question, with the sources ask() gives and 👍/👎 buttons', async () => {
    const expected = await ask(QUESTION);
    expect(expected.found).toBe(true);
    const first = expected.citations[0]!;
    expect(first.measureId).toBe('10S');

    const res = await sendEvent(
      h.eventsUrl,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${QUESTION}`, ts: '1700000000.000100', channel: 'C0RUSFELT', event_ts: '1700000000.000100' }),
    );
    expect(res.status).toBe(200);

    const [post] = await h.api.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C0RUSFELT');
    expect(post!.body.thread_ts).toBe('1700000000.000100');
    expect(post!.body.text).toContain('10S');
    const blocks = post!.body.blocks as Array<Record<string, unknown>>;
    expect(blockTexts(blocks).join('\n')).toContain('Velferdsetaten');
    const sources = citationBlocks(blocks);
    expect(sources).toHaveLength(Math.min(expected.citations.length, 10));
    expect(sources[0]).toContain(`[1] ${first.documentTitle}`);
    expect(sources[0]).toContain(`tiltak ${first.measureId}`);
    expect(sources[0]).toContain(first.period);
    expect(sources[0]).toContain(first.responsible[0]!);
    const buttons = feedbackButtons(blocks);
    expect(buttons.map((b) => [b.type, b.action_id])).toEqual([['feedback_buttons', 'veileder_feedback'], ['feedback_buttons', 'veileder_feedback']]);

    // The answer was recorded for feedback, with the button pointing at it.
    const { answerId } = JSON.parse(buttons[0]!.value) as { answerId: string };
    expect(await h.feedback.get(answerId)).toMatchObject({ channel: 'slack', question: QUESTION, found: true, vote: null });

    // A visible "working" sign while answering, removed after.
    const added = await h.api.waitFor('reactions.add');
    const removed = await h.api.waitFor('reactions.remove');
    expect(added[0]!.body).toMatchObject({ channel: 'C0RUSFELT', timestamp: '1700000000.000100', name: WORKING_REACTION });
    expect(removed[0]!.body).toMatchObject({ channel: 'C0RUSFELT', timestamp: '1700000000.000100', name: WORKING_REACTION });

    // The channel logs ids and timings, never the question.
    expect(h.logs.some((l) => l.includes('"via":"mention"') && l.includes(answerId))).toBe(true);
    expect(h.logs.join('\n')).not.toContain('tiltak 10S i Tryggere');
  });

  it('uses the thread’s earlier turns as history for a follow-up', async () => {
    const thread = '1700000000.000200';
    h.api.threads.set(`C0RUSFELT:${thread}`, [
      { type: 'message', user: 'U0ASKER', text: `<@${BOT.userId}> ${QUESTION}`, ts: thread },
      { type: 'message', user: BOT.userId, bot_id: BOT.botId, text: 'Ansvarlig: Velferdsetaten. Tiltak 10S …', ts: '1700000000.000300' },
      { type: 'message', user: 'U0OTHER', bot_id: 'B0OTHERBOT', text: 'noise from another bot', ts: '1700000000.000350' },
      { type: 'message', user: 'U0ASKER', text: `<@${BOT.userId}> Hvem har ansvaret for det?`, ts: '1700000000.000400' },
    ]);
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hvem har ansvaret for det?`, ts: '1700000000.000400', thread_ts: thread, channel: 'C0RUSFELT', event_ts: '1700000000.000400' }),
    );
    const posts = await h.api.waitFor('chat.postMessage', before + 1);
    const replies = h.api.callsTo('conversations.replies').at(-1)!;
    expect(replies.body).toMatchObject({ channel: 'C0RUSFELT', ts: thread });
    const post = posts.at(-1)!;
    expect(post.body.thread_ts).toBe(thread);

    const expected = await ask('Hvem har ansvaret for det?', {
      channel: 'slack',
      history: [
        { role: 'user', text: QUESTION },
        { role: 'assistant', text: 'Ansvarlig: Velferdsetaten. Tiltak 10S …' },
      ],
    });
    expect(post.body.text).toBe(escapeLikeSlack(expected.answer));
    // …which is not what the same words get without the thread.
    expect((await ask('Hvem har ansvaret for det?', { channel: 'slack' })).answer).not.toBe(expected.answer);
  });

  it('names Bydel Nordstrand’s plan, the unit and the expired period for nalokson on Nordstrand', async () => {
    const expected = await ask('Hvem har ansvar for nalokson-utdeling på Nordstrand?');
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hvem har ansvar for nalokson-utdeling på Nordstrand?`, ts: '1700000000.000450', channel: 'C0RUSFELT' }),
    );
    const post = (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
    expect(post.body.thread_ts).toBe('1700000000.000450');
    const blocks = post.body.blocks as Array<Record<string, unknown>>;
    expect(blockTexts(blocks)[0]).toContain('NAV ved Helse, mestring og bolig');
    const [first] = citationBlocks(blocks);
    expect(first).toMatch(/^\[1\] Ruspolitisk handlingsplan 2021–2023, Bydel Nordstrand · tiltak \S+ · NAV ved Helse, mestring og bolig( \([^)]+\))? · 2021–2023 · ⚠️ planperioden er over$/);
    expect(expected.warnings.length).toBeGreaterThan(0);
    for (const w of expected.warnings) expect(blockTexts(blocks)).toContain(`⚠️ ${w}`);
    // The measure's own words are quoted under its source line.
    expect(blockTexts(blocks).find((t) => t.startsWith('«'))).toMatch(/nalokson/i);
  });

  it('still answers when the reaction and the thread history are refused (missing scopes)', async () => {
    h.api.failNext('reactions.add', 'missing_scope');
    h.api.failNext('conversations.replies', 'missing_scope');
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${QUESTION}`, ts: '1700000000.000470', thread_ts: '1700000000.000460', channel: 'C0RUSFELT' }),
    );
    const post = (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
    expect(post.body.thread_ts).toBe('1700000000.000460');
    expect(String(post.body.text)).toContain('10S');
    expect(h.logs.join('\n')).toMatch(/SLACK_REACTION_FAILED[\s\S]*SLACK_HISTORY_FAILED|SLACK_HISTORY_FAILED[\s\S]*SLACK_REACTION_FAILED/);
  });

  it('escapes what the question smuggles in, so nobody is pinged', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> <!channel> &lt;@U0BOSS&gt; hva er tiltak 10S?`, ts: '1700000000.000500', channel: 'C0RUSFELT' }),
    );
    const post = (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
    const raw = JSON.stringify(post.body);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<@U0BOSS>');
    expect(raw).not.toMatch(/(?<!\u2060)@channel/);
  });
});

function escapeLikeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
