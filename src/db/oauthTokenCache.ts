import type { Db } from './open';
import { stmt } from './statements';

export interface CachedToken {
  sealed: Buffer;
  fetchedAt: Date;
  expiresAt: Date;
}

export function loadCachedToken(db: Db, key: string): CachedToken | null {
  const row = stmt(db, 'SELECT sealed, fetched_at, expires_at FROM oauth_token_cache WHERE cache_key = ?').get(key) as
    { sealed: Buffer; fetched_at: string; expires_at: string } | undefined;
  return row ? { sealed: row.sealed, fetchedAt: new Date(row.fetched_at), expiresAt: new Date(row.expires_at) } : null;
}

export function saveCachedToken(db: Db, key: string, token: CachedToken): void {
  stmt(
    db,
    `INSERT INTO oauth_token_cache (cache_key, sealed, fetched_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cache_key) DO UPDATE SET sealed = excluded.sealed, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
  ).run(key, token.sealed, token.fetchedAt.toISOString(), token.expiresAt.toISOString());
}

export function clearCachedToken(db: Db, key: string): void {
  stmt(db, 'DELETE FROM oauth_token_cache WHERE cache_key = ?').run(key);
}
