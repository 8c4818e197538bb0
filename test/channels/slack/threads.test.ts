import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { eventEnvelope, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { citationBlocks } from './support/blocks.js';

/** Follow-ups in a channel thread Veileder answered in, without a new @mention — and only there. */
const settle = () => new Promise((r) => setTimeout(r, 400));
const reply = (thread: string, ts: string, text: string, extra: Record<string, unknown> = {}) =>
  eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0RUSFELT', user: 'U0ASKER', text, ts, thread_ts: thread, ...extra });

describe('Slack: follow-ups in a thread Veileder answered', () => {
  let h: SlackHarness;
  const thread = '1700000200.000100';
  beforeAll(async () => {
    h = await startSlackHarness();
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: thread, channel: 'C0RUSFELT' }));
    await h.api.waitFor('chat.postMessage');
  });
  afterAll(() => h.close());

  it('answers a reply in that thread without a mention, with the thread as history', async () => {
    const answer = h.api.callsTo('chat.postMessage')[0]!;
    h.api.threads.set(`C0RUSFELT:${thread}`, [
      { type: 'message', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S i Tryggere liv?`, ts: thread },
      { type: 'message', user: BOT.userId, bot_id: BOT.botId, text: String(answer.body.text), ts: '1700000200.000200' },
      { type: 'message', user: 'U0ASKER', text: 'Hvem har ansvaret for det?', ts: '1700000200.000300', thread_ts: thread },
    ]);
    await sendEvent(h.eventsUrl, reply(thread, '1700000200.000300', 'Hvem har ansvaret for det?'));
    const post = (await h.api.waitFor('chat.postMessage', 2)).at(-1)!;
    expect(post.body).toMatchObject({ channel: 'C0RUSFELT', thread_ts: thread });
    const context = h.askContexts.at(-1)!;
    expect(context.history?.map((t) => t.role)).toEqual(['user', 'assistant']);
    const expected = await ask('Hvem har ansvaret for det?', context);
    expect(expected.citations[0]?.measureId).toBe('10S');
    expect(citationBlocks(post.body.blocks)[0]).toContain('tiltak 10S');
  });

  it('stays out of other channel traffic: top-level messages, threads it never answered, replies to someone else', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    const other = '1700000300.000100';
    h.api.threads.set(`C0RUSFELT:${other}`, [
      { type: 'message', user: 'U0OTHER', text: 'Lunsj?', ts: other },
      { type: 'message', user: 'U0ASKER', text: 'Hva er tiltak 10S?', ts: '1700000300.000200', thread_ts: other },
    ]);
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0RUSFELT', user: 'U0ASKER', text: 'Hva er tiltak 10S?', ts: '1700000300.000050' }));
    await sendEvent(h.eventsUrl, reply(other, '1700000300.000200', 'Hva er tiltak 10S?'));
    await sendEvent(h.eventsUrl, reply(thread, '1700000200.000400', '<@U0KOLLEGA> kan du se på dette?'));
    await sendEvent(h.eventsUrl, reply(thread, '1700000200.000500', ':+1:'));
    await settle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(before);
    // The thread it never answered was looked up once, and is not looked up again.
    await sendEvent(h.eventsUrl, reply(other, '1700000300.000300', 'Og tiltak 11S?'));
    await settle();
    expect(h.api.callsTo('conversations.replies').filter((c) => c.body.ts === other)).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('recognises its own thread by its reply there after a restart', async () => {
    const h2 = await startSlackHarness();
    try {
      const old = '1700000400.000100';
      h2.api.threads.set(`C0RUSFELT:${old}`, [
        { type: 'message', user: 'U0ASKER', text: `<@${BOT.userId}> Hva er tiltak 10S?`, ts: old },
        { type: 'message', user: BOT.userId, bot_id: BOT.botId, text: 'Ansvarlig: Velferdsetaten. Tiltak 10S …', ts: '1700000400.000200' },
      ]);
      await sendEvent(h2.eventsUrl, reply(old, '1700000400.000300', 'Hvem har ansvaret for det?'));
      const [post] = await h2.api.waitFor('chat.postMessage');
      expect(post!.body.thread_ts).toBe(old);
    } finally {
      await h2.close();
    }
  });
});
