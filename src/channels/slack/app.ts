import { App, ExpressReceiver, type webApi } from '@slack/bolt';
import express, { type IRouter } from 'express';
import type { ChannelDeps } from '../channel.js';
import { createAnswering } from './answering.js';
import { registerCommand } from './command.js';
import { createConversationReplier } from './conversation.js';
import { createEventDeduper, sharedEventDeduper } from './dedupe.js';
import { registerFeedback } from './feedback.js';
import { MAX_BODY_BYTES, requestGate } from './gate.js';
import { dedupeRetries, enforceAllowLists, ignoreBots } from './guards.js';
import { boltLogger } from './logger.js';
import { registerMention } from './mention.js';
import { registerHome } from './home.js';
import { registerMessages } from './message.js';
import { createAnsweredThreads } from './threads.js';
import { fileBindings } from '../bindings.js';
import type { SlackSettings } from './settings.js';
import { registerShare } from './share.js';

/**
 * The Bolt app: HTTP mode (an ExpressReceiver whose router the server mounts, signatures verified
 * with SLACK_SIGNING_SECRET) or Socket Mode (SLACK_APP_TOKEN), the guards, and one handler per kind
 * of activity. Transport only: every answer comes from deps.ask.
 */

export const EVENTS_PATH = '/slack/events';

export interface SlackApp {
  bolt: App;
  /** HTTP mode: the router with POST /slack/events, for the server's express app. */
  router?: IRouter;
}

export function createSlackApp(deps: ChannelDeps, settings: SlackSettings): SlackApp {
  const log = deps.log.child({ channel: 'slack' });
  const logger = boltLogger(log);
  // A few quick retries, not the client's default half hour: a start with a wrong URL should fail fast.
  const clientOptions: webApi.WebClientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 2_000 },
    timeout: settings.apiTimeoutMs,
  };
  const common = {
    token: settings.botToken,
    logger,
    clientOptions,
    ignoreSelf: true,
    convoStore: false as const,
    deferInitialization: true,
  };

  let bolt: App;
  let router: IRouter | undefined;
  if (settings.socketMode) {
    bolt = new App({ ...common, socketMode: true, appToken: settings.appToken });
  } else {
    router = express.Router();
    // Runs before the receiver's own route on the same path: headers and size are checked before the body is read.
    router.post(EVENTS_PATH, requestGate(log));
    const receiver = new ExpressReceiver({
      signingSecret: settings.signingSecret ?? '',
      logger,
      endpoints: EVENTS_PATH,
      router,
      processBeforeResponse: false,
      bodyLimit: MAX_BODY_BYTES,
      // The verified signature reaches the middleware: a request replayed byte for byte has the same one.
      customPropertiesExtractor: (req) => ({ requestSignature: req.headers['x-slack-signature'] }),
    });
    bolt = new App({ ...common, receiver });
  }

  bolt.use(ignoreBots(log));
  bolt.use(enforceAllowLists({ teams: settings.allowedTeams, channels: settings.allowedChannels }, log));
  bolt.use(dedupeRetries(deps.store ? sharedEventDeduper(deps.store.dedupe) : createEventDeduper(), log));

  const answering = createAnswering({ ...deps, log });
  // One store per server is best (server.ts can pass it); the file is read once here otherwise.
  const bindings = deps.bindings ?? fileBindings(deps.config.DATA_DIR);
  const threads = createAnsweredThreads();
  const reply = createConversationReplier(answering, log, { bindings, threads });
  registerMention(bolt, reply);
  registerMessages(bolt, reply, threads, log);
  registerHome(bolt, log);
  registerCommand(bolt, answering, { bindings, adminUserIds: settings.adminUserIds, log });
  registerFeedback(bolt, deps.feedback, log);
  registerShare(bolt, deps.feedback, log);

  bolt.error(async (error) => {
    log.error({ code: error.code ?? 'SLACK_HANDLER_FAILED', err: error.message }, 'slack: handler failed');
  });
  return { bolt, router };
}
