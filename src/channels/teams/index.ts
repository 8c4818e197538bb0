import express, { type Express, type Request, type Response } from 'express';
import type { Channel, ChannelDeps } from '../channel.js';
import { createTeamsAdapter } from './adapter.js';
import { createHistoryStore, sharedHistoryStore } from './history.js';
import { bodyErrors, loopbackOnly, validateActivity } from './inbound.js';
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
}

export async function createTeamsChannel(deps: ChannelDeps, options: TeamsChannelOptions = {}): Promise<Channel> {
  const { config, log } = deps;
  const authenticated = config.teams.authenticated;
  const adapter = createTeamsAdapter(config, log);
  const onTurn = createTurnHandler({
    ask: deps.ask,
    feedback: deps.feedback,
    log,
    history: deps.store ? sharedHistoryStore(deps.store.conversations) : createHistoryStore(),
    typingIntervalMs: options.typingIntervalMs,
  });

  if (!authenticated) {
    log.warn(
      { code: 'TEAMS_UNAUTHENTICATED' },
      'Teams endpoint runs without MICROSOFT_APP_ID: only clients and serviceUrls on this machine are served (Bot Framework Emulator). Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for Teams.',
    );
  }

  const handle = async (req: Request, res: Response) => {
    await adapter.process(req, res, onTurn);
  };

  return {
    name: 'teams',
    mount(app: Express) {
      const guards = authenticated ? [] : [loopbackOnly];
      app.post(TEAMS_PATH, ...guards, express.json({ limit: MAX_ACTIVITY_BYTES }), validateActivity(authenticated), handle);
      app.use(TEAMS_PATH, bodyErrors);
    },
    describe() {
      return authenticated
        ? `Teams på ${TEAMS_PATH} (app-id ${config.MICROSOFT_APP_ID})`
        : `Teams på ${TEAMS_PATH} uten autentisering — bare for klienter på denne maskinen (Bot Framework Emulator)`;
    },
  };
}
