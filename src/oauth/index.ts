/** MAIL_AUTH=oauth2: the token source for the bot mailbox, made from the config. */
import type { Db } from '../db/open';
import { clearCachedToken, loadCachedToken, saveCachedToken } from '../db/oauthTokenCache';
import type { Logger } from '../log';
import { accessTokens, type AccessTokens, type TokenStore } from './accessTokens';
import { genericGrantor } from './grants/generic';
import { googleGrantor } from './grants/google';
import type { TokenGrantor } from './grants/grantor';
import { microsoftGrantor } from './grants/microsoft';
import type { OAuthProvider } from './settings';

export type { AccessTokens } from './accessTokens';

export function grantorFor(provider: OAuthProvider, user: string): TokenGrantor {
  switch (provider.kind) {
    case 'microsoft':
      return microsoftGrantor(provider);
    case 'google':
      return googleGrantor(provider, user);
    case 'generic':
      return genericGrantor(provider);
  }
}

export function databaseTokenStore(db: Db): TokenStore {
  return {
    load: (key) => loadCachedToken(db, key),
    save: (key, token) => saveCachedToken(db, key, token),
    clear: (key) => clearCachedToken(db, key),
  };
}

/** Tokens for `user` (the IMAP login), cached in `db` when given. */
export function mailboxTokens(provider: OAuthProvider, user: string, opts: { db?: Db; logger: Logger }): AccessTokens {
  return accessTokens({
    user,
    grantor: grantorFor(provider, user),
    logger: opts.logger,
    ...(opts.db ? { store: databaseTokenStore(opts.db) } : {}),
  });
}
