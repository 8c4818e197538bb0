import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT } from './support/slack-api-standin.js';
import { eventEnvelope, sendButtonClick, sendEvent } from './support/signed.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts, citationBlocks, feedbackButtons, type Button } from './support/blocks.js';

describe('Slack: 👍/👎 on an answer', () => {
  let h: SlackHarness;
  let buttons: Button[];
  let sources: string[];
  beforeAll(async () => {
    h = await startSlackHarness();
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: '1700000005.000100', channel: 'C0RUSFELT' }));
    const [post] = await h.api.waitFor('chat.postMessage');
    buttons = feedbackButtons(post!.body.blocks);
    sources = citationBlocks(post!.body.blocks);
  });
  afterAll(() => h.close());

  it('stores a 👎 with the question, answer and citations, and thanks the user in place of the buttons', async () => {
    const down = buttons.find((b) => b.action_id === 'veileder_vote_down')!;
    const res = await sendButtonClick(h.eventsUrl, { actionId: down.action_id, value: down.value, responseUrl: h.api.responseUrl('vote-1'), messageTs: '1800000000.000001' });
    expect(res.status).toBe(200);

    const [update] = await h.api.waitFor('response_url');
    expect(update!.path).toBe('/response/vote-1');
    expect(update!.body.replace_original).toBe(true);
    expect(blockTexts(update!.body.blocks).join('\n')).toContain('Takk for tilbakemeldingen');
    expect(feedbackButtons(update!.body.blocks)).toEqual([]);
    expect(citationBlocks(update!.body.blocks)).toEqual(sources);

    const { answerId } = JSON.parse(down.value) as { answerId: string };
    const stored = (await h.feedback.get(answerId))!;
    expect(stored).toMatchObject({ vote: 'down', channel: 'slack', question: 'Hva er tiltak 10S i Tryggere liv?', found: true });
    expect(stored.citations[0]?.measureId).toBe('10S');
    expect((await h.feedback.report()).map((a) => a.id)).toContain(answerId);
  });

  it('changes the vote on a second click, and keeps no 👎 in the report after a 👍', async () => {
    const up = buttons.find((b) => b.action_id === 'veileder_vote_up')!;
    await sendButtonClick(h.eventsUrl, { actionId: up.action_id, value: up.value, responseUrl: h.api.responseUrl('vote-2') });
    const calls = await h.api.waitFor('response_url', 2);
    expect(blockTexts(calls.at(-1)!.body.blocks).join('\n')).toContain('👍 Takk for tilbakemeldingen');
    const { answerId } = JSON.parse(up.value) as { answerId: string };
    expect((await h.feedback.get(answerId))?.vote).toBe('up');
    expect((await h.feedback.report()).map((a) => a.id)).not.toContain(answerId);
  });

  it('answers a vote on an unknown or forged answer id with a friendly note, storing nothing', async () => {
    const forged = JSON.stringify({ answerId: '00000000-0000-4000-8000-000000000000', language: 'nb' });
    await sendButtonClick(h.eventsUrl, { actionId: 'veileder_vote_down', value: forged, responseUrl: h.api.responseUrl('vote-3') });
    await sendButtonClick(h.eventsUrl, { actionId: 'veileder_vote_down', value: 'garbage<>', responseUrl: h.api.responseUrl('vote-4') });
    const calls = (await h.api.waitFor('response_url', 4)).slice(2);
    for (const c of calls) {
      expect(c.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(c.body.text)).toContain('finner ikke dette svaret');
    }
  });

  it('keeps the answer\'s warnings (an ended plan period) when the message is redrawn after a vote', async () => {
    const postsBefore = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hvem har ansvar for nalokson på Nordstrand?`, ts: '1700000006.000100', channel: 'C0RUSFELT' }));
    const posts = await h.api.waitFor('chat.postMessage', postsBefore + 1);
    const post = posts.at(-1)!;
    const warning = blockTexts(post.body.blocks).find((t) => t.includes('gikk ut i 2023'));
    expect(warning, 'the first message warns that the Nordstrand plan has ended').toBeDefined();
    const up = feedbackButtons(post.body.blocks).find((b) => b.action_id === 'veileder_vote_up')!;
    const updatesBefore = h.api.callsTo('response_url').length;
    await sendButtonClick(h.eventsUrl, { actionId: up.action_id, value: up.value, responseUrl: h.api.responseUrl('vote-w'), messageTs: '1800000000.000009' });
    const updates = await h.api.waitFor('response_url', updatesBefore + 1);
    expect(updates.at(-1)!.path).toBe('/response/vote-w');
    expect(blockTexts(updates.at(-1)!.body.blocks)).toContain(warning);
  });
});
