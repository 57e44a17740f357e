/**
 * A small OAuth2 authorisation server on 127.0.0.1, for tests: a token endpoint granting
 * short-lived access tokens to one client (client credentials, RFC 6749 §4.4, client
 * authentication by HTTP Basic or in the form body), and an introspection endpoint (RFC 7662)
 * that Dovecot's oauth2 passdb asks whether a token is good and whose mailbox it is for.
 *
 * Tests steer it: make tokens die early (as if expired or revoked at the server), let each
 * token serve only N logins, or revoke the client altogether.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const HOST = '127.0.0.1';

export interface OAuthStubOptions {
  /** The mailbox every granted token is for, as Dovecot should see it (username attribute). */
  username: string;
  /** expires_in of each token, in seconds. */
  lifetimeSeconds?: number;
  /** Scope the client must ask for, if any. */
  scope?: string;
}

export interface OAuthStub {
  tokenUrl: string;
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every access token granted so far, so a test can grep its outputs for them. */
  granted: string[];
  /** Introspections answered, by outcome. */
  introspections: { active: number; inactive: number };
  /** Token requests refused (wrong client, revoked client). */
  refusals: number;
  setLifetime(seconds: number): void;
  /** Each token is good for this many logins, then the server refuses it (null: no limit). */
  setUsesPerToken(uses: number | null): void;
  /** Tokens granted so far stop working now, though their expires_in said otherwise. */
  killIssuedTokens(): void;
  /** The client is refused from now on (invalid_client), and its tokens stop working. */
  revokeClient(): void;
  stop(): Promise<void>;
}

interface Token {
  expiresAt: number;
  uses: number;
  dead: boolean;
}

export async function startOAuthStub(opts: OAuthStubOptions): Promise<OAuthStub> {
  const clientId = `client-${randomBytes(4).toString('hex')}`;
  const clientSecret = `secret-${randomBytes(12).toString('hex')}`;
  const tokens = new Map<string, Token>();
  let lifetime = opts.lifetimeSeconds ?? 3600;
  let usesPerToken: number | null = null;
  let revoked = false;

  const stub = {
    granted: [] as string[],
    introspections: { active: 0, inactive: 0 },
    refusals: 0,
  };

  function clientOf(req: http.IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
    }
    const id = form.get('client_id');
    const secret = form.get('client_secret');
    return id && secret ? { id, secret } : null;
  }

  function grant(req: http.IncomingMessage, form: URLSearchParams): { status: number; body: object } {
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const client = clientOf(req, form);
    if (!client || client.id !== clientId || client.secret !== clientSecret || revoked) {
      stub.refusals++;
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } };
    }
    if (opts.scope !== undefined && form.get('scope') !== opts.scope) return { status: 400, body: { error: 'invalid_scope' } };
    const accessToken = `at-${randomBytes(18).toString('base64url')}`;
    tokens.set(accessToken, { expiresAt: Date.now() + lifetime * 1000, uses: 0, dead: false });
    stub.granted.push(accessToken);
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime } };
  }

  function introspect(form: URLSearchParams): object {
    const token = tokens.get(form.get('token') ?? '');
    const alive =
      token !== undefined && !token.dead && Date.now() < token.expiresAt && (usesPerToken === null || token.uses < usesPerToken);
    if (!alive) {
      stub.introspections.inactive++;
      return { active: false };
    }
    token.uses++;
    stub.introspections.active++;
    return { active: true, username: opts.username, client_id: clientId, exp: Math.floor(token.expiresAt / 1000) };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && req.url === '/token') {
        const { status, body } = grant(req, form);
        reply(status, body);
      } else if (req.method === 'POST' && req.url === '/introspect') {
        reply(200, introspect(form));
      } else {
        reply(404, { error: 'not_found' });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const base = `http://${HOST}:${(server.address() as AddressInfo).port}`;

  return Object.assign(stub, {
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    clientId,
    clientSecret,
    setLifetime: (seconds: number) => void (lifetime = seconds),
    setUsesPerToken: (uses: number | null) => void (usesPerToken = uses),
    killIssuedTokens: () => tokens.forEach((t) => (t.dead = true)),
    revokeClient: () => {
      revoked = true;
      tokens.forEach((t) => (t.dead = true));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
