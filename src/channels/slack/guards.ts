import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { noticeMessage } from './blocks.js';
import type { EventDeduper } from './dedupe.js';
import { texts } from './texts.js';

/**
 * Global middleware that decides whether a request is answered at all: messages from bots (the bot
 * itself included) are ignored, retried Events API deliveries are taken once, and the optional
 * allow-lists of workspaces and channels are enforced. Each reads only the ids it needs from the body.
 */

/** The ids the guards read from any Slack payload (event envelope, slash command, interaction). */
const Ids = z.object({
  event_id: z.string().optional(),
  /** Slash commands and interactions: one per invocation, so a replay carries the same. */
  trigger_id: z.string().optional(),
  team_id: z.string().optional(),
  team: z.object({ id: z.string() }).nullish().catch(undefined),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string() }).nullish().catch(undefined),
  command: z.string().optional(),
  event: z
    .object({
      type: z.string().optional(),
      channel: z.string().optional(),
      bot_id: z.string().optional(),
      subtype: z.string().optional(),
    })
    .optional()
    .catch(undefined),
});
const idsOf = (body: unknown) => Ids.safeParse(body).data ?? {};

/** Direct-message channels start with D; the channel allow-list is for shared channels. */
const isDirectMessage = (channel: string) => channel.startsWith('D');

export function ignoreBots(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const { event, event_id } = idsOf(body);
    if (event && (event.bot_id || event.subtype === 'bot_message')) {
      log.debug({ eventId: event_id, botId: event.bot_id }, 'slack: bot message ignored');
      return;
    }
    await next();
  };
}

/**
 * Takes every delivery once: events by `event_id` (Slack's retries, Socket Mode redeliveries), slash
 * commands and interactions by `trigger_id`, and anything else by its verified request signature
 * (the same bytes signed at the same second). A repeat is acknowledged and goes no further.
 */
export function dedupeRetries(deduper: EventDeduper, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const { event_id, trigger_id } = idsOf(body);
    const signature = typeof context.requestSignature === 'string' ? context.requestSignature : undefined;
    const key = event_id ? `event:${event_id}` : trigger_id ? `trigger:${trigger_id}` : signature && `signature:${signature}`;
    if (key && !(await deduper.firstSighting(key))) {
      log.info({ eventId: event_id, kind: key.split(':')[0], retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: repeated delivery skipped');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  };
}

export interface AllowLists {
  teams: string[];
  channels: string[];
}

export function enforceAllowLists(lists: AllowLists, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ids = idsOf(args.body);
    const team = ids.team_id ?? ids.team?.id ?? args.context.teamId;
    const channel = ids.event?.channel ?? ids.channel_id ?? ids.channel?.id;
    const teamOk = lists.teams.length === 0 || (team !== undefined && lists.teams.includes(team));
    const channelOk =
      lists.channels.length === 0 || (channel !== undefined && (isDirectMessage(channel) || lists.channels.includes(channel)));
    if (teamOk && channelOk) {
      await args.next();
      return;
    }
    log.info({ team, channel, eventId: ids.event_id }, 'slack: outside the allow-lists, ignored');
    if ('ack' in args && typeof args.ack === 'function') {
      // Slash commands hear why; actions and options are just acknowledged.
      const ack = args.ack as (response?: object) => Promise<void>;
      await (ids.command ? ack({ response_type: 'ephemeral', ...noticeMessage(texts('nb').notAllowed) }) : ack());
    }
  };
}
