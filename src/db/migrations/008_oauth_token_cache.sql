-- MAIL_AUTH=oauth2: the bot mailbox's current access token, so that `tick` run by cron (a new
-- process every time) reuses one token until shortly before it expires instead of asking the
-- provider on every tick. The token is sealed (AES-256-GCM) with a key derived from the client
-- secret, certificate key or refresh token in its mode-0600 file: the database alone never
-- yields a usable token. A cache only: deleting a row costs one token request.
CREATE TABLE oauth_token_cache (
  cache_key TEXT PRIMARY KEY,        -- a hash of provider, client, scope and mailbox: whose token, never the token
  sealed BLOB NOT NULL,              -- nonce | tag | ciphertext
  fetched_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
