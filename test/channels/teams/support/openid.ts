import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys
 * (login.botframework.com/v1/.well-known/openidconfiguration and its jwks_uri), over real HTTP on
 * 127.0.0.1, with an RSA key the test made. Tokens signed with it are what the Bot Framework
 * channel sends; forged ones are signed otherwise (no signature, another key, HS256 with the
 * public key as secret). The bot's real botframework-connector validation runs against it.
 */

export interface OpenIdStandIn {
  metadataUrl: string;
  issuer: string;
  kid: string;
  /** A token as the channel would sign it, with `claims` added or overriding the defaults. */
  token(claims: Record<string, unknown>, how?: 'valid' | 'alg-none' | 'wrong-key' | 'hs256-public-key' | 'expired'): string;
  /** Requests served (path), to see that validation actually fetched the keys. */
  served: string[];
  close(): Promise<void>;
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

export async function startOpenIdStandIn(): Promise<OpenIdStandIn> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wrong = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = `test-key-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const served: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    served.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: `${base}/issuer`, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/issuer`;

  const sign = (alg: string, input: string, key: KeyObject | Buffer | null): string => {
    if (alg === 'none') return '';
    if (alg === 'HS256') return createHmac('sha256', key as Buffer).update(input).digest('base64url');
    return createSign('RSA-SHA256').update(input).sign(key as KeyObject).toString('base64url');
  };

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    issuer,
    kid,
    served,
    token(claims, how = 'valid') {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: issuer,
        nbf: now - 60,
        iat: now - 60,
        exp: how === 'expired' ? now - 3_600 : now + 3_600,
        ...claims,
      };
      const alg = how === 'alg-none' ? 'none' : how === 'hs256-public-key' ? 'HS256' : 'RS256';
      const input = `${b64url(JSON.stringify({ alg, typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
      const key =
        how === 'wrong-key' ? wrong : how === 'hs256-public-key' ? Buffer.from(publicKey.export({ format: 'pem', type: 'spki' })) : how === 'alg-none' ? null : privateKey;
      return `${input}.${sign(alg, input, key)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
