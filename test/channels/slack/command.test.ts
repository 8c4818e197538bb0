import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { sendButtonClick, sendCommand } from './support/signed.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts, citationBlocks, feedbackButtons } from './support/blocks.js';

const QUESTION = 'Hva er tiltak 10S i Tryggere liv?';

describe('Slack: /veileder', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('alone, shows a short help text with example questions, only to the asker', async () => {
    const res = await sendCommand(h.eventsUrl, { text: '', responseUrl: h.api.responseUrl('help') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    expect(blockTexts(body.blocks).join('\n')).toMatch(/Eksempler[\s\S]*nalokson/);
  });

  it('acknowledges at once, then answers ephemerally through response_url with a share button', async () => {
    const expected = await ask(QUESTION);
    const res = await sendCommand(h.eventsUrl, { text: QUESTION, responseUrl: h.api.responseUrl('cmd-1') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toContain('Leter i handlingsplanene');

    const [reply] = await h.api.waitFor('response_url');
    expect(reply!.path).toBe('/response/cmd-1');
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(citationBlocks(reply!.body.blocks)[0]).toContain(`[1] ${expected.citations[0]!.documentTitle} · tiltak 10S`);
    expect(feedbackButtons(reply!.body.blocks).map((b) => b.action_id)).toEqual(['veileder_feedback', 'veileder_feedback', 'veileder_share']);
    // Nothing was posted to the channel itself.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('shares the answer in the channel when asked, and removes the private copy', async () => {
    const reply = h.api.callsTo('response_url').find((c) => c.path === '/response/cmd-1')!;
    const share = feedbackButtons(reply.body.blocks).find((b) => b.action_id === 'veileder_share')!;
    const res = await sendButtonClick(h.eventsUrl, { actionId: share.action_id, value: share.value, responseUrl: h.api.responseUrl('share-1'), ephemeral: true });
    expect(res.status).toBe(200);
    const [inChannel, deleted] = await h.api.waitFor('response_url', 3).then((calls) => calls.filter((c) => c.path === '/response/share-1'));
    expect(inChannel!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(citationBlocks(inChannel!.body.blocks)).toEqual(citationBlocks(reply.body.blocks));
    expect(feedbackButtons(inChannel!.body.blocks).map((b) => b.action_id)).toEqual(['veileder_feedback', 'veileder_feedback']);
    expect(deleted!.body).toEqual({ delete_original: true });
  });
});
