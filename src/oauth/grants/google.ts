/**
 * Google Workspace: a service account with domain-wide delegation signs a JWT asking for a
 * token for the bot mailbox (RFC 7523 JWT bearer grant, `sub` = the mailbox), or a refresh
 * token stored for the mailbox is exchanged for one (RFC 6749 §6).
 *
 * The JWT is signed here with node:crypto rather than a library: google-auth-library is not
 * installed (and we may not add packages), jsonwebtoken is present only as msal-node's own
 * dependency, and the grant is three base64url parts with one RS256 signature.
 */
import crypto from 'node:crypto';
import { MentormailError } from '../../errors';
import { isLoopbackHost } from '../../config';
import { GOOGLE_TOKEN_URL, type OAuthProvider } from '../settings';
import { readSecretFile, readSecretLine } from '../secretFile';
import { describeUrl, requestToken } from '../tokenEndpoint';
import type { TokenGrantor } from './grantor';

type Google = Extract<OAuthProvider, { kind: 'google' }>;

export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: crypto.KeyObject;
  privateKeyPem: string;
  keyId: string | null;
  tokenUri: string;
}

const JWT_LIFETIME_S = 3600; // Google's maximum for the assertion

function keyFileProblem(file: string, what: string): MentormailError {
  return new MentormailError('CONFIG_INVALID', 'Invalid configuration', [
    `OAUTH_SERVICE_ACCOUNT_FILE: ${file} ${what} (it should be the JSON key downloaded for the service account)`,
  ]);
}

export function readServiceAccountKey(file: string): ServiceAccountKey {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readSecretFile('OAUTH_SERVICE_ACCOUNT_FILE', file)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof MentormailError) throw err;
    throw keyFileProblem(file, 'is not JSON');
  }
  if (json === null || typeof json !== 'object' || json.type !== 'service_account')
    throw keyFileProblem(file, 'is not a service account key ("type" is not "service_account")');
  const { client_email: clientEmail, private_key: pem, private_key_id: keyId, token_uri: tokenUri = GOOGLE_TOKEN_URL } = json;
  if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) throw keyFileProblem(file, 'has no client_email');
  if (typeof pem !== 'string') throw keyFileProblem(file, 'has no private_key');
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch {
    throw keyFileProblem(file, 'has a private_key that cannot be read');
  }
  if (typeof tokenUri !== 'string' || !isTokenUri(tokenUri)) throw keyFileProblem(file, 'has a token_uri that is not https://');
  return { clientEmail, privateKey, privateKeyPem: pem, keyId: typeof keyId === 'string' ? keyId : null, tokenUri };
}

function isTokenUri(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
  } catch {
    return false;
  }
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** The signed assertion: the service account asks for `scope` on behalf of `user`. */
export function serviceAccountJwt(key: ServiceAccountKey, user: string, scope: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: 'RS256', typ: 'JWT', ...(key.keyId ? { kid: key.keyId } : {}) };
  const claims = { iss: key.clientEmail, sub: user, scope, aud: key.tokenUri, iat, exp: iat + JWT_LIFETIME_S };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(crypto.sign('sha256', Buffer.from(input), key.privateKey))}`;
}

/** `user` is the bot mailbox, the account the service account acts for. */
export function googleGrantor(p: Google, user: string, opts: { refreshTokenUrl?: string; now?: () => number } = {}): TokenGrantor {
  const now = opts.now ?? Date.now;
  const grant = p.grant;
  if (grant.kind === 'service-account') {
    const endpoint = 'Google’s token endpoint';
    return {
      identity: ['google', 'service-account', grant.keyFile, p.scope, user].join('\n'),
      endpoint,
      secret: () => Buffer.from(readServiceAccountKey(grant.keyFile).privateKeyPem),
      fetch: async () => {
        const key = readServiceAccountKey(grant.keyFile);
        return requestToken(
          key.tokenUri,
          { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: serviceAccountJwt(key, user, p.scope, now()) },
          { endpoint: key.tokenUri === GOOGLE_TOKEN_URL ? endpoint : describeUrl(key.tokenUri), now },
        );
      },
    };
  }
  const tokenUrl = opts.refreshTokenUrl ?? GOOGLE_TOKEN_URL;
  const endpoint = tokenUrl === GOOGLE_TOKEN_URL ? 'Google’s token endpoint' : describeUrl(tokenUrl);
  const secrets = () => ({
    clientSecret: readSecretLine('OAUTH_CLIENT_SECRET_FILE', grant.secretFile),
    refreshToken: readSecretLine('OAUTH_REFRESH_TOKEN_FILE', grant.refreshTokenFile),
  });
  return {
    identity: ['google', 'refresh-token', grant.clientId, p.scope, user].join('\n'),
    endpoint,
    secret: () => {
      const s = secrets();
      return Buffer.from(`${s.clientSecret}\n${s.refreshToken}`);
    },
    fetch: async () => {
      const s = secrets();
      return requestToken(
        tokenUrl,
        { grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: grant.clientId, client_secret: s.clientSecret },
        { endpoint, now },
      );
    },
  };
}
