import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ServerEndpoint } from '../../config';
import { connectionFailure, endpointLabel } from '../../mail/serverProblem';
import { fail, ok, type DoctorStep, type StepResult } from '../types';

const TIMEOUT_MS = 20_000;

function connect(conn: SMTPConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    conn.once('error', reject);
    conn.connect((err) => (err ? reject(err) : resolve()));
  });
}

function login(conn: SMTPConnection, user: string, pass: string): Promise<void> {
  return new Promise((resolve, reject) => conn.login({ user, pass }, (err) => (err ? reject(err) : resolve())));
}

function problem(endpoint: ServerEndpoint, stage: string, err: unknown): StepResult {
  const failure = connectionFailure('SMTP', err) ?? { reason: (err as { code?: string }).code ?? 'failed', fix: 'check SMTP_URL' };
  return fail(`${stage} ${endpointLabel(endpoint)} failed: ${failure.reason}`, failure.fix);
}

/** Connects to the SMTP server, checks TLS as configured, and logs in: each stage named when it fails. */
export async function checkSmtp(endpoint: ServerEndpoint): Promise<StepResult> {
  const conn = new SMTPConnection({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    requireTLS: endpoint.tls === 'starttls',
    ignoreTLS: endpoint.tls === 'none',
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  conn.on('error', () => undefined); // reported through the callbacks
  try {
    try {
      await connect(conn);
    } catch (err) {
      return problem(endpoint, (err as { code?: string }).code === 'ETLS' ? 'TLS with' : 'connecting to', err);
    }
    const tls = conn.secure ? (endpoint.tls === 'implicit' ? 'TLS' : 'STARTTLS') : 'no TLS (allowed on loopback only)';
    if (!endpoint.user) return ok(`${endpointLabel(endpoint)}: connected, ${tls}, no login configured`);
    // The server lists AUTH only when it will take a login (often only after STARTTLS).
    if (!(conn as unknown as { allowsAuth?: boolean }).allowsAuth)
      return fail(
        `${endpointLabel(endpoint)} does not offer a login, but a user is configured`,
        'use the submission port (587 with smtp://, or 465 with smtps://), or remove SMTP_USER/SMTP_PASS and the user in SMTP_URL if this server needs none',
      );
    try {
      await login(conn, endpoint.user, endpoint.pass ?? '');
    } catch (err) {
      return problem(endpoint, 'logging in to', err);
    }
    return ok(`${endpointLabel(endpoint)}: connected, ${tls}, logged in as ${endpoint.user}`);
  } finally {
    conn.close();
  }
}

export const smtpStep: DoctorStep = {
  name: 'SMTP',
  needs: ['configuration'],
  skipUnless: (ctx) => {
    const t = ctx.config?.transport;
    if (t?.kind !== 'server') return 'not used: local mail folder';
    // With MAIL_AUTH=oauth2 there is no password to try: the OAuth2 steps log in with a token.
    return t.auth.kind === 'oauth2' ? 'login checked by the OAuth2 steps below (MAIL_AUTH=oauth2)' : null;
  },
  run: (ctx) => {
    const t = ctx.config!.transport;
    if (t.kind !== 'server') throw new Error('SMTP step in local mode');
    return checkSmtp(t.smtp);
  },
};
