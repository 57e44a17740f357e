import util from 'node:util';
import type { ServerEndpoint } from '../config';
import { MentormailError } from '../errors';

/**
 * "Could not reach the mail server" as one plain line: which server (host:port, never the
 * credentials) and why, with what to do. Used by the tick (cron must see it) and the doctor.
 */
export type ServerKind = 'SMTP' | 'IMAP';

export interface ConnectionFailure {
  /** Short and content-free, e.g. "connection refused". */
  reason: string;
  /** What the coordinator can do about it. */
  fix: string;
}

/** The errno name of a socket error ("ECONNREFUSED"), also when a library wrapped it. */
function systemCode(err: { code?: unknown; errno?: unknown }): string | null {
  if (typeof err.errno === 'number' && err.errno < 0) {
    try {
      return util.getSystemErrorName(err.errno);
    } catch {
      return null;
    }
  }
  return typeof err.code === 'string' ? err.code : null;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/;

/**
 * Whether an error from nodemailer or imapflow means the server itself could not be used
 * (down, unknown, refused our login, TLS failed, mailbox missing), as opposed to one
 * message being refused. Returns null for anything else.
 */
export function connectionFailure(server: ServerKind, err: unknown): ConnectionFailure | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as {
    code?: unknown;
    errno?: unknown;
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    responseCode?: number;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  const sys = systemCode(e) ?? '';
  const userVar = `${server}_USER/${server}_PASS (or the user and password in ${server}_URL)`;
  if (e.authenticationFailed || code === 'EAUTH' || code === 'NoAuthSupported')
    return { reason: 'the server refused the login', fix: `check ${userVar}` };
  if (e.mailboxMissing)
    return { reason: 'the mailbox does not exist', fix: 'check IMAP_MAILBOX and IMAP_PROCESSED_MAILBOX, or create the mailbox' };
  if (sys === 'ECONNREFUSED')
    return { reason: 'connection refused', fix: `check that the server is running and that the host and port in ${server}_URL are right` };
  if (sys === 'ENOTFOUND' || sys === 'EAI_AGAIN' || code === 'EDNS')
    return { reason: 'the host name could not be found', fix: `check the host in ${server}_URL and this machine's DNS` };
  if (sys === 'ETIMEDOUT' || code === 'ETIMEDOUT' || code === 'ETIMEOUT' || code === 'CONNECT_TIMEOUT' || code === 'GREETING_TIMEOUT')
    return { reason: 'no answer (timed out)', fix: `check the host and port in ${server}_URL and any firewall in between` };
  if (sys === 'EHOSTUNREACH' || sys === 'ENETUNREACH')
    return { reason: 'the network cannot reach it', fix: "check this machine's network connection" };
  if (code === 'ETLS' || TLS_CODE.test(code) || TLS_CODE.test(sys))
    return {
      reason: `TLS failed (${code || sys})`,
      fix: `check the ${server} port and scheme: ${server.toLowerCase()}s:// for implicit TLS (465/993), ${server.toLowerCase()}:// for STARTTLS (587/143)`,
    };
  if (
    sys === 'ECONNRESET' ||
    sys === 'EPIPE' ||
    code === 'ESOCKET' ||
    code === 'ECONNECTION' ||
    code === 'NoConnection' ||
    code === 'EPROTOCOL'
  )
    return { reason: `the connection failed (${sys || code})`, fix: `check that ${server}_URL points at a ${server} server` };
  // 421: the server is shutting the connection ("service not available").
  if (e.responseCode === 421)
    return { reason: 'the server is not available (421)', fix: 'try again later, or ask whoever runs the server' };
  return null;
}

export function endpointLabel(endpoint: Pick<ServerEndpoint, 'host' | 'port'>): string {
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}

/** A tick could not use a mail server: the message is the one line cron shows. */
export class ServerUnreachableError extends MentormailError {
  constructor(
    readonly server: ServerKind,
    readonly endpoint: string,
    readonly failure: ConnectionFailure,
  ) {
    super(
      server === 'SMTP' ? 'SMTP_UNREACHABLE' : 'IMAP_UNREACHABLE',
      `could not use the ${server} server ${endpoint}: ${failure.reason} (${failure.fix})`,
    );
    this.name = 'ServerUnreachableError';
  }
}

/** Rethrows a connection-level failure as ServerUnreachableError; other errors unchanged. */
export function asServerError(server: ServerKind, endpoint: Pick<ServerEndpoint, 'host' | 'port'>, err: unknown): unknown {
  if (err instanceof ServerUnreachableError) return err;
  const failure = connectionFailure(server, err);
  return failure ? new ServerUnreachableError(server, endpointLabel(endpoint), failure) : err;
}
