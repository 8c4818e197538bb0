import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT } from './support/slack-api-standin.js';
import { eventEnvelope, post, sendButtonClick, sendEvent } from './support/signed.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts, citationBlocks, clickOf, feedbackButtons, voteButton, type Button } from './support/blocks.js';

/** A view_submission of the «Hva var galt?» modal as Slack posts it. */
function submitReason(url: string, view: Record<string, unknown>, values: Record<string, unknown>) {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0VEILEDER', domain: 'veileder-test' },
    user: { id: 'U0VOTER', username: 'voter', team_id: 'T0VEILEDER' },
    api_app_id: 'A0VEILEDER',
    token: 'legacy-verification-token',
    trigger_id: `trig.reason.${Math.random().toString(36).slice(2)}`,
    view: { ...view, id: 'V0REASON', team_id: 'T0VEILEDER', state: { values } },
  };
  return post(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

describe('Slack: 👍/👎 on an answer', () => {
  let h: SlackHarness;
  let down: Button;
  let up: Button;
  let sources: string[];
  beforeAll(async () => {
    h = await startSlackHarness();
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: '1700000005.000100', channel: 'C0RUSFELT' }));
    const [post] = await h.api.waitFor('chat.postMessage');
    up = voteButton(post!.body.blocks, 'up');
    down = voteButton(post!.body.blocks, 'down');
    sources = citationBlocks(post!.body.blocks);
  });
  afterAll(() => h.close());

  it('stores a 👎 with the question, answer and citations, asks «Hva var galt?» and thanks the user in place of the buttons', async () => {
    const res = await sendButtonClick(h.eventsUrl, { ...clickOf(down), responseUrl: h.api.responseUrl('vote-1'), messageTs: '1800000000.000001' });
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

    const [open] = await h.api.waitFor('views.open');
    expect(open!.body.trigger_id).toMatch(/^trig\./);
    const view = open!.body.view as { title: { text: string }; blocks: Array<{ block_id: string; element: { options?: Array<{ text: { text: string } }> } }> };
    expect(view.title.text).toBe('Hva var galt?');
    expect(view.blocks[0]!.element.options!.map((o) => o.text.text)).toEqual(['Feil enhet', 'Utdatert', 'Ikke besvart', 'Annet']);
    expect(view.blocks[1]!.block_id).toBe('details');
  });

  it('stores the reason and the free text with the 👎, personal data removed', async () => {
    const [open] = h.api.callsTo('views.open');
    const view = open!.body.view as Record<string, unknown>;
    const res = await submitReason(h.eventsUrl, view, {
      reason: { choice: { type: 'radio_buttons', selected_option: { value: 'utdatert', text: { type: 'plain_text', text: 'Utdatert' } } } },
      details: { text: { type: 'plain_text_input', value: 'Ring Kari på 412 34 567, planen er byttet ut' } },
    });
    expect(res.status).toBe(200);
    const { answerId } = JSON.parse(down.value) as { answerId: string };
    const stored = (await h.feedback.get(answerId))!;
    expect(stored.vote).toBe('down');
    expect(stored.comment).toMatch(/^utdatert: .*\[telefonnummer\].*planen er byttet ut$/);
    // A name next to a phone number is personal data too (src/privacy): neither survives.
    expect(stored.comment).not.toContain('412 34 567');
    expect(stored.comment).not.toContain('Kari');
  });

  it('asks again when no reason was chosen, storing nothing new', async () => {
    const [open] = h.api.callsTo('views.open');
    const res = await submitReason(h.eventsUrl, open!.body.view as Record<string, unknown>, { reason: { choice: { type: 'radio_buttons', selected_option: null } } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_action: 'errors', errors: { reason: 'Hva var galt med svaret?' } });
    const { answerId } = JSON.parse(down.value) as { answerId: string };
    expect((await h.feedback.get(answerId))!.comment).toMatch(/^utdatert: /);
  });

  it('changes the vote on a 👍, and keeps no 👎 in the report after it', async () => {
    const opens = h.api.callsTo('views.open').length;
    await sendButtonClick(h.eventsUrl, { ...clickOf(up), responseUrl: h.api.responseUrl('vote-2') });
    const calls = await h.api.waitFor('response_url', 2);
    expect(blockTexts(calls.at(-1)!.body.blocks).join('\n')).toContain('👍 Takk for tilbakemeldingen');
    const { answerId } = JSON.parse(up.value) as { answerId: string };
    expect((await h.feedback.get(answerId))?.vote).toBe('up');
    expect((await h.feedback.report()).map((a) => a.id)).not.toContain(answerId);
    expect(h.api.callsTo('views.open')).toHaveLength(opens);
  });

  it('still takes a vote from the plain buttons of messages sent before feedback_buttons', async () => {
    const value = JSON.stringify({ answerId: (JSON.parse(up.value) as { answerId: string }).answerId, language: 'nb' });
    await sendButtonClick(h.eventsUrl, { actionId: 'veileder_vote_down', value, responseUrl: h.api.responseUrl('vote-legacy') });
    const calls = await h.api.waitFor('response_url', 3);
    expect(calls.at(-1)!.path).toBe('/response/vote-legacy');
    expect((await h.feedback.get(JSON.parse(value).answerId as string))?.vote).toBe('down');
  });

  it('answers a vote on an unknown or forged answer id with a friendly note, storing nothing', async () => {
    const before = h.api.callsTo('response_url').length;
    const forged = JSON.stringify({ answerId: '00000000-0000-4000-8000-000000000000', language: 'nb', vote: 'down' });
    await sendButtonClick(h.eventsUrl, { actionId: 'veileder_feedback', type: 'feedback_buttons', value: forged, responseUrl: h.api.responseUrl('vote-3') });
    await sendButtonClick(h.eventsUrl, { actionId: 'veileder_feedback', type: 'feedback_buttons', value: 'garbage<>', responseUrl: h.api.responseUrl('vote-4') });
    const calls = (await h.api.waitFor('response_url', before + 2)).slice(before);
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
    const updatesBefore = h.api.callsTo('response_url').length;
    await sendButtonClick(h.eventsUrl, { ...clickOf(voteButton(post.body.blocks, 'up')), responseUrl: h.api.responseUrl('vote-w'), messageTs: '1800000000.000009' });
    const updates = await h.api.waitFor('response_url', updatesBefore + 1);
    expect(updates.at(-1)!.path).toBe('/response/vote-w');
    expect(blockTexts(updates.at(-1)!.body.blocks)).toContain(warning);
  });
});
