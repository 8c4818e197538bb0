import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { eventEnvelope, sendEvent } from './support/signed.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { citationBlocks } from './support/blocks.js';

const QUESTION = 'Hvilke tiltak finnes for pårørende i Gamle Oslo?';

describe('Slack: direct messages', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('answers a DM in the DM, not in a thread, with ask()’s first source', async () => {
    const expected = await ask(QUESTION);
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: QUESTION, ts: '1700000002.000100' }));
    const [post] = await h.api.waitFor('chat.postMessage');
    await h.api.waitFor('reactions.remove');
    expect(post!.body.channel).toBe('D0ASKER');
    expect(post!.body.thread_ts).toBeUndefined();
    if (expected.citations[0]) {
      const c = expected.citations[0];
      expect(citationBlocks(post!.body.blocks)[0]).toContain(`[1] ${c.documentTitle}`);
      expect(citationBlocks(post!.body.blocks)[0]).toContain(c.measureId ?? c.section!);
    }
  });

  it('ignores edits, deletions and other message subtypes', async () => {
    const before = h.api.calls.length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D0ASKER', ts: '1700000002.000200', message: { text: 'x' } }));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0RUSFELT', user: 'U0ASKER', text: QUESTION, ts: '1700000002.000300' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.calls.slice(before)).toEqual([]);
  });

  it('shows the help text for an empty DM, and a friendly note for a huge one', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: '   ', ts: '1700000002.000400' }));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: 'nalokson '.repeat(2_000), ts: '1700000002.000500' }));
    const posts = (await h.api.waitFor('chat.postMessage', before + 2)).slice(before);
    const texts = posts.map((p) => String(p.body.text));
    expect(texts.some((t) => t.includes('Slik spør du'))).toBe(true);
    expect(texts.some((t) => t.includes('Spørsmålet er for langt'))).toBe(true);
    expect(h.feedback.report().some((a) => a.question.includes('nalokson nalokson'))).toBe(false);
  });
});
