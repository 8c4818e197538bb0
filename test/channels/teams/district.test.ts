import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingKey, parseDistrictCommand } from '../../../src/channels/teams/district.js';
import { fileBindings } from '../../../src/channels/bindings.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { ADMIN, message } from './support/activities.js';
import { answerMessages } from './support/answer-message.js';
import { useTeamsBot } from './support/hooks.js';

const t = useTeamsBot({ TEAMS_ENABLED: 'true', TEAMS_ADMIN_IDS: ADMIN.aadObjectId.toLowerCase() });

/** The general channel of a team, in its reply chains as Teams names them. */
const CHANNEL = '19:general@thread.tacv2';
const inChannel = (text: string, o: { admin?: boolean; thread?: string } = {}) =>
  message({
    serviceUrl: t.connector.serviceUrl,
    text,
    conversationType: 'channel',
    conversationId: `${CHANNEL};messageid=${o.thread ?? '1700000000001'}`,
    mentionBot: true,
    ...(o.admin ? { from: ADMIN } : {}),
  });
const lastText = () => String(t.connector.sent('message').at(-1)?.body.text ?? '');

describe('binding a Teams channel to a district («bydel Nordstrand»)', () => {
  it('refuses a non-admin kindly, and binds nothing', async () => {
    await t.bot.post(inChannel('bydel Nordstrand'));
    expect(lastText()).toContain('Bare de som administrerer Veileder');
    expect(t.bot.askCalls).toHaveLength(0);
    await t.bot.post(inChannel('Hvilke tiltak finnes for unge?'));
    expect(t.bot.askCalls[0]!.context?.district).toBeUndefined();
  });

  it('lets an admin bind it; every thread of the channel then asks with that district, and it is kept in DATA_DIR', async () => {
    await t.bot.post(inChannel('bydel Nordstrand', { admin: true }));
    expect(lastText()).toContain('Bydel Nordstrand');
    expect(lastText()).toContain('byomfattende planene');

    await t.bot.post(inChannel('Hvilke tiltak finnes for unge?', { thread: '1700000000999' }));
    expect(t.bot.askCalls.at(-1)!.context).toMatchObject({ channel: 'teams', district: 'Nordstrand' });
    expect(answerMessages(t.connector)).toHaveLength(1);

    const file = JSON.parse(readFileSync(path.join(t.bot.dataDir, 'channel-districts.json'), 'utf8'));
    expect(file.bindings[`teams:tenant-1:${CHANNEL}`]).toMatchObject({ district: 'Nordstrand', by: ADMIN.aadObjectId });
    // The file store reads it back on start.
    expect((await fileBindings(t.bot.dataDir).get(`teams:tenant-1:${CHANNEL}`))?.district).toBe('Nordstrand');
  });

  it('shows the binding to anyone with «bydel», and leaves other chats unbound', async () => {
    await t.bot.post(inChannel('bydel'));
    expect(lastText()).toContain('knyttet til **Bydel Nordstrand**');
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'Hvilke tiltak finnes for unge?', conversationType: 'groupChat' }));
    expect(t.bot.askCalls.at(-1)!.context?.district).toBeUndefined();
  });

  it('still answers a question that names a district, asking it as written', async () => {
    await t.bot.post(inChannel('Bydel Gamle Oslo rusforebygging for unge'));
    const call = t.bot.askCalls.at(-1)!;
    expect(call.question).toBe('Bydel Gamle Oslo rusforebygging for unge');
    expect(call.context?.district).toBe('Nordstrand');
  });

  it('«bydel ingen» from an admin removes it', async () => {
    await t.bot.post(inChannel('bydel ingen', { admin: true }));
    expect(lastText()).toContain('ikke lenger knyttet');
    await t.bot.post(inChannel('Hvilke tiltak finnes for unge?'));
    expect(t.bot.askCalls.at(-1)!.context?.district).toBeUndefined();
  });
});

describe('the command and the key', () => {
  it('tells commands from questions', () => {
    expect(parseDistrictCommand('bydel')).toEqual({ kind: 'show' });
    expect(parseDistrictCommand('Bydel ingen')).toEqual({ kind: 'clear' });
    expect(parseDistrictCommand('bydel Søndre Nordstrand')).toEqual({ kind: 'set', district: 'Søndre Nordstrand' });
    expect(parseDistrictCommand('bydel gamle oslo.')).toEqual({ kind: 'set', district: 'Gamle Oslo' });
    expect(parseDistrictCommand('bydel Bydel Alna')).toEqual({ kind: 'set', district: 'Alna' });
    expect(parseDistrictCommand('Bydel Alna rusplan')).toBeNull();
    expect(parseDistrictCommand('bydelens tiltak')).toBeNull();
    expect(parseDistrictCommand('Hva gjør bydel Nordstrand?')).toBeNull();
  });

  it('keys a channel by tenant and channel, without the reply chain’s messageid', () => {
    expect(bindingKey({ conversation: { id: `${CHANNEL};messageid=17`, tenantId: 't-9' } as any, channelData: {} })).toBe(`teams:t-9:${CHANNEL}`);
    expect(bindingKey({ conversation: { id: 'a:1chat' } as any, channelData: { tenant: { id: 't-2' } } })).toBe('teams:t-2:a:1chat');
  });

  it('refuses a TEAMS_ADMIN_IDS entry that is not an AAD object id', () => {
    expect(() => loadConfig({ TEAMS_ADMIN_IDS: 'kari@oslo.kommune.no' })).toThrow(ConfigError);
    expect(loadConfig({ TEAMS_ADMIN_IDS: ` ${ADMIN.aadObjectId} , ` }).TEAMS_ADMIN_IDS).toEqual([ADMIN.aadObjectId]);
  });
});
