import type { Grant } from '../tokenEndpoint';

/** Gets access tokens for the bot mailbox from one provider. */
export interface TokenGrantor {
  /** Whose tokens these are, without secrets (provider, client, scope, mailbox): keys the cache. */
  readonly identity: string;
  /** The token endpoint or authority as shown to people, e.g. "the token endpoint https://host/token". */
  readonly endpoint: string;
  /** Asks the provider for a new token (never a cached one). */
  fetch(): Promise<Grant>;
  /** The secret this grantor authenticates with: only its holder can unseal cached tokens. */
  secret(): Buffer;
}
