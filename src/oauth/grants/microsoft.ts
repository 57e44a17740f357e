/**
 * Microsoft 365 (NHSmail included): the client-credentials flow through @azure/msal-node, the
 * well-kept library Microsoft maintains for it (authority discovery, the signed client
 * assertion for certificates, its error codes), for the Exchange Online scope. The app's
 * IMAP.AccessAsApp and SMTP.SendAsApp permissions come back as roles in the token.
 */
import crypto from 'node:crypto';
import type { ConfidentialClientApplication, Configuration, INetworkModule } from '@azure/msal-node';
import { lazy } from '../../lazy';
import { MentormailError } from '../../errors';
import type { OAuthProvider } from '../settings';
import { readSecretFile, readSecretLine } from '../secretFile';
import { aadstsCode, refused, unavailable, type Grant } from '../tokenEndpoint';
import type { TokenGrantor } from './grantor';

type Microsoft = Extract<OAuthProvider, { kind: 'microsoft' }>;

// msal-node is large and only a Microsoft mailbox needs it: loaded on the first token request.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for the first token (see lazy.ts)
const msal = lazy(() => require('@azure/msal-node') as typeof import('@azure/msal-node'));

export const MICROSOFT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface ClientCertificate {
  thumbprintSha256: string;
  privateKey: string;
  x5c: string;
}

function certProblem(file: string, what: string): MentormailError {
  return new MentormailError('CONFIG_INVALID', 'Invalid configuration', [`OAUTH_CLIENT_CERT_FILE: ${file} ${what}`]);
}

/** The PEM file with the certificate uploaded to the app registration and its private key. */
export function readClientCertificate(file: string): ClientCertificate {
  const pem = readSecretFile('OAUTH_CLIENT_CERT_FILE', file);
  if (pem.includes('ENCRYPTED PRIVATE KEY') || pem.includes('Proc-Type: 4,ENCRYPTED')) {
    throw certProblem(file, 'has a passphrase-protected private key: export it without a passphrase (the file itself is mode 0600)');
  }
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const keyPem = /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END \1?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certPem) throw certProblem(file, 'holds no certificate (a -----BEGIN CERTIFICATE----- block)');
  if (!keyPem) throw certProblem(file, 'holds no private key (a -----BEGIN PRIVATE KEY----- block)');
  let cert: crypto.X509Certificate;
  let key: crypto.KeyObject;
  try {
    cert = new crypto.X509Certificate(certPem);
    key = crypto.createPrivateKey(keyPem);
  } catch {
    throw certProblem(file, 'has a certificate or private key that cannot be read');
  }
  if (!cert.checkPrivateKey(key)) throw certProblem(file, 'has a private key that does not belong to its certificate');
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, ''),
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    x5c: certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''),
  };
}

function credentialOf(p: Microsoft): Pick<Configuration['auth'], 'clientSecret' | 'clientCertificate'> {
  return p.credential.kind === 'secret'
    ? { clientSecret: readSecretLine('OAUTH_CLIENT_SECRET_FILE', p.credential.file) }
    : { clientCertificate: readClientCertificate(p.credential.file) };
}

/** msal's errors, as ours: the OAuth error code and the AADSTS number, never its message text. */
function fromMsal(endpoint: string, err: unknown): MentormailError {
  if (err instanceof MentormailError) return err;
  if (err instanceof msal().AuthError) {
    if (err.name === 'ServerError' || /^(invalid|unauthorized|unsupported|access)_/.test(err.errorCode)) {
      return refused(endpoint, err.errorCode, aadstsCode(err.errorMessage));
    }
    if (err.errorCode === 'endpoints_resolution_error') {
      return unavailable(
        endpoint,
        `the tenant's endpoints could not be found: check OAUTH_TENANT_ID, and that this machine reaches ${MICROSOFT_AUTHORITY_HOST}`,
      );
    }
    return unavailable(endpoint, /^[a-z_]{1,60}$/.test(err.errorCode) ? err.errorCode : 'msal error');
  }
  return unavailable(endpoint, err instanceof Error ? err.name : 'error');
}

/** `networkClient` replaces msal's HTTP client: for tests only. */
export function microsoftGrantor(p: Microsoft, opts: { networkClient?: INetworkModule } = {}): TokenGrantor {
  const endpoint = `Microsoft Entra ID (tenant ${p.tenantId})`;
  // One msal app per credential: it caches the tenant's discovered endpoints between requests.
  let app: { fingerprint: string; client: ConfidentialClientApplication } | null = null;
  const secretMaterial = (credential: ReturnType<typeof credentialOf>) =>
    Buffer.from(credential.clientSecret ?? credential.clientCertificate?.privateKey ?? '');

  return {
    identity: ['microsoft', p.tenantId, p.clientId, p.scope].join('\n'),
    endpoint,
    secret: () => secretMaterial(credentialOf(p)),
    async fetch(): Promise<Grant> {
      const credential = credentialOf(p);
      const fingerprint = crypto.createHash('sha256').update(secretMaterial(credential)).digest('hex');
      if (app?.fingerprint !== fingerprint) {
        const client = new (msal().ConfidentialClientApplication)({
          auth: { clientId: p.clientId, authority: `${MICROSOFT_AUTHORITY_HOST}/${p.tenantId}`, ...credential },
          system: {
            // msal logs nothing of ours: no callback output, no personal data.
            loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false, logLevel: msal().LogLevel.Error },
            ...(opts.networkClient ? { networkClient: opts.networkClient } : {}),
          },
        });
        app = { fingerprint, client };
      }
      try {
        // skipCache: our own cache decides when a token is stale or was refused by the server.
        const result = await app.client.acquireTokenByClientCredential({ scopes: [p.scope], skipCache: true });
        if (!result?.accessToken || !result.expiresOn) throw unavailable(endpoint, 'the answer held no access token');
        return { accessToken: result.accessToken, expiresAt: result.expiresOn };
      } catch (err) {
        throw fromMsal(endpoint, err);
      }
    },
  };
}
