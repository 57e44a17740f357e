import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, parseConfig, type Config } from '../../src/config';
import { MentormailError } from '../../src/errors';

function problems(env: Record<string, string | undefined>, load?: string): string[] {
  try {
    if (load) loadConfig(env, load);
    else parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(MentormailError);
    expect((err as MentormailError).code).toBe('CONFIG_INVALID');
    return (err as MentormailError).details;
  }
  throw new Error('expected the configuration to be refused');
}

const SERVER = {
  SMTP_URL: 'smtps://smtp.office365.com:587',
  IMAP_URL: 'imaps://outlook.office365.com',
  MENTORMAIL_ADDRESS: 'mentoring@deanery.nhs.net',
  MENTORMAIL_COORDINATOR: 'coordinator@deanery.nhs.net',
};
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '1b2c3d4e-0000-4000-8000-123456789abc';
const MICROSOFT = {
  ...SERVER,
  MAIL_AUTH: 'oauth2',
  OAUTH_PROVIDER: 'microsoft',
  OAUTH_TENANT_ID: TENANT,
  OAUTH_CLIENT_ID: CLIENT,
  OAUTH_CLIENT_SECRET_FILE: 'secrets/client-secret',
};

function serverOf(config: Config) {
  if (config.transport.kind !== 'server') throw new Error('expected server transport');
  return config.transport;
}

describe('MAIL_AUTH', () => {
  it('is password by default, and the endpoints keep their passwords', () => {
    const t = serverOf(parseConfig({ ...SERVER, IMAP_USER: 'bot', IMAP_PASS: 'pw' }));
    expect(t.auth).toEqual({ kind: 'password' });
    expect(t.imap).toMatchObject({ user: 'bot', pass: 'pw' });
  });

  it('is documented, with its default, and the OAuth variables without one', () => {
    const byName = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v]));
    expect(byName.MAIL_AUTH.default).toBe('password');
    for (const name of ['OAUTH_PROVIDER', 'OAUTH_TENANT_ID', 'OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET_FILE', 'OAUTH_TOKEN_URL']) {
      expect(byName[name].default).toBeNull();
    }
  });

  it('refuses other values by name', () => {
    expect(problems({ ...SERVER, MAIL_AUTH: 'basic' })).toEqual(['MAIL_AUTH: must be password or oauth2 (got "basic")']);
  });

  it('reports OAUTH_* variables set without MAIL_AUTH=oauth2, so a forgotten switch is seen', () => {
    expect(problems({ ...SERVER, OAUTH_PROVIDER: 'google', OAUTH_TOKEN_URL: 'https://idp.example.org/token' })).toEqual([
      'OAUTH_PROVIDER: is set but MAIL_AUTH is not oauth2 (set MAIL_AUTH=oauth2 to use it)',
      'OAUTH_TOKEN_URL: is set but MAIL_AUTH is not oauth2 (set MAIL_AUTH=oauth2 to use it)',
    ]);
  });

  it('needs a mail server and a provider', () => {
    expect(problems({ MAIL_AUTH: 'oauth2' })).toEqual([
      expect.stringMatching(/^MAIL_AUTH: oauth2 needs a mail server: set SMTP_URL and IMAP_URL/),
      'OAUTH_PROVIDER: is required with MAIL_AUTH=oauth2: microsoft, google or generic',
    ]);
    expect(problems({ ...SERVER, MAIL_AUTH: 'oauth2', OAUTH_PROVIDER: 'yahoo' })).toEqual([
      'OAUTH_PROVIDER: must be microsoft, google or generic (got "yahoo")',
    ]);
  });

  it('refuses passwords with oauth2, in variables or URLs, without showing them', () => {
    const details = problems({
      ...MICROSOFT,
      SMTP_URL: 'smtp://bot:Hunter2pw@smtp.office365.com:587',
      IMAP_USER: 'bot@deanery.nhs.net',
      IMAP_PASS: 'Hunter2pw',
    });
    expect(details).toEqual([
      expect.stringMatching(/^SMTP_URL: has a password, which MAIL_AUTH=oauth2 does not use/),
      expect.stringMatching(/^IMAP_PASS: is not used with MAIL_AUTH=oauth2/),
    ]);
    for (const line of details) expect(line).not.toContain('Hunter2pw');
  });
});

