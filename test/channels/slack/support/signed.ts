import { createHmac } from 'node:crypto';

/**
 * Builders for what Slack sends to /slack/events, signed with the real v0 scheme
 * (`v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` under the signing secret).
 */

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  retryNum?: number;
  /** Replace the computed signature (forgeries). */
  signature?: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function post(url: string, body: string, contentType: string, opts: SendOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? sign(body, timestamp, opts.secret),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${(counter += 1)}`;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, opts: { eventId?: string; teamId?: string } = {}) {
  return {
    token: 'legacy-verification-token',
    team_id: opts.teamId ?? 'T0VEILEDER',
    api_app_id: 'A0VEILEDER',
    type: 'event_callback',
    event_id: opts.eventId ?? nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: opts.teamId ?? 'T0VEILEDER', user_id: 'UVEILEDER', is_bot: true }],
    event,
  };
}

export function sendEvent(url: string, envelope: object, opts?: SendOptions): Promise<Response> {
  return post(url, JSON.stringify(envelope), 'application/json', opts);
}

export interface CommandFields {
  text: string;
  responseUrl: string;
  channelId?: string;
  userId?: string;
  teamId?: string;
}

/** A slash command's body as Slack posts it: form-encoded fields (a fresh trigger_id each time). */
export function commandBody(f: CommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: f.teamId ?? 'T0VEILEDER',
    team_domain: 'veileder-test',
    channel_id: f.channelId ?? 'C0RUSFELT',
    channel_name: 'rusfeltet',
    user_id: f.userId ?? 'U0ASKER',
    user_name: 'asker',
    command: '/veileder',
    text: f.text,
    api_app_id: 'A0VEILEDER',
    response_url: f.responseUrl,
    trigger_id: nextId('trig.'),
  }).toString();
}

export function sendCommand(url: string, f: CommandFields, opts?: SendOptions): Promise<Response> {
  return post(url, commandBody(f), 'application/x-www-form-urlencoded', opts);
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  ephemeral?: boolean;
  channelId?: string;
  userId?: string;
  messageTs?: string;
  /** The element's type: `button` (default) or `feedback_buttons`. */
  type?: string;
  blockId?: string;
}

/** A block_actions interaction's body as Slack posts it: `payload=<json>`, form-encoded. */
export function buttonClickBody(c: ButtonClick): string {
  const channel = c.channelId ?? 'C0RUSFELT';
  const ts = c.messageTs ?? '1800000000.000001';
  const payload = {
    type: 'block_actions',
    user: { id: c.userId ?? 'U0VOTER', username: 'voter', team_id: 'T0VEILEDER' },
    api_app_id: 'A0VEILEDER',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: c.ephemeral ?? false },
    trigger_id: nextId('trig.'),
    team: { id: 'T0VEILEDER', domain: 'veileder-test' },
    channel: { id: channel, name: 'rusfeltet' },
    response_url: c.responseUrl,
    actions: [
      { type: c.type ?? 'button', action_id: c.actionId, block_id: c.blockId ?? 'veileder_feedback', value: c.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function sendButtonClick(url: string, c: ButtonClick, opts?: SendOptions): Promise<Response> {
  return post(url, buttonClickBody(c), 'application/x-www-form-urlencoded', opts);
}
