import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { eventEnvelope, sendCommand, sendEvent } from './support/signed.js';
import { BOT } from './support/slack-api-standin.js';
import { startSlackHarness, type SlackHarness } from './support/harness.js';
import { blockTexts } from './support/blocks.js';

/** `/veileder bydel …` binds a channel to a district; questions there that name none are asked for it. */
const ADMIN = 'U0ADMIN';
const QUESTION = 'Hvem har ansvar for nalokson-utdeling?';

describe('Slack: a channel bound to a district', () => {
  let h: SlackHarness;
  let n = 0;
  const command = async (text: string, userId: string, channelId = 'C0RUSFELT') => {
    const res = await sendCommand(h.eventsUrl, { text, userId, channelId, responseUrl: h.api.responseUrl(`bind-${(n += 1)}`) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    return blockTexts(body.blocks).join('\n');
  };
  const mention = async (channel: string, ts: string, text = QUESTION) => {
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${text}`, ts, channel }));
    return (await h.api.waitFor('chat.postMessage', before + 1)).at(-1)!;
  };
  const file = () => path.join(h.dataDir, 'channel-districts.json');

  beforeAll(async () => {
    h = await startSlackHarness({ SLACK_ADMIN_USER_IDS: `UOTHERADMIN, ${ADMIN}` });
  });
  afterAll(() => h.close());

  it('refuses a binding from someone who is not an admin, kindly, and stores nothing', async () => {
    expect(await command('bydel Nordstrand', 'U0ASKER')).toContain('Bare de som drifter Veileder kan knytte en kanal til en bydel');
    expect(() => readFileSync(file())).toThrow();
  });

  it('binds the channel for an admin, in the data directory, and shows it to anyone', async () => {
    expect(await command('bydel Nordstrand', ADMIN)).toContain('Kanalen er nå knyttet til *Bydel Nordstrand*');
    const stored = JSON.parse(readFileSync(file(), 'utf8')) as { bindings: Record<string, { district: string; by: string }> };
    expect(stored.bindings['slack:T0VEILEDER:C0RUSFELT']).toMatchObject({ district: 'Nordstrand', by: ADMIN });
    expect(await command('bydel', 'U0ASKER')).toContain('Denne kanalen er knyttet til *Bydel Nordstrand*');
    expect(await command('bydel', 'U0ASKER', 'C0ANDRE')).toContain('ikke knyttet til en bydel');
  });

  it('asks a mention there for the district, and one elsewhere for none', async () => {
    const post = await mention('C0RUSFELT', '1700000500.000100');
    expect(h.askContexts.at(-1)).toMatchObject({ district: 'Nordstrand', channel: 'slack' });
    const expected = await ask(QUESTION, { history: [], channel: 'slack', district: 'Nordstrand' });
    expect(post.body.text).toBe(expected.answer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    await mention('C0ANDRE', '1700000500.000200');
    expect(h.askContexts.at(-1)!.district).toBeUndefined();
  });

  it('asks /veileder there for the district too', async () => {
    await sendCommand(h.eventsUrl, { text: QUESTION, channelId: 'C0RUSFELT', responseUrl: h.api.responseUrl('bound-question') });
    await h.api.waitFor('response_url');
    expect(h.askContexts.at(-1)).toMatchObject({ district: 'Nordstrand' });
  });

  it('says which districts there are when the name is not one, and takes a longer text after «bydel» as a question', async () => {
    const reply = await command('bydel Atlantis', ADMIN);
    expect(reply).toContain('Jeg kjenner ikke igjen «Atlantis» som en bydel i Oslo');
    expect(reply).toContain('Gamle Oslo');
    const res = await sendCommand(h.eventsUrl, { text: 'bydel Nordstrand sine tiltak for unge voksne?', userId: ADMIN, responseUrl: h.api.responseUrl('not-a-binding') });
    expect(((await res.json()) as { text: string }).text).toContain('Leter i handlingsplanene');
    expect(JSON.parse(readFileSync(file(), 'utf8')).bindings['slack:T0VEILEDER:C0RUSFELT'].district).toBe('Nordstrand');
  });

  it('removes the binding with «bydel ingen»', async () => {
    expect(await command('bydel ingen', ADMIN)).toContain('ikke lenger knyttet til en bydel');
    expect(JSON.parse(readFileSync(file(), 'utf8')).bindings).toEqual({});
    await mention('C0RUSFELT', '1700000500.000300');
    expect(h.askContexts.at(-1)!.district).toBeUndefined();
  });
});