describe('OAUTH_PROVIDER=microsoft', () => {
  it('builds the client-credentials settings with the Exchange Online scope, logging in as the bot address', () => {
    const t = serverOf(parseConfig(MICROSOFT));
    expect(t.auth).toEqual({
      kind: 'oauth2',
      provider: {
        kind: 'microsoft',
        tenantId: TENANT,
        clientId: CLIENT,
        credential: { kind: 'secret', file: 'secrets/client-secret', variable: 'OAUTH_CLIENT_SECRET_FILE' },
        scope: 'https://outlook.office365.com/.default',
      },
    });
    expect(t.imap.user).toBe('mentoring@deanery.nhs.net');
    expect(t.smtp.user).toBe('mentoring@deanery.nhs.net');
    expect(t.imap.pass).toBeUndefined();
  });

  it('takes a certificate instead of a secret, a tenant domain, and a user from IMAP_USER', () => {
    const t = serverOf(
      parseConfig({
        ...MICROSOFT,
        OAUTH_CLIENT_SECRET_FILE: undefined,
        OAUTH_CLIENT_CERT_FILE: '/etc/mentormail/app.pem',
        OAUTH_TENANT_ID: 'nhs.net',
        IMAP_USER: 'shared.mentoring@nhs.net',
      }),
    );
    expect(t.auth.kind === 'oauth2' && t.auth.provider).toMatchObject({
      tenantId: 'nhs.net',
      credential: { kind: 'certificate', file: '/etc/mentormail/app.pem' },
    });
    expect(t.imap.user).toBe('shared.mentoring@nhs.net');
    expect(t.smtp.user).toBe('shared.mentoring@nhs.net');
  });

  it('names every missing or wrong value', () => {
    expect(problems({ ...SERVER, MAIL_AUTH: 'oauth2', OAUTH_PROVIDER: 'Microsoft' })).toEqual([
      expect.stringMatching(/^OAUTH_TENANT_ID: is required with OAUTH_PROVIDER=microsoft: the Directory \(tenant\) ID/),
      expect.stringMatching(/^OAUTH_CLIENT_ID: is required with OAUTH_PROVIDER=microsoft: the Application \(client\) ID/),
      expect.stringMatching(/^OAUTH_CLIENT_SECRET_FILE: or OAUTH_CLIENT_CERT_FILE is required with OAUTH_PROVIDER=microsoft/),
    ]);
    expect(problems({ ...MICROSOFT, OAUTH_TENANT_ID: 'not a tenant', OAUTH_CLIENT_ID: 'my-app', OAUTH_CLIENT_CERT_FILE: 'c.pem' })).toEqual(
      [
        expect.stringMatching(/^OAUTH_TENANT_ID: must be the Directory \(tenant\) ID, a GUID, or a domain/),
        expect.stringMatching(/^OAUTH_CLIENT_ID: must be the Application \(client\) ID, a GUID/),
        'OAUTH_CLIENT_CERT_FILE: must not be set together with OAUTH_CLIENT_SECRET_FILE: use one of them',
      ],
    );
  });

  it('reports variables another provider would use', () => {
    expect(problems({ ...MICROSOFT, OAUTH_TOKEN_URL: 'https://idp.example.org/token', OAUTH_SERVICE_ACCOUNT_FILE: 'sa.json' })).toEqual([
      'OAUTH_SERVICE_ACCOUNT_FILE: is not used with OAUTH_PROVIDER=microsoft: remove it',
      'OAUTH_TOKEN_URL: is not used with OAUTH_PROVIDER=microsoft: remove it',
    ]);
  });
});

