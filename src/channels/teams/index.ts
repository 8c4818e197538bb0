import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { fileBindings, type DistrictBindings } from '../bindings.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { createTeamsAdapter, type TokenEndpoints } from './adapter.js';
import { createHistoryStore, sharedHistoryStore } from './history.js';
import { authenticate, authenticatedAs, bodyErrors, deferBodyErrors, loopbackOnly, requireBearer, validateActivity } from './inbound.js';
import { createTurnHandler } from './route.js';

/**
 * The Microsoft Teams channel (botbuilder): `POST /api/messages` on the shared server.
 * Everything Bot Framework–specific lives in this folder, so moving to @microsoft/agents-hosting
 * touches nothing outside it.
 */

export const TEAMS_PATH = '/api/messages';
/** Teams activities (with entities and attachments) can be larger than a web question. */
const MAX_ACTIVITY_BYTES = 256 * 1024;

export interface TeamsChannelOptions {
  /** Milliseconds between repeated typing indicators while ask() works (default 3000). */
  typingIntervalMs?: number;
  /** Where district bindings are kept (default: the file store in DATA_DIR). */
  bindings?: DistrictBindings;
  /** Tests only: check tokens against a local OpenID metadata stand-in instead of Bot Framework's. */
  tokenEndpoints?: TokenEndpoints;
}

export async function createTeamsChannel(deps: ChannelDeps, options: TeamsChannelOptions = {}): Promise<Channel> {
  const { config, log } = deps;
  const authenticated = config.teams.authenticated;
  const { adapter, auth } = createTeamsAdapter(config, log, options.tokenEndpoints);
  const onTurn = createTurnHandler({
    ask: deps.ask,
    feedback: deps.feedback,
    log,
    history: deps.store ? sharedHistoryStore(deps.store.conversations) : createHistoryStore(),
    bindings: options.bindings ?? deps.bindings ?? fileBindings(config.DATA_DIR),
    adminIds: config.TEAMS_ADMIN_IDS,
    typingIntervalMs: options.typingIntervalMs,
  });

  if (!authenticated) {
    log.warn(
      { code: 'TEAMS_UNAUTHENTICATED' },
      'Teams endpoint runs without MICROSOFT_APP_ID: only clients and serviceUrls on this machine are served (Bot Framework Emulator). Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for Teams.',
    );
  }

  const handle = async (req: Request, res: Response) => {
    try {
      const invokeResponse = await adapter.run(authenticatedAs<AuthenticateRequestResult>(res), req.body as Record<string, unknown>, onTurn);
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      // Turn errors are handled (and told to the user) by onTurnError; this is what is left.
      log.error({ code: 'TEAMS_REQUEST_FAILED', error: (error as Error).message }, 'Teams request failed');
      if (!res.headersSent) {
        res.status(500).json({ error: { code: 'TEAMS_REQUEST_FAILED', message: 'Teams-forespørselen kunne ikke behandles. Prøv igjen senere.' } });
      }
    }
  };

  return {
    name: 'teams',
    mount(app: Express) {
      // Who may call comes first, then the body; see inbound.ts for the order and why.
      const guard: RequestHandler = authenticated ? requireBearer : loopbackOnly;
      app.post(
        TEAMS_PATH,
        guard,
        express.json({ limit: MAX_ACTIVITY_BYTES }),
        deferBodyErrors,
        authenticate(auth, log),
        validateActivity(authenticated),
        handle,
      );
      app.use(TEAMS_PATH, bodyErrors);
    },
    describe() {
      return authenticated
        ? `Teams på ${TEAMS_PATH} (app-id ${config.MICROSOFT_APP_ID})`
        : `Teams på ${TEAMS_PATH} uten autentisering — bare for klienter på denne maskinen (Bot Framework Emulator)`;
    },
  };
}
