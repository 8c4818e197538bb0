import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feedbackFetch, message } from './support/activities.js';
import { startTeamsBot, type TeamsBot } from './support/bot.js';
import { startStandInConnector, type StandInConnector } from './support/connector.js';
import { startOpenIdStandIn, type OpenIdStandIn } from './support/openid.js';

/**
 * /api/messages with an app id: the real botframework-connector token validation, against a local
 * OpenID/JWKS stand-in whose RSA key the test made. Forged tokens are signed otherwise.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';

let openid: OpenIdStandIn;
let connector: StandInConnector;
let bot: TeamsBot;

beforeAll(async () => {
  openid = await startOpenIdStandIn();
  connector = await startStandInConnector();
  bot = await startTeamsBot({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret' }, undefined, {
    tokenEndpoints: { openIdMetadataUrl: openid.metadataUrl, tokenIssuer: openid.issuer },
  });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
  await openid.close();
});
afterEach(() => {
  connector.requests.length = 0;
});

const claimsFor = (serviceUrl: string) => ({ aud: APP_ID, serviceurl: serviceUrl });

/** A refusal as the user of the endpoint sees it: JSON with a code, nothing of the library or the machine. */
function expectCleanRefusal(res: { status: number; body: string }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(JSON.parse(res.body).error.code).toBe(code);
  expect(res.body).not.toMatch(/<html|<pre|\bat \w+ \(|\/work\/|node_modules|jwt |signature|JsonWebTokenError|Unauthorized[. ]|Request is not authorized/i);
}

describe('a token the channel signed', () => {
  it('passes: the invoke reaches the bot and gets its answer (so the refusals below are the token’s doing)', async () => {
    const activity = feedbackFetch(connector.serviceUrl, 'unknown-message', 'like');
    const res = await bot.post(activity, { authorization: `Bearer ${openid.token(claimsFor(activity.serviceUrl))}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).task.type).toBe('message');
    expect(openid.served).toContain('/v1/.well-known/keys');
  });

  it('is checked before the body: a signed request with a body that is not an activity gets 400 with the reason', async () => {
    const res = await bot.post({ hello: 'world' }, { authorization: `Bearer ${openid.token(claimsFor(connector.serviceUrl))}` });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('serviceUrl');
    const noType = { ...feedbackFetch(connector.serviceUrl, 'x', 'like'), type: undefined };
    const res2 = await bot.post(noType, { authorization: `Bearer ${openid.token(claimsFor(connector.serviceUrl))}` });
    expect(res2.status).toBe(400);
    expect(JSON.parse(res2.body).error).toMatchObject({ code: 'TEAMS_ACTIVITY_INVALID' });
    expect(JSON.parse(res2.body).error.message).toContain('type');
  });
});

describe('forged tokens get 401, with no library text, and nothing is asked or sent', () => {
  it.each([
    ['alg: none', 'alg-none'],
    ['signed with another key', 'wrong-key'],
    ['HS256 with the public key as secret (algorithm confusion)', 'hs256-public-key'],
    ['expired', 'expired'],
  ] as const)('%s', async (_label, how) => {
    const activity = message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' });
    const res = await bot.post(activity, { authorization: `Bearer ${openid.token(claimsFor(activity.serviceUrl), how)}` });
    expectCleanRefusal(res, 401, 'TEAMS_UNAUTHORIZED');
    expect(bot.askCalls).toHaveLength(0);
    expect(connector.requests).toHaveLength(0);
  });

  it('a valid signature for another app (audience), or for another serviceUrl than the activity names', async () => {
    const activity = message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' });
    const otherApp = await bot.post(activity, { authorization: `Bearer ${openid.token({ aud: 'another-app', serviceurl: activity.serviceUrl })}` });
    expectCleanRefusal(otherApp, 401, 'TEAMS_UNAUTHORIZED');
    const elsewhere = await bot.post(
      { ...activity, serviceUrl: 'https://attacker.example/' },
      { authorization: `Bearer ${openid.token(claimsFor(activity.serviceUrl))}` },
    );
    expectCleanRefusal(elsewhere, 401, 'TEAMS_UNAUTHORIZED');
    expect(connector.requests).toHaveLength(0);
  });
});

describe('authentication comes before the body is looked at', () => {
  it.each([
    ['no token, broken JSON', '{"type": "message",', {}],
    ['no token, not an activity', JSON.stringify({ hello: 'world' }), {}],
    ['no token, a body over the size limit', JSON.stringify({ text: 'x'.repeat(300 * 1024) }), {}],
    ['a forged token, broken JSON', '{"type": ', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' }],
    ['no token, an unknown Content-Encoding', '{}', { 'content-encoding': 'xyz' }],
  ] as const)('%s → 401', async (_label, body, headers) => {
    const res = await bot.post(body, headers);
    expectCleanRefusal(res, 401, 'TEAMS_UNAUTHORIZED');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});
