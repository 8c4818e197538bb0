import { readFileSync } from 'node:fs';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import * as ConnectorMappers from 'botframework-connector/lib/connectorApi/models/mappers.js';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { buildNoticeActivity } from './reply.js';
import { NOTICES } from './notices.js';

/**
 * The Bot Framework side of the Teams channel: a CloudAdapter authenticated from config.
 * With MICROSOFT_APP_ID set, every request must carry a valid Bot Framework token (else 401) and
 * replies are sent with the app's credentials; without it, authentication is off (Emulator, tests).
 */

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

export function createTeamsAdapter(config: Config, log: Logger): CloudAdapter {
  keepEntityProperties();
  const settings = {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    // Without an app id there is nothing to authenticate, whatever type is set.
    MicrosoftAppType: config.teams.authenticated ? config.MICROSOFT_APP_TYPE : 'MultiTenant',
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
    CertificateThumbprint: config.MICROSOFT_APP_CERT_THUMBPRINT,
    CertificatePrivateKey: certificateKey(config),
  };
  let adapter: CloudAdapter;
  try {
    const credentials = new ConfigurationServiceClientCredentialFactory(settings);
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
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
  return adapter;
}
