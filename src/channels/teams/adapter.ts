import { readFileSync } from 'node:fs';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import * as ConnectorMappers from 'botframework-connector/lib/connectorApi/models/mappers.js';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { buildNoticeActivity } from './reply.js';
import { NOTICES } from './notices.js';

/**
 * The Bot Framework side of the Teams channel: a CloudAdapter and the Bot Framework authentication
 * it uses, from config. With MICROSOFT_APP_ID set, every request must carry a valid Bot Framework
 * token (else 401) and replies are sent with the app's credentials; without it, authentication is
 * off (Emulator, tests). botbuilder stays behind this file and index.ts.
 */

/** Where tokens are checked: Bot Framework's OpenID metadata, or a local stand-in in tests. */
export interface TokenEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

/** The authentication step on its own, so the route can run it before it looks at the body. */
export interface TeamsAuthentication {
  authenticateRequest(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult>;
}

/**
 * CloudAdapter with one entry point for an already authenticated request: `process()` would
 * authenticate again, parse the body its own way and answer errors with the library's text.
 */
export class TeamsAdapter extends CloudAdapter {
  async run(auth: AuthenticateRequestResult, body: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const activity = { ...body } as unknown as Activity & Record<string, unknown>;
    // As CloudAdapter.process does: the SDK expects Date objects, and keeps the raw strings.
    for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
      const raw = body[field];
      if (typeof raw === 'string') {
        activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = raw;
        (activity as Record<string, unknown>)[field] = new Date(raw);
      }
    }
    return this.processActivity(auth, activity, logic);
  }
}

export class TeamsSetupError extends Error {
  readonly code = 'TEAMS_SETUP_INVALID';
}

/**
 * botbuilder 4.23's connector serializer keeps only `type`, `text` and `mentioned` of each entity,
 * which would drop the AI label and every citation on the way out. Letting the Entity mapper keep
 * additional properties sends entities as built. Idempotent; affects only outgoing serialization.
 */
export function keepEntityProperties(): void {
  const mapper = ConnectorMappers.Entity.type as { additionalProperties?: unknown };
  mapper.additionalProperties ??= { type: { name: 'Object' } };
}

function certificateKey(config: Config): string | undefined {
  const file = config.MICROSOFT_APP_CERT_KEY_FILE;
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new TeamsSetupError(
      `Fant ikke sertifikatnøkkelen MICROSOFT_APP_CERT_KEY_FILE=${file}. Sjekk stien, eller fjern variabelen og bruk MICROSOFT_APP_PASSWORD.`,
    );
  }
}

export function createTeamsAdapter(
  config: Config,
  log: Logger,
  endpoints?: TokenEndpoints,
): { adapter: TeamsAdapter; auth: TeamsAuthentication } {
  keepEntityProperties();
  const settings = {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    // Without an app id there is nothing to authenticate, whatever type is set.
    MicrosoftAppType: config.teams.authenticated ? config.MICROSOFT_APP_TYPE : 'MultiTenant',
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
    CertificateThumbprint: config.MICROSOFT_APP_CERT_THUMBPRINT,
    CertificatePrivateKey: certificateKey(config),
    // Any of these makes botbuilder take every endpoint from the settings: all are given.
    ...(endpoints
      ? {
          ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : {}),
  };
  let adapter: TeamsAdapter;
  let auth: ConfigurationBotFrameworkAuthentication;
  try {
    const credentials = new ConfigurationServiceClientCredentialFactory(settings);
    auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
    adapter = new TeamsAdapter(auth);
  } catch (error) {
    throw new TeamsSetupError(
      `Teams-innstillingene henger ikke sammen (${(error as Error).message}). Se MICROSOFT_APP_* i .env.example.`,
    );
  }

  adapter.onTurnError = async (context, error) => {
    const err = error as Error & { code?: string; statusCode?: number };
    log.error(
      { code: err.code ?? 'TEAMS_TURN_FAILED', statusCode: err.statusCode, error: err.message, activityType: context.activity.type },
      'Teams turn failed',
    );
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(buildNoticeActivity(NOTICES.failed));
      } catch (sendError) {
        log.warn({ code: 'TEAMS_SEND_FAILED', error: (sendError as Error).message }, 'Could not tell the user about the failure');
      }
    }
  };
  return { adapter, auth };
}
