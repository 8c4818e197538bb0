import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { EXAMPLE_QUESTIONS } from '../../../src/answer/examples.js';
import { eventEnvelope, sendEvent } from './support/signed.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts, citationBlocks, feedbackButtons } from './support/blocks.js';

const QUESTION = 'Hvilke tiltak finnes for pårørende i Gamle Oslo?';

describe('Slack: direct messages', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('answers a DM in the DM, not in a thread, with ask()’s first source, «leter i planene …» while working and the question as title', async () => {
    const expected = await ask(QUESTION);
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: QUESTION, ts: '1700000002.000100' }));
    const [post] = await h.api.waitFor('chat.postMessage');
    const [status] = await h.api.waitFor('assistant.threads.setStatus');
    expect(status!.body).toMatchObject({ channel_id: 'D0ASKER', thread_ts: '1700000002.000100', status: 'leter i planene …' });
    expect(status!.at).toBeLessThanOrEqual(post!.at);
    const [title] = await h.api.waitFor('assistant.threads.setTitle');
    expect(title!.body).toMatchObject({ channel_id: 'D0ASKER', thread_ts: '1700000002.000100', title: QUESTION });
    expect(h.api.callsTo('reactions.add')).toHaveLength(0);
    expect(post!.body.channel).toBe('D0ASKER');
    expect(post!.body.thread_ts).toBeUndefined();
    if (expected.citations[0]) {
      const c = expected.citations[0];
      expect(citationBlocks(post!.body.blocks)[0]).toContain(`[1] ${c.documentTitle}`);
      expect(citationBlocks(post!.body.blocks)[0]).toContain(c.measureId ?? c.section!);
    }
  });

  it('takes the DM’s last turns as history for a follow-up written at the top of the DM', async () => {
    const answerText = 'Ansvarlig: Velferdsetaten. Tiltak 10S …';
    h.api.histories.set('D0FOLLOW', [
      { type: 'message', user: 'UVEILEDER', bot_id: 'BVEILEDER', text: answerText, ts: '1700000002.000910' },
      { type: 'message', user: 'U0ASKER', text: 'Hva er tiltak 10S i Tryggere liv?', ts: '1700000002.000900' },
    ]);
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0FOLLOW', user: 'U0ASKER', text: 'Hvem har ansvaret for det?', ts: '1700000002.000920' }));
    const post = (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
    expect(h.api.callsTo('conversations.history').at(-1)!.body).toMatchObject({ channel: 'D0FOLLOW', latest: '1700000002.000920' });
    const expected = await ask('Hvem har ansvaret for det?', {
      channel: 'slack',
      history: [
        { role: 'user', text: 'Hva er tiltak 10S i Tryggere liv?' },
        { role: 'assistant', text: answerText },
      ],
    });
    expect(expected.citations[0]?.measureId).toBe('10S');
    expect(citationBlocks(post.body.blocks)[0]).toContain('tiltak 10S');
  });

  it('ignores edits, deletions and other message subtypes', async () => {
    const before = h.api.calls.length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D0ASKER', ts: '1700000002.000200', message: { text: 'x' } }));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0RUSFELT', user: 'U0ASKER', text: QUESTION, ts: '1700000002.000300' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.calls.slice(before)).toEqual([]);
  });

  it('shows the help text for an empty DM, and answers a huge one shortened, with ask()’s note saying so', async () => {
    const huge = `Hva er tiltak 10S? ${'nalokson '.repeat(2_000)}`;
    const expected = await ask(huge, { channel: 'slack' });
    expect(expected.warnings.length).toBeGreaterThan(0);
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: '  :wave: ', ts: '1700000002.000400' }));
    const help = (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
    expect(blockTexts(help.body.blocks).join('\n')).toContain('Slik spør du');

    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: huge, ts: '1700000002.000500' }));
    const reply = (await h.api.waitFor('chat.postMessage', before + 2)).at(-1)!;
    for (const w of expected.warnings) expect(blockTexts(reply.body.blocks)).toContain(`⚠️ ${w}`);
    const stored = (await h.feedback.get(JSON.parse(feedbackButtons(reply.body.blocks)[0]!.value).answerId as string))!;
    expect(stored.question.length).toBeLessThanOrEqual(2_000);
  });
});

describe('Slack: the agent container (Messages tab)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('sets the shared example questions as suggested prompts when the Messages tab opens, without thread_ts', async () => {
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'messages', event_ts: '1700000600.000100' }));
    const [call] = await h.api.waitFor('assistant.threads.setSuggestedPrompts');
    expect(call!.body.channel_id).toBe('D0ASKER');
    expect(call!.body.thread_ts).toBeUndefined();
    expect((call!.body.prompts as Array<{ message: string }>).map((p) => p.message)).toEqual(EXAMPLE_QUESTIONS.slice(0, 4));
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home', event_ts: '1700000600.000200' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.callsTo('assistant.threads.setSuggestedPrompts')).toHaveLength(1);
  });

  it('still answers a DM with the ⏳ reaction when Slack refuses the assistant status (agent features off)', async () => {
    h.api.failNext('assistant.threads.setStatus', 'missing_scope');
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0OLDAPP', user: 'U0ASKER', text: 'Hva er tiltak 10S?', ts: '1700000600.000300' }));
    const [post] = await h.api.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D0OLDAPP');
    await h.api.waitFor('reactions.remove');
    expect(h.api.callsTo('reactions.add')[0]!.body).toMatchObject({ channel: 'D0OLDAPP', timestamp: '1700000600.000300' });
  });
});
