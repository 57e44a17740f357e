/**
 * MAIL_AUTH and the OAUTH_* variables: what they mean together, and every problem with them
 * named by variable. Secrets are never in variables, only the paths of files that hold them,
 * so nothing here (or in `config` output) can show one.
 */

export type OAuthProviderKind = 'microsoft' | 'google' | 'generic';

/** Exchange Online's resource: the token carries the IMAP.AccessAsApp / SMTP.SendAsApp roles. */
export const MICROSOFT_SCOPE = 'https://outlook.office365.com/.default';
/** Google's one scope for IMAP and SMTP. */
export const GOOGLE_SCOPE = 'https://mail.google.com/';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export type OAuthProvider =
  | {
      kind: 'microsoft';
      tenantId: string;
      clientId: string;
      /** A client secret, or a certificate with its private key (PEM), in a file of mode 0600. */
      credential:
        | { kind: 'secret'; file: string; variable: 'OAUTH_CLIENT_SECRET_FILE' }
        | { kind: 'certificate'; file: string; variable: 'OAUTH_CLIENT_CERT_FILE' };
      scope: string;
    }
  | {
      kind: 'google';
      grant:
        | { kind: 'service-account'; keyFile: string }
        | { kind: 'refresh-token'; clientId: string; secretFile: string; refreshTokenFile: string };
      scope: string;
    }
  | { kind: 'generic'; tokenUrl: string; clientId: string; secretFile: string; scope: string | null };

export type MailAuth = { kind: 'password' } | { kind: 'oauth2'; provider: OAuthProvider };

/** Every variable whose value is the path of a secret file, in documented order. */
export const SECRET_FILE_VARIABLES = [
  'OAUTH_CLIENT_SECRET_FILE',
  'OAUTH_CLIENT_CERT_FILE',
  'OAUTH_SERVICE_ACCOUNT_FILE',
  'OAUTH_REFRESH_TOKEN_FILE',
] as const;

const OAUTH_VARIABLES = [
  'OAUTH_PROVIDER',
  'OAUTH_TENANT_ID',
  'OAUTH_CLIENT_ID',
  ...SECRET_FILE_VARIABLES,
  'OAUTH_TOKEN_URL',
  'OAUTH_SCOPE',
] as const;

type OAuthVariable = (typeof OAUTH_VARIABLES)[number];
export type MailAuthVariables = Partial<Record<'MAIL_AUTH' | OAuthVariable | 'SMTP_URL' | 'IMAP_URL' | 'SMTP_PASS' | 'IMAP_PASS', string>>;

