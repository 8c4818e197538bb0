import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createTeamsAdapter, TeamsSetupError } from '../../../src/channels/teams/adapter.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { log } from '../../../src/log.js';
import { feedbackInvoke, message } from './support/activities.js';
import { startTeamsBot } from './support/bot.js';
import { startStandInConnector } from './support/connector.js';

/** A pino logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  return { logger: pino({ level: 'debug' }, stream), lines };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('Teams channel set-up', () => {
  it('warns at start-up when it runs without credentials, and says so in its start-up line', async () => {
    const { logger, lines } = capturedLogger();
    const bot = await startTeamsBot({ TEAMS_ENABLED: 'true' }, logger);
    await settle();
    await bot.close();
    const warning = lines.map((l) => JSON.parse(l) as { level: number; code?: string }).find((l) => l.code === 'TEAMS_UNAUTHENTICATED');
    expect(warning?.level).toBe(40);
  });

  it('logs answers and votes without the question text', async () => {
    const { logger, lines } = capturedLogger();
    const connector = await startStandInConnector();
    const bot = await startTeamsBot({ TEAMS_ENABLED: 'true' }, logger);
    const question = 'Hva er tiltak 10S? Ring meg på 41234567';
    await bot.post(message({ serviceUrl: connector.serviceUrl, text: question }));
    const [reply] = await connector.waitFor('message');
    await bot.post(feedbackInvoke(connector.serviceUrl, reply!.id!, 'dislike', { reason: 'other', comment: 'tiltak 10S, ring 41234567' }));
    await settle();
    await bot.close();
    await connector.close();
    const logged = lines.join('\n');
    expect(logged).toContain('Teams answer sent');
    expect(logged).toContain('Teams feedback stored');
    expect(logged).not.toContain('tiltak 10S');
    expect(logged).not.toContain('41234567');
  });

  it('refuses a certificate key file that is not there, with what to do', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_CERT_THUMBPRINT: 'AB12',
      MICROSOFT_APP_CERT_KEY_FILE: '/nonexistent/veileder-key.pem',
    });
    expect(() => createTeamsAdapter(config, log)).toThrow(TeamsSetupError);
    expect(() => createTeamsAdapter(config, log)).toThrow(/MICROSOFT_APP_CERT_KEY_FILE=\/nonexistent\/veileder-key.pem/);
  });

  it('runs unauthenticated with TEAMS_ENABLED=true whatever MICROSOFT_APP_TYPE says', () => {
    expect(() => createTeamsAdapter(loadConfig({ TEAMS_ENABLED: 'true', MICROSOFT_APP_TYPE: 'SingleTenant' }), log)).not.toThrow();
  });

  it('refuses half a certificate and an MSI without tenant in the settings', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_CERT_THUMBPRINT: 'AB12' })).toThrow(ConfigError);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toThrow(/TENANT_ID/);
  });
});
