import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { eventEnvelope, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts } from './support/blocks.js';

/**
 * Every question addressed to the bot gets an answer or a reason, also when Slack's Web API is
 * rate-limited (429 + Retry-After), failing (5xx) or too slow (time-out) — each reproduced by the
 * stand-in at the HTTP level, as Slack's edge sends them.
 */
const QUESTION = 'Hva er tiltak 10S i Tryggere liv?';
let n = 0;
const mention = () => {
  n += 1;
  const ts = `1700000100.${String(n).padStart(6, '0')}`;
  return { ts, envelope: eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${QUESTION}`, ts, channel: 'C0RUSFELT' }) };
};

describe('Slack: answers reach the wire through 429, 5xx and time-outs', () => {
  let h: SlackHarness;
  let expected: string;
  beforeAll(async () => {
    h = await startSlackHarness({ SLACK_API_TIMEOUT_MS: '400' });
    expected = (await ask(QUESTION, { channel: 'slack' })).answer;
  });
  afterAll(() => h.close());

  const postsIn = (ts: string) => h.api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

  it('waits out a 429 for as long as Retry-After says, then posts the answer', async () => {
    h.api.failHttp('chat.postMessage', { status: 429, retryAfter: 1 });
    const { ts, envelope } = mention();
    await sendEvent(h.eventsUrl, envelope);
    await h.api.waitFor('chat.postMessage', h.api.callsTo('chat.postMessage').length + 2);
    const [limited, answered] = postsIn(ts);
    expect(answered!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
    expect(answered!.body.text).toBe(limited!.body.text);
    expect(String(answered!.body.text)).toContain('10S');
    expect(answered!.body.text).toBe(expected.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('tries again after a 5xx and posts the answer', async () => {
    h.api.failHttp('chat.postMessage', { status: 503, times: 2 });
    const { ts, envelope } = mention();
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, envelope);
    await h.api.waitFor('chat.postMessage', before + 3);
    const posts = postsIn(ts);
    expect(posts).toHaveLength(3);
    expect(String(posts[2]!.body.text)).toContain('10S');
  });

  it('tries again after a time-out and posts the answer', async () => {
    h.api.failHttp('chat.postMessage', { delayMs: 1_500 });
    const { ts, envelope } = mention();
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, envelope);
    await h.api.waitFor('chat.postMessage', before + 2);
    const [slow, again] = postsIn(ts);
    expect(again!.at - slow!.at).toBeGreaterThanOrEqual(400);
    expect(again!.body.blocks).toEqual(slow!.body.blocks);
  });

  it('says why in the thread when Slack keeps failing the answer', async () => {
    h.api.failHttp('chat.postMessage', { status: 500, times: 3 });
    const { ts, envelope } = mention();
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, envelope);
    await h.api.waitFor('chat.postMessage', before + 4);
    const reason = postsIn(ts).at(-1)!;
    expect(blockTexts(reason.body.blocks).join('\n')).toContain('svaret mitt kom ikke fram');
    expect(h.logs.join('\n')).toContain('SLACK_POST_FAILED');
  });

  it('says why when Slack refuses the answer itself (a platform error)', async () => {
    h.api.failNext('chat.postMessage', 'invalid_blocks');
    const { ts, envelope } = mention();
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, envelope);
    await h.api.waitFor('chat.postMessage', before + 2);
    const [refused, reason] = postsIn(ts);
    expect(String(refused!.body.text)).toContain('10S');
    expect(String(reason!.body.text)).toContain('svaret mitt kom ikke fram');
  });
});
