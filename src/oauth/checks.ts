/**
 * The OAuth2 part of `mentormail doctor`: each step a coordinator (or the mail administrators)
 * can act on: the token endpoint answers, it grants a token (and until when), IMAP accepts
 * the token, SMTP accepts it. The token itself is never shown. With MAIL_AUTH=password
 * there are no steps.
 */
import nodemailer from 'nodemailer';
import type { Config, ServerEndpoint } from '../config';
import { MentormailError, errorCode } from '../errors';
import { imapClient } from '../inbox/imapSource';
import { grantorFor } from './index';
import type { TokenGrantor } from './grants/grantor';
import { imapRefusalDetail, isImapLoginRefused, isSmtpLoginRefused, loginRefused, smtpRefusalDetail } from './mailLogin';
import type { Grant } from './tokenEndpoint';

export interface CheckStep {
  /** What was checked, e.g. "OAuth2 token granted". */
  name: string;
  status: 'ok' | 'fail' | 'skip';
  /** One line: what was found, or what to do about it. Never a secret or a token. */
  detail: string;
}

/** What the IMAP step needs of a client: log in, and out. ImapFlow is one. */
export interface ImapLoginClient {
  connect(): Promise<void>;
  logout(): Promise<void>;
  close(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface OAuthCheckOptions {
  /** Wall-clock milliseconds, for "expires in N minutes". */
  now?: () => number;
  /** Replace the provider (tests). */
  grantor?: TokenGrantor;
  /** Replace the IMAP client (tests). */
  connectImap?: (endpoint: ServerEndpoint, accessToken: string) => ImapLoginClient | Promise<ImapLoginClient>;
  /** Replace the SMTP login check (tests). */
  verifySmtp?: (endpoint: ServerEndpoint, user: string, accessToken: string) => Promise<void>;
}

export const STEP_NAMES = {
  reached: 'OAuth2 token endpoint reached',
  granted: 'OAuth2 token granted',
  imap: 'IMAP login with the OAuth2 token',
  smtp: 'SMTP login with the OAuth2 token',
} as const;

/** Runs the four steps in order; a step that cannot run because an earlier one failed is skipped. */
export async function oauthChecks(config: Config, opts: OAuthCheckOptions = {}): Promise<CheckStep[]> {
  const t = config.transport;
  if (t.kind !== 'server' || t.auth.kind !== 'oauth2') return [];
  const now = opts.now ?? Date.now;
  const user = t.imap.user ?? config.address;
  const steps: CheckStep[] = [];
  const skip = (name: string, why: string) => steps.push({ name, status: 'skip', detail: why });

  let grantor: TokenGrantor;
  let grant: Grant;
  try {
    grantor = opts.grantor ?? grantorFor(t.auth.provider, user);
    grant = await grantor.fetch();
    steps.push({ name: STEP_NAMES.reached, status: 'ok', detail: `${grantor.endpoint} answered` });
    const minutes = Math.round((grant.expiresAt.getTime() - now()) / 60_000);
    steps.push({
      name: STEP_NAMES.granted,
      status: 'ok',
      detail: `for ${user}, expires ${grant.expiresAt.toISOString()} (in ${minutes} min)`,
    });
  } catch (err) {
    const message = err instanceof MentormailError ? [err.message, ...err.details].join('; ') : `unexpected error (${errorCode(err)})`;
    if (err instanceof MentormailError && err.code === 'OAUTH_TOKEN_REFUSED') {
      steps.push({ name: STEP_NAMES.reached, status: 'ok', detail: 'the token endpoint answered' });
      steps.push({ name: STEP_NAMES.granted, status: 'fail', detail: message });
    } else {
      steps.push({ name: STEP_NAMES.reached, status: 'fail', detail: message });
      skip(STEP_NAMES.granted, 'the token endpoint was not reached');
    }
    skip(STEP_NAMES.imap, 'no token');
    skip(STEP_NAMES.smtp, 'no token');
    return steps;
  }

  const imapHost = `${t.imap.host}:${t.imap.port}`;
  try {
    const connect =
      opts.connectImap ?? ((endpoint: ServerEndpoint, token: string): Promise<ImapLoginClient> => imapClient(endpoint, token));
    const client = await connect(t.imap, grant.accessToken);
    client.on('error', () => undefined); // the failure is reported by connect()
    await client.connect();
    await client.logout().catch(() => client.close());
    steps.push({ name: STEP_NAMES.imap, status: 'ok', detail: `${user} logged in to ${imapHost}` });
  } catch (err) {
    const detail = isImapLoginRefused(err)
      ? loginRefused('IMAP', user, imapRefusalDetail(err)).message
      : `${imapHost} could not be reached (${errorCode(err)})`;
    steps.push({ name: STEP_NAMES.imap, status: 'fail', detail });
  }

  const smtpUser = t.smtp.user ?? user;
  const smtpHost = `${t.smtp.host}:${t.smtp.port}`;
  try {
    await (opts.verifySmtp ?? verifySmtpLogin)(t.smtp, smtpUser, grant.accessToken);
    steps.push({ name: STEP_NAMES.smtp, status: 'ok', detail: `${smtpUser} logged in to ${smtpHost}` });
  } catch (err) {
    const detail = isSmtpLoginRefused(err)
      ? loginRefused('SMTP', smtpUser, smtpRefusalDetail(err)).message
      : `${smtpHost} could not be reached or did not offer XOAUTH2 (${errorCode(err)})`;
    steps.push({ name: STEP_NAMES.smtp, status: 'fail', detail });
  }
  return steps;
}

/** Connects and logs in (EHLO, STARTTLS where required, AUTH XOAUTH2), then quits: sends nothing. */
async function verifySmtpLogin(endpoint: ServerEndpoint, user: string, accessToken: string): Promise<void> {
  // The same connection settings as smtpTransport, with a fixed token.
  const transporter = nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    requireTLS: endpoint.tls === 'starttls',
    ignoreTLS: endpoint.tls === 'none',
    auth: { type: 'OAuth2', user, accessToken },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  try {
    await transporter.verify();
  } finally {
    transporter.close();
  }
}
