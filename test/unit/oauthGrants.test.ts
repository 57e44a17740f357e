/**
 * The three providers against token endpoints on 127.0.0.1 (Microsoft through msal-node's own
 * network hook): what each sends, what it makes of the answer, and how refusals read.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { MentormailError } from '../../src/errors';
import { genericGrantor } from '../../src/oauth/grants/generic';
import { googleGrantor, readServiceAccountKey } from '../../src/oauth/grants/google';
import { microsoftGrantor, readClientCertificate } from '../../src/oauth/grants/microsoft';
import { startOAuthStub, type OAuthStub } from '../harness/oauthStub';

jest.setTimeout(30_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-grants-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, content: string, mode = 0o600): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
  return file;
}

async function refusal(p: Promise<unknown>): Promise<MentormailError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MentormailError);
  return err as MentormailError;
}

/** A token endpoint on 127.0.0.1 that records each request and answers as told. */
async function cannedEndpoint(answer: (form: URLSearchParams, req: http.IncomingMessage) => { status: number; body: unknown }) {
  const requests: { form: URLSearchParams; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push({ form, headers: req.headers });
      const { status, body } = answer(form, req);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('generic client credentials', () => {
  let stub: OAuthStub;
  beforeEach(async () => {
    stub = await startOAuthStub({ username: 'bot@example.test', lifetimeSeconds: 120, scope: 'mail.imap' });
  });
  afterEach(() => stub.stop());

  const grantor = (secret: string, scope: string | null = 'mail.imap') =>
    genericGrantor({
      kind: 'generic',
      tokenUrl: stub.tokenUrl,
      clientId: stub.clientId,
      secretFile: secretFile('secret', `${secret}\n`),
      scope,
    });

  it('gets a token with HTTP Basic client authentication, and its expiry from expires_in', async () => {
    const before = Date.now();
    const grant = await grantor(stub.clientSecret).fetch();
    expect(stub.granted).toEqual([grant.accessToken]);
    expect(grant.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(grant.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it('names the endpoint and the OAuth error when the client is refused, never the secret', async () => {
    const err = await refusal(grantor('WrongSecretValue').fetch());
    expect(err.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(err.message).toBe(
      `the token endpoint ${stub.tokenUrl} refused the token request (invalid_client): the client ID, secret or certificate is wrong, has expired or was revoked`,
    );
    expect(err.message).not.toContain('WrongSecretValue');
    expect((await refusal(grantor(stub.clientSecret, null).fetch())).message).toMatch(/\(invalid_scope\): the scope asked for/);
  });

  it('reads the secret file each time, and refuses one others can read', async () => {
    const g = grantor(stub.clientSecret);
    fs.chmodSync(path.join(dir, 'secret'), 0o644);
    const err = await refusal(g.fetch());
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.details[0]).toMatch(/^OAUTH_CLIENT_SECRET_FILE: .* has mode 0644/);
  });

  it('calls an endpoint it cannot reach unavailable, to be asked again on the next tick', async () => {
    await stub.stop();
    const err = await refusal(grantor(stub.clientSecret).fetch());
    expect(err.code).toBe('OAUTH_TOKEN_UNAVAILABLE');
    expect(err.message).toBe(
      `the token endpoint ${stub.tokenUrl} gave no access token (could not be reached: ECONNREFUSED); it will be asked again on the next tick`,
    );
  });
});

describe('what a token endpoint answers', () => {
  const secret = () => secretFile('secret', 'the-secret\n');
  const ask = (url: string) =>
    genericGrantor({ kind: 'generic', tokenUrl: url, clientId: 'mm', secretFile: secret(), scope: null }).fetch();

  it.each([
    [500, { error: 'server_error' }, 'OAUTH_TOKEN_UNAVAILABLE', /\(HTTP 500\)/],
    [429, { error: 'slow_down' }, 'OAUTH_TOKEN_UNAVAILABLE', /\(HTTP 429\)/],
    [200, { token_type: 'Bearer' }, 'OAUTH_TOKEN_UNAVAILABLE', /\(the answer held no access_token\)/],
    [200, { access_token: 'x', token_type: 'mac' }, 'OAUTH_TOKEN_UNAVAILABLE', /token_type mac is not Bearer/],
    [200, { access_token: 'x', expires_in: -5 }, 'OAUTH_TOKEN_UNAVAILABLE', /expires_in is not a positive number/],
    [200, 'not json', 'OAUTH_TOKEN_UNAVAILABLE', /no access_token/],
    [
      400,
      { error: 'invalid_grant', error_description: 'AADSTS70011: the secret the-secret is bad' },
      'OAUTH_TOKEN_REFUSED',
      /\(invalid_grant AADSTS70011\)/,
    ],
    [401, '<html>nope</html>', 'OAUTH_TOKEN_UNAVAILABLE', /\(HTTP 401\)/],
  ])('HTTP %d %j → %s', async (status, body, code, message) => {
    const endpoint = await cannedEndpoint(() => ({ status, body }));
    try {
      const err = await refusal(ask(endpoint.url));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain('the-secret'); // the description is never echoed
    } finally {
      await endpoint.close();
    }
  });

  it('assumes a short life when expires_in is missing, and sends the client as RFC 6749 asks', async () => {
    const endpoint = await cannedEndpoint(() => ({ status: 200, body: { access_token: 'abc', token_type: 'bearer' } }));
    try {
      const before = Date.now();
      const grant = await ask(endpoint.url);
      expect(grant.expiresAt.getTime() - before).toBeGreaterThanOrEqual(300_000);
      expect(grant.expiresAt.getTime() - before).toBeLessThan(310_000);
      const [req] = endpoint.requests;
      expect(req.headers.authorization).toBe(`Basic ${Buffer.from('mm:the-secret').toString('base64')}`);
      expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(req.form)).toEqual({ grant_type: 'client_credentials' });
    } finally {
      await endpoint.close();
    }
  });
});

describe('Google', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  const keyFile = (tokenUri: string, extra: object = {}, mode = 0o600) =>
    secretFile(
      'sa.json',
      JSON.stringify({
        type: 'service_account',
        project_id: 'deanery-mentoring',
        private_key_id: 'key-1',
        private_key: pem,
        client_email: 'mentormail@deanery-mentoring.iam.gserviceaccount.com',
        token_uri: tokenUri,
        ...extra,
      }),
      mode,
    );

  it('service account: a JWT signed with the key asks for the mailbox (sub) and the mail scope', async () => {
    const endpoint = await cannedEndpoint(() => ({
      status: 200,
      body: { access_token: 'ya29.test', expires_in: 3599, token_type: 'Bearer' },
    }));
    try {
      const now = Date.parse('2027-01-04T10:00:00Z');
      const g = googleGrantor(
        { kind: 'google', grant: { kind: 'service-account', keyFile: keyFile(endpoint.url) }, scope: 'https://mail.google.com/' },
        'mentoring@deanery.example',
        { now: () => now },
      );
      const grant = await g.fetch();
      expect(grant).toEqual({ accessToken: 'ya29.test', expiresAt: new Date(now + 3599_000) });
      const form = endpoint.requests[0].form;
      expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
      const [header, claims, signature] = (form.get('assertion') ?? '').split('.');
      const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
      expect(json(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' });
      expect(json(claims)).toEqual({
        iss: 'mentormail@deanery-mentoring.iam.gserviceaccount.com',
        sub: 'mentoring@deanery.example',
        scope: 'https://mail.google.com/',
        aud: endpoint.url,
        iat: now / 1000,
        exp: now / 1000 + 3600,
      });
      expect(crypto.verify('sha256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
      expect(g.secret().toString()).toBe(pem);
    } finally {
      await endpoint.close();
    }
  });

  it('service account: unauthorized_client (delegation missing) reads as a refusal with the hint', async () => {
    const endpoint = await cannedEndpoint(() => ({
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Client is unauthorized' },
    }));
    try {
      const g = googleGrantor(
        { kind: 'google', grant: { kind: 'service-account', keyFile: keyFile(endpoint.url) }, scope: 'https://mail.google.com/' },
        'mentoring@deanery.example',
      );
      const err = await refusal(g.fetch());
      expect(err.code).toBe('OAUTH_TOKEN_REFUSED');
      expect(err.message).toMatch(/\(unauthorized_client\): .*domain-wide delegation/);
    } finally {
      await endpoint.close();
    }
  });

  it.each([
    ['not json', 'is not JSON'],
    [JSON.stringify({ type: 'authorized_user' }), 'is not a service account key'],
    [JSON.stringify({ type: 'service_account', private_key: 'x', client_email: 'a@b' }), 'has a private_key that cannot be read'],
  ])('service account key file %s: refused by variable name', (content, expected) => {
    const file = secretFile('sa.json', content);
    expect(() => readServiceAccountKey(file)).toThrow(MentormailError);
    try {
      readServiceAccountKey(file);
    } catch (err) {
      expect((err as MentormailError).details[0]).toMatch(new RegExp(`^OAUTH_SERVICE_ACCOUNT_FILE: ${file} ${expected}`));
    }
  });

  it('service account key: token_uri must be https (or this machine), the file mode 0600', () => {
    expect(() => readServiceAccountKey(keyFile('http://oauth2.example.org/token'))).toThrow(/Invalid configuration/);
    const err = (() => {
      try {
        readServiceAccountKey(keyFile('https://oauth2.googleapis.com/token', {}, 0o640));
      } catch (e) {
        return e as MentormailError;
      }
      return null;
    })();
    expect(err?.details[0]).toMatch(/^OAUTH_SERVICE_ACCOUNT_FILE: .* has mode 0640/);
  });

  it('refresh token: exchanged with the client id and secret', async () => {
    const endpoint = await cannedEndpoint(() => ({
      status: 200,
      body: { access_token: 'ya29.refreshed', expires_in: 3599, token_type: 'Bearer' },
    }));
    try {
      const g = googleGrantor(
        {
          kind: 'google',
          grant: {
            kind: 'refresh-token',
            clientId: 'abc.apps.googleusercontent.com',
            secretFile: secretFile('secret', 'GOCSPX-secret\n'),
            refreshTokenFile: secretFile('refresh', '1//0refresh-token\n'),
          },
          scope: 'https://mail.google.com/',
        },
        'mentoring@deanery.example',
        { refreshTokenUrl: endpoint.url },
      );
      expect((await g.fetch()).accessToken).toBe('ya29.refreshed');
      expect(Object.fromEntries(endpoint.requests[0].form)).toEqual({
        grant_type: 'refresh_token',
        refresh_token: '1//0refresh-token',
        client_id: 'abc.apps.googleusercontent.com',
        client_secret: 'GOCSPX-secret',
      });
    } finally {
      await endpoint.close();
    }
  });
});

describe('Microsoft (msal-node, network answered here)', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const CLIENT = '1b2c3d4e-0000-4000-8000-123456789abc';
  const TOKEN_URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;

  /** msal's network hook: no request leaves the process. */
  function fakeNetwork(answer: (body: URLSearchParams) => { status: number; body: object }) {
    const posts: { url: string; form: URLSearchParams }[] = [];
    const network: INetworkModule = {
      sendGetRequestAsync: () => Promise.reject(new Error('no GET expected: msal knows login.microsoftonline.com')),
      sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => {
        const form = new URLSearchParams(options?.body ?? '');
        posts.push({ url, form });
        const { status, body } = answer(form);
        return Promise.resolve({ status, headers: {}, body: body as T });
      },
    };
    return { network, posts };
  }
  const provider = (credential: { kind: 'secret'; file: string } | { kind: 'certificate'; file: string }) => ({
    kind: 'microsoft' as const,
    tenantId: TENANT,
    clientId: CLIENT,
    credential:
      credential.kind === 'secret'
        ? { ...credential, variable: 'OAUTH_CLIENT_SECRET_FILE' as const }
        : { ...credential, variable: 'OAUTH_CLIENT_CERT_FILE' as const },
    scope: 'https://outlook.office365.com/.default',
  });
  const granted = () => ({ status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ0eXAi.exchange.token' } });

  it('client secret: asks the tenant for the Exchange Online scope, fresh each time (our cache decides)', async () => {
    const { network, posts } = fakeNetwork(granted);
    const g = microsoftGrantor(provider({ kind: 'secret', file: secretFile('secret', 'Abc8Q~secret-value\n') }), {
      networkClient: network,
    });
    const before = Date.now();
    const grant = await g.fetch();
    expect(grant.accessToken).toBe('eyJ0eXAi.exchange.token');
    expect(grant.expiresAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3599_000);
    await g.fetch();
    expect(posts).toHaveLength(2);
    expect(posts[0].url.split('?')[0]).toBe(TOKEN_URL);
    expect(posts[0].form.get('grant_type')).toBe('client_credentials');
    expect(posts[0].form.get('client_id')).toBe(CLIENT);
    expect(posts[0].form.get('scope')).toBe('https://outlook.office365.com/.default');
    expect(posts[0].form.get('client_secret')).toBe('Abc8Q~secret-value');
    expect(g.endpoint).toBe(`Microsoft Entra ID (tenant ${TENANT})`);
  });

  it('certificate: a client assertion signed with the key, naming the certificate by its SHA-256 thumbprint', async () => {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=mentormail-test'],
      {
        stdio: 'ignore',
      },
    );
    const pemFile = secretFile('app.pem', fs.readFileSync(certFile, 'utf8') + fs.readFileSync(keyFile, 'utf8'));
    const cert = new crypto.X509Certificate(fs.readFileSync(certFile));
    const thumbprint = Buffer.from(cert.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
    expect(readClientCertificate(pemFile).thumbprintSha256).toBe(cert.fingerprint256.replace(/:/g, ''));

    const { network, posts } = fakeNetwork(granted);
    await microsoftGrantor(provider({ kind: 'certificate', file: pemFile }), { networkClient: network }).fetch();
    const form = posts[0].form;
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const [h, c, s] = (form.get('client_assertion') ?? '').split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, string>;
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, string>;
    expect(header['x5t#S256']).toBe(thumbprint);
    expect(claims).toMatchObject({ iss: CLIENT, sub: CLIENT, aud: TOKEN_URL });
    const verifyKey =
      header.alg === 'PS256'
        ? { key: cert.publicKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }
        : cert.publicKey;
    expect(crypto.verify('sha256', Buffer.from(`${h}.${c}`), verifyKey, Buffer.from(s, 'base64url'))).toBe(true);
  });

  it('certificate file: a missing key, a foreign key or a passphrase is named', () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const foreign = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const certOnly = path.join(dir, 'c.pem');
    const keyOnly = path.join(dir, 'k.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyOnly, '-out', certOnly, '-days', '2', '-subj', '/CN=t'],
      {
        stdio: 'ignore',
      },
    );
    const cert = fs.readFileSync(certOnly, 'utf8');
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    for (const [content, expected] of [
      [cert, 'holds no private key'],
      [cert + foreign, 'has a private key that does not belong to its certificate'],
      [cert + encrypted, 'has a passphrase-protected private key'],
      [foreign, 'holds no certificate'],
    ]) {
      const file = secretFile('bad.pem', content);
      expect(() => readClientCertificate(file)).toThrow(
        expect.objectContaining({ details: [expect.stringMatching(new RegExp(`^OAUTH_CLIENT_CERT_FILE: ${file} ${expected}`))] }),
      );
    }
  });

  it('a refused secret (AADSTS7000215) reads as one line with the codes, not the description', async () => {
    const { network } = fakeNetwork(() => ({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description:
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the value, not the ID, for 'Abc8Q~secret-value'.",
        error_codes: [7000215],
        correlation_id: 'c0ffee00-0000-0000-0000-000000000000',
      },
    }));
    const g = microsoftGrantor(provider({ kind: 'secret', file: secretFile('secret', 'Abc8Q~secret-value\n') }), {
      networkClient: network,
    });
    const err = await refusal(g.fetch());
    expect(err.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(err.message).toBe(
      `Microsoft Entra ID (tenant ${TENANT}) refused the token request (invalid_client AADSTS7000215): the client ID, secret or certificate is wrong, has expired or was revoked`,
    );
  });
});