describe('OAUTH_PROVIDER=google and generic', () => {
  const GOOGLE = { ...SERVER, MAIL_AUTH: 'oauth2', OAUTH_PROVIDER: 'google' };

  it('google: a service account key, or a refresh token with its client', () => {
    expect(serverOf(parseConfig({ ...GOOGLE, OAUTH_SERVICE_ACCOUNT_FILE: 'sa.json' })).auth).toEqual({
      kind: 'oauth2',
      provider: { kind: 'google', grant: { kind: 'service-account', keyFile: 'sa.json' }, scope: 'https://mail.google.com/' },
    });
    const rt = serverOf(
      parseConfig({
        ...GOOGLE,
        OAUTH_REFRESH_TOKEN_FILE: 'rt',
        OAUTH_CLIENT_ID: 'abc.apps.googleusercontent.com',
        OAUTH_CLIENT_SECRET_FILE: 's',
      }),
    ).auth;
    expect(rt.kind === 'oauth2' && rt.provider).toMatchObject({
      grant: { kind: 'refresh-token', clientId: 'abc.apps.googleusercontent.com', secretFile: 's', refreshTokenFile: 'rt' },
    });
  });

  it('google: names what is missing or superfluous', () => {
    expect(problems(GOOGLE)).toEqual([expect.stringMatching(/^OAUTH_SERVICE_ACCOUNT_FILE: or OAUTH_REFRESH_TOKEN_FILE is required/)]);
    expect(problems({ ...GOOGLE, OAUTH_REFRESH_TOKEN_FILE: 'rt' })).toEqual([
      expect.stringMatching(/^OAUTH_CLIENT_ID: is required with OAUTH_PROVIDER=google/),
      expect.stringMatching(/^OAUTH_CLIENT_SECRET_FILE: is required with OAUTH_PROVIDER=google/),
    ]);
    expect(problems({ ...GOOGLE, OAUTH_SERVICE_ACCOUNT_FILE: 'sa.json', OAUTH_CLIENT_ID: 'x', OAUTH_TENANT_ID: TENANT })).toEqual([
      'OAUTH_TENANT_ID: is not used with OAUTH_PROVIDER=google: remove it',
      expect.stringMatching(/^OAUTH_CLIENT_ID: is not used with OAUTH_SERVICE_ACCOUNT_FILE/),
    ]);
  });

  it('generic: token URL, client and secret; https unless on this machine', () => {
    const GENERIC = { ...SERVER, MAIL_AUTH: 'oauth2', OAUTH_PROVIDER: 'generic' };
    expect(problems(GENERIC)).toEqual([
      expect.stringMatching(/^OAUTH_CLIENT_ID: is required/),
      expect.stringMatching(/^OAUTH_CLIENT_SECRET_FILE: is required/),
      expect.stringMatching(/^OAUTH_TOKEN_URL: is required/),
    ]);
    const ok = { ...GENERIC, OAUTH_CLIENT_ID: 'mentormail', OAUTH_CLIENT_SECRET_FILE: 's', OAUTH_SCOPE: 'mail' };
    expect(serverOf(parseConfig({ ...ok, OAUTH_TOKEN_URL: 'http://127.0.0.1:8080/token' })).auth).toEqual({
      kind: 'oauth2',
      provider: { kind: 'generic', tokenUrl: 'http://127.0.0.1:8080/token', clientId: 'mentormail', secretFile: 's', scope: 'mail' },
    });
    expect(problems({ ...ok, OAUTH_TOKEN_URL: 'http://idp.example.org/token' })).toEqual([
      'OAUTH_TOKEN_URL: must start with https:// (http:// only to this machine) (got "http://idp.example.org/token")',
    ]);
    const withSecret = problems({ ...ok, OAUTH_TOKEN_URL: 'https://mentormail:S3cretValue@idp.example.org/token' });
    expect(withSecret).toEqual([expect.stringMatching(/^OAUTH_TOKEN_URL: must not hold credentials/)]);
    expect(withSecret[0]).not.toContain('S3cretValue');
  });
});

describe('secret files (loadConfig)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-oauth-config-'));
    fs.mkdirSync(path.join(dir, 'secrets'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, mode: number, content = 'value\n') => {
    const file = path.join(dir, 'secrets', name);
    fs.writeFileSync(file, content, { mode });
    fs.chmodSync(file, mode); // writeFile's mode is filtered by the umask
    return file;
  };

  it('accepts owner-only files (0600, 0400) and resolves them against the working folder', () => {
    write('client-secret', 0o600);
    const t = serverOf(loadConfig(MICROSOFT, dir));
    expect(t.auth.kind === 'oauth2' && t.auth.provider.kind === 'microsoft' && t.auth.provider.credential.file).toBe(
      path.join(dir, 'secrets', 'client-secret'),
    );
    fs.chmodSync(path.join(dir, 'secrets', 'client-secret'), 0o400);
    expect(() => loadConfig(MICROSOFT, dir)).not.toThrow();
  });

  it.each([
    [0o644, 'has mode 0644'],
    [0o640, 'has mode 0640'],
    [0o606, 'has mode 0606'],
  ])('refuses mode %s by variable name, saying how to fix it', (mode, expected) => {
    const file = write('client-secret', mode);
    expect(problems(MICROSOFT, dir)).toEqual([
      `OAUTH_CLIENT_SECRET_FILE: ${file} ${expected}, so other users could read or change it: it must be mode 0600 (run: chmod 600 ${file})`,
    ]);
  });

  it('names a missing, empty or non-file secret, every one at once, never its content', () => {
    write('secret', 0o600, '');
    fs.mkdirSync(path.join(dir, 'secrets', 'rt'));
    const env = {
      ...SERVER,
      MAIL_AUTH: 'oauth2',
      OAUTH_PROVIDER: 'google',
      OAUTH_CLIENT_ID: 'abc.apps.googleusercontent.com',
      OAUTH_CLIENT_SECRET_FILE: 'secrets/secret',
      OAUTH_REFRESH_TOKEN_FILE: 'secrets/rt',
    };
    expect(problems(env, dir)).toEqual([
      `OAUTH_CLIENT_SECRET_FILE: ${path.join(dir, 'secrets', 'secret')} is empty`,
      `OAUTH_REFRESH_TOKEN_FILE: ${path.join(dir, 'secrets', 'rt')} is not a regular file`,
    ]);
    fs.rmSync(path.join(dir, 'secrets', 'secret'));
    expect(problems(env, dir)[0]).toBe(`OAUTH_CLIENT_SECRET_FILE: ${path.join(dir, 'secrets', 'secret')} does not exist`);
    const leaky = write('leaky', 0o644, 'TopSecretValue\n');
    const details = problems({ ...MICROSOFT, OAUTH_CLIENT_SECRET_FILE: leaky }, dir);
    expect(details.join('\n')).not.toContain('TopSecretValue');
  });
});
