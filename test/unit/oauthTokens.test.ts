import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/open';
import { MentormailError } from '../../src/errors';
import { memoryLogger } from '../../src/log';
import { accessTokens, type AccessTokensOptions } from '../../src/oauth/accessTokens';
import type { TokenGrantor } from '../../src/oauth/grants/grantor';
import { databaseTokenStore } from '../../src/oauth';

const T0 = Date.parse('2027-01-04T10:00:00Z');
const MINUTE = 60_000;

/** A provider that grants numbered tokens living `lifetimeMs`, as the clock says. */
function fakeGrantor(clock: { now: number }, lifetimeMs = 60 * MINUTE) {
  const g = {
    calls: 0,
    secret: 'client-secret-1',
    fail: null as Error | null,
    identity: 'fake\nclient',
    endpoint: 'the fake endpoint',
    async fetch() {
      g.calls++;
      if (g.fail) throw g.fail;
      return { accessToken: `token-${g.calls}`, expiresAt: new Date(clock.now + lifetimeMs) };
    },
  };
  const grantor: TokenGrantor = {
    identity: g.identity,
    endpoint: g.endpoint,
    fetch: () => g.fetch(),
    secret: () => Buffer.from(g.secret),
  };
  return { g, grantor };
}

describe('access tokens', () => {
  let clock: { now: number };
  let dir: string;
  let db: Db;
  const make = (grantor: TokenGrantor, extra: Partial<AccessTokensOptions> = {}) => {
    const logger = memoryLogger();
    const tokens = accessTokens({ user: 'bot@example.org', grantor, logger, now: () => clock.now, ...extra });
    return { tokens, logs: logger.lines };
  };

  beforeEach(() => {
    clock = { now: T0 };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-tokens-'));
    db = openDatabase(path.join(dir, 'test.db'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fetches when first needed and reuses the token until five minutes before it expires', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const { tokens } = make(grantor);
    expect(g.calls).toBe(0);
    expect(await tokens.get()).toBe('token-1');
    clock.now = T0 + 54 * MINUTE;
    expect(await tokens.get()).toBe('token-1');
    clock.now = T0 + 55 * MINUTE;
    expect(await tokens.get()).toBe('token-2');
    expect(g.calls).toBe(2);
    expect(tokens.fetched).toBe(2);
    expect(tokens.expiresAt()).toEqual(new Date(T0 + 115 * MINUTE));
  });

  it('renews a short-lived token halfway through its life', async () => {
    const { g, grantor } = fakeGrantor(clock, 4_000);
    const { tokens } = make(grantor);
    await tokens.get();
    clock.now += 1_999;
    expect(await tokens.get()).toBe('token-1');
    clock.now += 1;
    expect(await tokens.get()).toBe('token-2');
    expect(g.calls).toBe(2);
  });

  it('asks once for callers that need a token at the same moment (pooled connections)', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const { tokens } = make(grantor);
    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(all).toEqual(['token-1', 'token-1', 'token-1']);
    expect(g.calls).toBe(1);
  });

  it('forgets a token the server refused, but not a newer one', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const { tokens, logs } = make(grantor);
    await tokens.get();
    tokens.reject('token-1');
    expect(await tokens.get()).toBe('token-2');
    tokens.reject('token-1'); // a late report about the old token
    expect(await tokens.get()).toBe('token-2');
    tokens.reject();
    expect(await tokens.get()).toBe('token-3');
    expect(g.calls).toBe(3);
    expect(logs.filter((l) => l.includes('oauth.token_refused_by_server'))).toHaveLength(2);
  });

  it('keeps the token in the database for the next process, sealed, never in plain bytes', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const store = databaseTokenStore(db);
    await make(grantor, { store }).tokens.get();
    const row = db.prepare('SELECT cache_key, sealed, expires_at FROM oauth_token_cache').get() as {
      cache_key: string;
      sealed: Buffer;
      expires_at: string;
    };
    expect(row.expires_at).toBe(new Date(T0 + 60 * MINUTE).toISOString());
    expect(row.sealed.includes(Buffer.from('token-1'))).toBe(false);
    expect(row.cache_key).toMatch(/^[0-9a-f]{64}$/);

    clock.now = T0 + 30 * MINUTE;
    const second = make(grantor, { store }).tokens; // as the next `tick` would
    expect(await second.get()).toBe('token-1');
    expect(g.calls).toBe(1);
    expect(second.fetched).toBe(0);
  });

  it('does not reuse a stored token past its margin, one refused by a server, or one sealed under an old secret', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const store = databaseTokenStore(db);
    await make(grantor, { store }).tokens.get();
    clock.now = T0 + 56 * MINUTE;
    expect(await make(grantor, { store }).tokens.get()).toBe('token-2');

    const refusing = make(grantor, { store }).tokens;
    expect(await refusing.get()).toBe('token-2');
    refusing.reject('token-2');
    expect(db.prepare('SELECT COUNT(*) AS n FROM oauth_token_cache').get()).toEqual({ n: 0 });
    expect(await make(grantor, { store }).tokens.get()).toBe('token-3');

    g.secret = 'client-secret-2'; // rotated: the row no longer opens
    expect(await make(grantor, { store }).tokens.get()).toBe('token-4');
    expect(g.calls).toBe(4);
  });

  it('keeps a token per provider, client and mailbox', async () => {
    const { grantor } = fakeGrantor(clock);
    const store = databaseTokenStore(db);
    await make(grantor, { store }).tokens.get();
    const other = accessTokens({ user: 'other@example.org', grantor, logger: memoryLogger(), store, now: () => clock.now });
    expect(await other.get()).toBe('token-2');
    expect(db.prepare('SELECT COUNT(*) AS n FROM oauth_token_cache').get()).toEqual({ n: 2 });
  });

  it('carries on without the database cache when it fails, and logs only a code', async () => {
    const { grantor } = fakeGrantor(clock);
    const broken = {
      load: () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
      save: () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
      clear: () => undefined,
    };
    const { tokens, logs } = make(grantor, { store: broken });
    expect(await tokens.get()).toBe('token-1');
    expect(logs.filter((l) => l.includes('"oauth.token_cache_failed"') && l.includes('SQLITE_BUSY'))).toHaveLength(2);
  });

  it('passes a provider’s refusal on as it is, logs its code, and does not ask again for a minute', async () => {
    const { g, grantor } = fakeGrantor(clock);
    const { tokens, logs } = make(grantor);
    g.fail = new MentormailError('OAUTH_TOKEN_UNAVAILABLE', 'the fake endpoint gave no access token (could not be reached: ETIMEDOUT)');
    await expect(tokens.get()).rejects.toMatchObject({ code: 'OAUTH_TOKEN_UNAVAILABLE' });
    expect(logs.join('\n')).toContain('"error":"OAUTH_TOKEN_UNAVAILABLE"');
    g.fail = null;
    clock.now += 59_999;
    await expect(tokens.get()).rejects.toMatchObject({ code: 'OAUTH_TOKEN_UNAVAILABLE' }); // fifty sends, one request
    expect(g.calls).toBe(1);
    clock.now += 1;
    expect(await tokens.get()).toBe('token-2');
    await expect(tokens.fetchNew()).resolves.toMatchObject({ accessToken: 'token-3' }); // doctor always asks
  });

  it('never logs a token', async () => {
    const { grantor } = fakeGrantor(clock);
    const { tokens, logs } = make(grantor, { store: databaseTokenStore(db) });
    await tokens.get();
    tokens.reject();
    await tokens.get();
    await tokens.fetchNew();
    expect(logs.length).toBeGreaterThanOrEqual(4);
    expect(logs.join('\n')).not.toMatch(/token-\d/);
  });
});
