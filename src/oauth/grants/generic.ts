import type { OAuthProvider } from '../settings';
import { readSecretLine } from '../secretFile';
import { basicAuth, describeUrl, requestToken } from '../tokenEndpoint';
import type { TokenGrantor } from './grantor';

type Generic = Extract<OAuthProvider, { kind: 'generic' }>;

/**
 * Client credentials (RFC 6749 §4.4) at any token endpoint: the server decides which mailbox
 * the client may use, as Microsoft's application permissions do.
 */
export function genericGrantor(p: Generic): TokenGrantor {
  const endpoint = describeUrl(p.tokenUrl);
  const secret = () => readSecretLine('OAUTH_CLIENT_SECRET_FILE', p.secretFile);
  return {
    identity: ['generic', p.tokenUrl, p.clientId, p.scope ?? ''].join('\n'),
    endpoint,
    secret: () => Buffer.from(secret()),
    // async: a bad secret file rejects the promise rather than throwing at the call.
    fetch: async () =>
      requestToken(
        p.tokenUrl,
        { grant_type: 'client_credentials', ...(p.scope !== null ? { scope: p.scope } : {}) },
        { endpoint, headers: { Authorization: basicAuth(p.clientId, secret()) } },
      ),
  };
}
