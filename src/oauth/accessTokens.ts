/**
 * The bot mailbox's access token: fetched when needed, kept (in memory, and sealed in the
 * database when a store is given) until shortly before it expires, and dropped when a mail
 * server refuses it, so that the next login fetches a new one. Never logged.
 */
import crypto from 'node:crypto';
import type { CachedToken } from '../db/oauthTokenCache';
import { errorCode } from '../errors';
import type { Logger } from '../log';
import type { TokenGrantor } from './grants/grantor';
import { seal, sealingKey, unseal } from './seal';
import type { Grant } from './tokenEndpoint';

export interface TokenStore {
  load(key: string): CachedToken | null;
  save(key: string, token: CachedToken): void;
  clear(key: string): void;
}

export interface AccessTokens {
  /** The mailbox the tokens log in to. */
  readonly user: string;
  /** The provider, as shown to people. */
  readonly endpoint: string;
  /** A token good for a while yet: the one held, the one in the database, or a new one. */
  get(): Promise<string>;
  /** The server refused `token` (default: the current one): forget it so that get() fetches anew. */
  reject(token?: string): void;
  /** Tokens fetched from the provider so far by this instance: a change means a renewal happened. */
  readonly fetched: number;
  /** When the token get() would give expires, if one is held. */
  expiresAt(): Date | null;
  /** A new token straight from the provider, bypassing and then refilling the cache (doctor). */
  fetchNew(): Promise<Grant>;
}

/** Renew this long before expiry (5 minutes, as msal does), or halfway through a shorter life. */
const MAX_MARGIN_MS = 5 * 60_000;
/**
 * After a failed request, callers within this time get the same error without asking again:
 * a tick sending fifty messages must not wait fifty times for an endpoint that is down.
 */
const RETRY_AFTER_FAILURE_MS = 60_000;

interface Held {
  token: string;
  fetchedAt: number;
  expiresAt: number;
}

export interface AccessTokensOptions {
  user: string;
  grantor: TokenGrantor;
  store?: TokenStore;
  logger: Logger;
  /** Wall-clock milliseconds: token lifetimes are real time, whatever `tick --now` says. */
  now?: () => number;
}

export function accessTokens(opts: AccessTokensOptions): AccessTokens {
  const { grantor, store, logger, user } = opts;
  const now = opts.now ?? Date.now;
  const cacheKey = crypto.createHash('sha256').update(`${grantor.identity}\n${user}`).digest('hex');
  let held: Held | null = null;
  let pending: Promise<Grant> | null = null;
  let fetched = 0;
  let failure: { error: unknown; until: number } | null = null;

  const margin = (h: Held) => Math.min(MAX_MARGIN_MS, (h.expiresAt - h.fetchedAt) / 2);
  const fresh = (h: Held) => now() < h.expiresAt - margin(h);

  // The database is only a cache: if it fails, log the code and carry on without it.
  function quietly<T>(what: string, fn: () => T): T | null {
    try {
      return fn();
    } catch (err) {
      logger.log('warn', 'oauth.token_cache_failed', { action: what, error: errorCode(err) });
      return null;
    }
  }

  function fromStore(): Held | null {
    if (!store) return null;
    const row = quietly('load', () => store.load(cacheKey));
    if (!row) return null;
    const candidate = { token: '', fetchedAt: row.fetchedAt.getTime(), expiresAt: row.expiresAt.getTime() };
    if (!fresh(candidate)) return null;
    const token = unseal(sealingKey(grantor.secret(), cacheKey), row.sealed, cacheKey);
    if (token === null) {
      // Sealed under another secret (rotated since): useless now.
      quietly('clear', () => store.clear(cacheKey));
      return null;
    }
    return { ...candidate, token };
  }

  function fetchAndKeep(): Promise<Grant> {
    pending ??= (async () => {
      const fetchedAt = now();
      let grant: Grant;
      try {
        grant = await grantor.fetch();
      } catch (err) {
        failure = { error: err, until: now() + RETRY_AFTER_FAILURE_MS };
        logger.log('warn', 'oauth.token_request_failed', { error: errorCode(err) });
        throw err;
      }
      failure = null;
      held = { token: grant.accessToken, fetchedAt, expiresAt: grant.expiresAt.getTime() };
      fetched++;
      if (store) {
        const sealed = seal(sealingKey(grantor.secret(), cacheKey), grant.accessToken, cacheKey);
        quietly('save', () => store.save(cacheKey, { sealed, fetchedAt: new Date(fetchedAt), expiresAt: grant.expiresAt }));
      }
      logger.log('info', 'oauth.token_granted', { expires_at: grant.expiresAt.toISOString() });
      return grant;
    })().finally(() => (pending = null));
    return pending;
  }

  return {
    user,
    endpoint: grantor.endpoint,
    get fetched() {
      return fetched;
    },
    async get() {
      if (held && fresh(held)) return held.token;
      const stored = fromStore();
      if (stored) {
        held = stored;
        return stored.token;
      }
      if (failure && now() < failure.until) throw failure.error;
      return (await fetchAndKeep()).accessToken;
    },
    reject(token) {
      if (token !== undefined && held !== null && held.token !== token) return; // already replaced
      held = null;
      if (store) quietly('clear', () => store.clear(cacheKey));
      logger.log('warn', 'oauth.token_refused_by_server');
    },
    expiresAt: () => (held ? new Date(held.expiresAt) : null),
    fetchNew: () => fetchAndKeep(),
  };
}
