import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { eventEnvelope, sendEvent, SIGNING_SECRET } from '../channels/slack/support/signed.js';
import { BOT as SLACK_BOT, startSlackApiStandIn, type SlackApiStandIn } from '../channels/slack/support/slack-api-standin.js';
import { feedbackInvoke, message } from '../channels/teams/support/activities.js';
import { startStandInConnector, type StandInConnector } from '../channels/teams/support/connector.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { testConfig } from '../support/web-server.js';

/**
 * Two instances of `npm start`'s server on one PostgreSQL (DATABASE_URL), as a municipality runs them
 * behind its proxy: what one instance took on or stored, the other honours. Slack and Teams traffic
 * goes over real HTTP to each instance, their APIs are local stand-ins.
 */

let postgres: TestPostgres;
let slack: SlackApiStandIn;
let connector: StandInConnector;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  postgres = await startPostgres();
  const url = await postgres.freshDatabase();
  slack = await startSlackApiStandIn();
  connector = await startStandInConnector();
  const env = {
    DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_APP_TOKEN: '',
    MICROSOFT_APP_ID: '',
    TEAMS_ENABLED: 'true',
    SHUTDOWN_TIMEOUT_MS: '2000',
  };
  const quiet = pino({ level: 'silent' });
  const start = () => startServer({ config: testConfig(env), build: 'memory', log: quiet });
  [a, b] = await Promise.all([start(), start()]);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([slack?.close(), connector?.close()]);
  await postgres?.stop();
});

const postJson = (base: string, path: string, body: unknown) =>
  fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('two replicas on one PostgreSQL', () => {
  it('answers a Slack event delivered to both instances once', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const envelope = eventEnvelope({
      type: 'app_mention', user: 'U0ASKER', channel: 'C0RUSFELT', ts: '1700000100.000100',
      text: `<@${SLACK_BOT.userId}> Hva er tiltak 10S i Tryggere liv?`,
    });
    // Slack retries a delivery it did not see acknowledged; behind a proxy the retry may reach the other instance.
    const [ra, rb] = await Promise.all([sendEvent(`${a.url}slack/events`, envelope), sendEvent(`${b.url}slack/events`, envelope)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const posts = await slack.waitFor('chat.postMessage', before + 1);
    // Give a second answer every chance to arrive before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
    expect(String(posts.at(-1)!.body.text)).toContain('10S');
  });

  it('stores a Teams vote arriving at instance B on the answer instance A gave', async () => {
    const asked = await postJson(a.url, 'api/messages', message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S?' }));
    expect(asked.status).toBe(200);
    // The answer is its own message (the sources card follows it): the one that carries text.
    const sent = await connector.waitFor('message');
    const reply = sent.filter((m) => typeof m.body.text === 'string' && m.body.text !== '').at(-1);
    const answerId = (await a.store.conversations.answerIdOf(reply!.id!))!;
    expect(answerId).toMatch(/^[0-9a-f-]{36}$/);

    const voted = await postJson(b.url, 'api/messages', feedbackInvoke(connector.serviceUrl, reply!.id!, 'dislike'));
    expect(voted.status).toBe(200);
    expect(await a.feedback.get(answerId)).toMatchObject({ vote: 'down', channel: 'teams', question: 'Hva er tiltak 10S?' });
  });

  it('continues a Teams reply chain on B that started on A', async () => {
    const conversationId = '19:rus@thread.tacv2;messageid=1700000000999';
    const first = message({ serviceUrl: connector.serviceUrl, text: 'Hva er tiltak 10S i Tryggere liv?', conversationType: 'channel', conversationId, mentionBot: true });
    expect((await postJson(a.url, 'api/messages', first)).status).toBe(200);
    await connector.waitFor('message', connector.sent('message').length);
    expect(await b.store.conversations.turns(conversationId, 6)).toEqual([
      { role: 'user', text: 'Hva er tiltak 10S i Tryggere liv?' },
      expect.objectContaining({ role: 'assistant', text: expect.stringContaining('10S') }),
    ]);
  });

  it('sees on B a channel bound to a district on A', async () => {
    // The admin commands that bind (/veileder bydel …) are the channels' own; both read the one store.
    await a.store.bindings.set('slack:T0VEILEDER:C0RUSFELT', 'Nordstrand', 'U0ADMIN');
    expect(await b.store.bindings.get('slack:T0VEILEDER:C0RUSFELT')).toMatchObject({ district: 'Nordstrand', by: 'U0ADMIN' });
  });

  it('is not ready while the database is down, still answers without an id, and recovers', async () => {
    const id = (await postJson(b.url, 'api/ask', { question: 'Hva er tiltak 10S?' })).headers.get('x-answer-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(new URL('readyz', b.url))).status).toBe(200);
    postgres.stopServer();
    try {
      const ready = await fetch(new URL('readyz', b.url));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'database', message: 'Databasen svarer ikke.' });
      expect((await fetch(new URL('healthz', b.url))).status).toBe(200);
      const started = performance.now();
      const res = await postJson(b.url, 'api/ask', { question: 'Hva er tiltak 10S?' });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-answer-id')).toBeNull();
      expect(((await res.json()) as { found: boolean }).found).toBe(true);
      expect(performance.now() - started).toBeLessThan(5_000);
      const vote = await postJson(b.url, 'api/feedback', { answerId: id, vote: 'up' });
      expect(vote.status).toBe(503);
    } finally {
      postgres.startServer();
    }
    await expect.poll(async () => (await fetch(new URL('readyz', b.url))).status, { timeout: 15_000, interval: 300 }).toBe(200);
    await expect.poll(async () => (await postJson(b.url, 'api/feedback', { answerId: id, vote: 'up' })).status, { timeout: 10_000, interval: 300 }).toBe(200);
    expect(await a.feedback.get(id!)).toMatchObject({ vote: 'up' });
  });
});
