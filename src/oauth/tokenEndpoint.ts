/**
 * One POST to an OAuth2 token endpoint (RFC 6749 §3.2), and what its answer means. Errors say
 * which endpoint and which OAuth error code, never the secret sent or the token received, and
 * never the server's free-text description (it can quote the request).
 */
import { MentormailError } from '../errors';

export interface Grant {
  accessToken: string;
  expiresAt: Date;
}

const TIMEOUT_MS = 30_000;
/** Without expires_in, assume the shortest lifetime providers give (RFC 6749 makes it optional). */
const DEFAULT_LIFETIME_S = 300;

/** What to tell the operator for each refusal (RFC 6749 §5.2 error codes). */
const REFUSAL_HINTS: Record<string, string> = {
  invalid_client: 'the client ID, secret or certificate is wrong, has expired or was revoked',
  unauthorized_client: 'the client is not allowed this grant (Google: domain-wide delegation for this client and scope is missing)',
  invalid_grant: 'the grant was refused (a refresh token revoked or expired; Google: no such mailbox user, or not delegated)',
  invalid_scope: 'the scope asked for is not allowed for this client (see OAUTH_SCOPE)',
  access_denied: 'the client was denied access',
  unsupported_grant_type: 'the endpoint does not grant this kind of request',
  invalid_request: 'the endpoint could not understand the request (check OAUTH_TENANT_ID and OAUTH_CLIENT_ID)',
};

export function refused(endpoint: string, error: string, detailCode?: string): MentormailError {
  const hint = REFUSAL_HINTS[error] ?? 'see the provider’s documentation for this error';
  const code = /^[a-z_]{1,60}$/.test(error) ? error : 'error';
  return new MentormailError(
    'OAUTH_TOKEN_REFUSED',
    `${endpoint} refused the token request (${code}${detailCode ? ` ${detailCode}` : ''}): ${hint}`,
  );
}

export function unavailable(endpoint: string, why: string): MentormailError {
  return new MentormailError(
    'OAUTH_TOKEN_UNAVAILABLE',
    `${endpoint} gave no access token (${why}); it will be asked again on the next tick`,
  );
}

/** Microsoft puts an AADSTSnnnnn code in its descriptions: the one part worth showing. */
export function aadstsCode(description: unknown): string | undefined {
  return typeof description === 'string' ? /\bAADSTS\d{4,8}\b/.exec(description)?.[0] : undefined;
}

/** Reads a successful token response; `now` is when the request was sent. */
export function grantFrom(endpoint: string, body: unknown, now: number): Grant {
  const b = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
  if (typeof b.access_token !== 'string' || b.access_token === '' || /\s/.test(b.access_token)) {
    throw unavailable(endpoint, 'the answer held no access_token');
  }
  if (typeof b.token_type === 'string' && b.token_type.toLowerCase() !== 'bearer') {
    throw unavailable(endpoint, `token_type ${b.token_type.slice(0, 20)} is not Bearer`);
  }
  const seconds = b.expires_in === undefined ? DEFAULT_LIFETIME_S : Number(b.expires_in);
  if (!Number.isFinite(seconds) || seconds <= 0) throw unavailable(endpoint, 'expires_in is not a positive number');
  return { accessToken: b.access_token, expiresAt: new Date(now + seconds * 1000) };
}

/**
 * POSTs a form to a token endpoint. `endpoint` names it in errors (a URL without secrets).
 * Network trouble and 5xx/429 are "unavailable" (try later); 4xx with an OAuth error is "refused".
 */
export async function requestToken(
  url: string,
  form: Record<string, string>,
  opts: { endpoint: string; headers?: Record<string, string>; now?: () => number },
): Promise<Grant> {
  const now = opts.now ?? Date.now;
  const sentAt = now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...opts.headers },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error', // a redirect would resend the credentials somewhere else
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : (err as Error).name;
    throw unavailable(opts.endpoint, `could not be reached: ${code}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return grantFrom(opts.endpoint, body, sentAt);
  const error = (body as { error?: unknown } | null)?.error;
  if (response.status >= 400 && response.status < 500 && response.status !== 429 && typeof error === 'string') {
    throw refused(opts.endpoint, error, aadstsCode((body as { error_description?: unknown }).error_description));
  }
  throw unavailable(opts.endpoint, `HTTP ${response.status}`);
}

/** RFC 6749 §2.3.1: client_secret_basic, each part form-encoded before base64. */
export function basicAuth(clientId: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString('base64')}`;
}

/** The endpoint as shown in messages: scheme, host and path only. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `the token endpoint ${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'the token endpoint';
  }
}