export interface MailAuthProblem {
  variable: 'MAIL_AUTH' | OAuthVariable | 'SMTP_URL' | 'IMAP_URL' | 'SMTP_PASS' | 'IMAP_PASS';
  problem: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** Which variables each provider uses; the others are reported as unused, so a slip is seen. */
const USED_BY: Record<OAuthProviderKind, readonly OAuthVariable[]> = {
  microsoft: ['OAUTH_PROVIDER', 'OAUTH_TENANT_ID', 'OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET_FILE', 'OAUTH_CLIENT_CERT_FILE', 'OAUTH_SCOPE'],
  google: [
    'OAUTH_PROVIDER',
    'OAUTH_SERVICE_ACCOUNT_FILE',
    'OAUTH_REFRESH_TOKEN_FILE',
    'OAUTH_CLIENT_ID',
    'OAUTH_CLIENT_SECRET_FILE',
    'OAUTH_SCOPE',
  ],
  generic: ['OAUTH_PROVIDER', 'OAUTH_TOKEN_URL', 'OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET_FILE', 'OAUTH_SCOPE'],
};

export function isGuid(raw: string): boolean {
  return GUID.test(raw);
}

/** A tenant is named by its directory ID (a GUID) or one of its domains, such as nhs.net. */
export function isTenant(raw: string): boolean {
  return GUID.test(raw) || DOMAIN.test(raw);
}

/**
 * Rules between MAIL_AUTH, the OAUTH_* variables and the mail server settings. Looks only at
 * which variables are set (their own values are checked by their fields), so it always runs.
 * `urlHasPassword` says whether SMTP_URL / IMAP_URL carry a password.
 */
export function mailAuthProblems(raw: MailAuthVariables, urlHasPassword: (url: string) => boolean): MailAuthProblem[] {
  const problems: MailAuthProblem[] = [];
  const oauth = raw.MAIL_AUTH?.toLowerCase() === 'oauth2';
  if (!oauth) {
    if (raw.MAIL_AUTH === undefined || raw.MAIL_AUTH.toLowerCase() === 'password') {
      for (const name of OAUTH_VARIABLES) {
        if (raw[name] !== undefined)
          problems.push({ variable: name, problem: 'is set but MAIL_AUTH is not oauth2 (set MAIL_AUTH=oauth2 to use it)' });
      }
    }
    return problems;
  }
  if (!raw.SMTP_URL || !raw.IMAP_URL) {
    problems.push({
      variable: 'MAIL_AUTH',
      problem: 'oauth2 needs a mail server: set SMTP_URL and IMAP_URL (the local mail folder has no login)',
    });
  }
  for (const name of ['SMTP_PASS', 'IMAP_PASS'] as const) {
    if (raw[name] !== undefined)
      problems.push({ variable: name, problem: 'is not used with MAIL_AUTH=oauth2 (the login is an access token): remove it' });
  }
  for (const name of ['SMTP_URL', 'IMAP_URL'] as const) {
    const url = raw[name];
    if (url && urlHasPassword(url)) {
      problems.push({
        variable: name,
        problem: 'has a password, which MAIL_AUTH=oauth2 does not use (the login is an access token): remove it from the URL',
      });
    }
  }
  const provider = raw.OAUTH_PROVIDER?.toLowerCase();
  if (provider === undefined) {
    problems.push({ variable: 'OAUTH_PROVIDER', problem: 'is required with MAIL_AUTH=oauth2: microsoft, google or generic' });
    return problems;
  }
  if (provider !== 'microsoft' && provider !== 'google' && provider !== 'generic') return problems; // its field says why
  const need = (variable: OAuthVariable, what: string) => {
    if (raw[variable] === undefined) problems.push({ variable, problem: `is required with OAUTH_PROVIDER=${provider}: ${what}` });
  };
  for (const name of OAUTH_VARIABLES) {
    if (raw[name] !== undefined && !USED_BY[provider].includes(name)) {
      problems.push({ variable: name, problem: `is not used with OAUTH_PROVIDER=${provider}: remove it` });
    }
  }
  if (provider === 'microsoft') {
    need('OAUTH_TENANT_ID', 'the Directory (tenant) ID of the organisation, from the app registration');
    need('OAUTH_CLIENT_ID', 'the Application (client) ID of the app registration');
    if (raw.OAUTH_CLIENT_ID !== undefined && !isGuid(raw.OAUTH_CLIENT_ID)) {
      problems.push({
        variable: 'OAUTH_CLIENT_ID',
        problem: `must be the Application (client) ID, a GUID such as 1b2c3d4e-0000-4000-8000-123456789abc (got "${raw.OAUTH_CLIENT_ID.slice(0, 60)}")`,
      });
    }
    oneOf('OAUTH_CLIENT_SECRET_FILE', 'OAUTH_CLIENT_CERT_FILE', 'a client secret file or a certificate file');
  } else if (provider === 'google') {
    oneOf(
      'OAUTH_SERVICE_ACCOUNT_FILE',
      'OAUTH_REFRESH_TOKEN_FILE',
      'a service account key file (domain-wide delegation) or a stored refresh token',
    );
    if (raw.OAUTH_SERVICE_ACCOUNT_FILE !== undefined) {
      for (const name of ['OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET_FILE'] as const) {
        if (raw[name] !== undefined)
          problems.push({
            variable: name,
            problem: 'is not used with OAUTH_SERVICE_ACCOUNT_FILE (the key file names the client): remove it',
          });
      }
    }
    if (raw.OAUTH_REFRESH_TOKEN_FILE !== undefined) {
      need('OAUTH_CLIENT_ID', 'the OAuth client ID the refresh token was issued to');
      need('OAUTH_CLIENT_SECRET_FILE', 'the file holding that OAuth client’s secret');
    }
  } else {
    need('OAUTH_TOKEN_URL', 'the token endpoint, such as https://login.example.org/oauth2/token');
    need('OAUTH_CLIENT_ID', 'the client ID registered at the token endpoint');
    need('OAUTH_CLIENT_SECRET_FILE', 'the file holding the client secret');
  }
  return problems;

  function oneOf(a: OAuthVariable, b: OAuthVariable, what: string): void {
    if (raw[a] !== undefined && raw[b] !== undefined) {
      problems.push({ variable: b, problem: `must not be set together with ${a}: use one of them` });
    } else if (raw[a] === undefined && raw[b] === undefined) {
      problems.push({ variable: a, problem: `or ${b} is required with OAUTH_PROVIDER=${provider}: ${what}` });
    }
  }
}

export interface ParsedMailAuthValues {
  MAIL_AUTH: 'password' | 'oauth2';
  OAUTH_PROVIDER?: OAuthProviderKind;
  OAUTH_TENANT_ID?: string;
  OAUTH_CLIENT_ID?: string;
  OAUTH_CLIENT_SECRET_FILE?: string;
  OAUTH_CLIENT_CERT_FILE?: string;
  OAUTH_SERVICE_ACCOUNT_FILE?: string;
  OAUTH_REFRESH_TOKEN_FILE?: string;
  OAUTH_TOKEN_URL?: string;
  OAUTH_SCOPE?: string;
}

/** Builds MailAuth from values that passed mailAuthProblems (so what each provider needs is there). */
export function mailAuthFrom(v: ParsedMailAuthValues): MailAuth {
  if (v.MAIL_AUTH !== 'oauth2' || v.OAUTH_PROVIDER === undefined) return { kind: 'password' };
  const req = (value: string | undefined): string => {
    if (value === undefined) throw new Error('mailAuthFrom: a required value is missing (mailAuthProblems should have said)');
    return value;
  };
  switch (v.OAUTH_PROVIDER) {
    case 'microsoft':
      return {
        kind: 'oauth2',
        provider: {
          kind: 'microsoft',
          tenantId: req(v.OAUTH_TENANT_ID),
          clientId: req(v.OAUTH_CLIENT_ID),
          credential:
            v.OAUTH_CLIENT_CERT_FILE !== undefined
              ? { kind: 'certificate', file: v.OAUTH_CLIENT_CERT_FILE, variable: 'OAUTH_CLIENT_CERT_FILE' }
              : { kind: 'secret', file: req(v.OAUTH_CLIENT_SECRET_FILE), variable: 'OAUTH_CLIENT_SECRET_FILE' },
          scope: v.OAUTH_SCOPE ?? MICROSOFT_SCOPE,
        },
      };
    case 'google':
      return {
        kind: 'oauth2',
        provider: {
          kind: 'google',
          grant:
            v.OAUTH_SERVICE_ACCOUNT_FILE !== undefined
              ? { kind: 'service-account', keyFile: v.OAUTH_SERVICE_ACCOUNT_FILE }
              : {
                  kind: 'refresh-token',
                  clientId: req(v.OAUTH_CLIENT_ID),
                  secretFile: req(v.OAUTH_CLIENT_SECRET_FILE),
                  refreshTokenFile: req(v.OAUTH_REFRESH_TOKEN_FILE),
                },
          scope: v.OAUTH_SCOPE ?? GOOGLE_SCOPE,
        },
      };
    case 'generic':
      return {
        kind: 'oauth2',
        provider: {
          kind: 'generic',
          tokenUrl: req(v.OAUTH_TOKEN_URL),
          clientId: req(v.OAUTH_CLIENT_ID),
          secretFile: req(v.OAUTH_CLIENT_SECRET_FILE),
          scope: v.OAUTH_SCOPE ?? null,
        },
      };
  }
}

/** The secret files a MailAuth reads, with the variable that names each. */
export function secretFilesOf(auth: MailAuth): { variable: (typeof SECRET_FILE_VARIABLES)[number]; file: string }[] {
  if (auth.kind !== 'oauth2') return [];
  const p = auth.provider;
  switch (p.kind) {
    case 'microsoft':
      return [{ variable: p.credential.variable, file: p.credential.file }];
    case 'google':
      return p.grant.kind === 'service-account'
        ? [{ variable: 'OAUTH_SERVICE_ACCOUNT_FILE', file: p.grant.keyFile }]
        : [
            { variable: 'OAUTH_CLIENT_SECRET_FILE', file: p.grant.secretFile },
            { variable: 'OAUTH_REFRESH_TOKEN_FILE', file: p.grant.refreshTokenFile },
          ];
    case 'generic':
      return [{ variable: 'OAUTH_CLIENT_SECRET_FILE', file: p.secretFile }];
  }
}

/** The same MailAuth with every file path passed through `resolve` (loadConfig: against cwd). */
export function resolveSecretFiles(auth: MailAuth, resolve: (p: string) => string): MailAuth {
  if (auth.kind !== 'oauth2') return auth;
  const p = auth.provider;
  switch (p.kind) {
    case 'microsoft':
      return { kind: 'oauth2', provider: { ...p, credential: { ...p.credential, file: resolve(p.credential.file) } } };
    case 'google':
      return {
        kind: 'oauth2',
        provider: {
          ...p,
          grant:
            p.grant.kind === 'service-account'
              ? { kind: 'service-account', keyFile: resolve(p.grant.keyFile) }
              : { ...p.grant, secretFile: resolve(p.grant.secretFile), refreshTokenFile: resolve(p.grant.refreshTokenFile) },
        },
      };
    case 'generic':
      return { kind: 'oauth2', provider: { ...p, secretFile: resolve(p.secretFile) } };
  }
}
