/**
 * XOAUTH2 for nodemailer. nodemailer asks `provisionCallback` for a token whenever it opens a
 * connection (a pooled transport opens new ones over time), so each login gets the cache's
 * current token rather than one fixed when the transport was made.
 */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { AccessTokens } from './accessTokens';
import { isSmtpLoginRefused, loginRefused, smtpRefusalDetail } from './mailLogin';

export interface OAuth2Login {
  auth: SMTPConnection.AuthenticationTypeOAuth2;
  /**
   * Runs one send; if the server refuses the token, renews it and sends once more. A send
   * refused at AUTH was never accepted, so the retry cannot make a duplicate.
   */
  withRenewal(send: () => Promise<void>): Promise<void>;
}

export function oauth2Login(user: string, tokens: AccessTokens): OAuth2Login {
  // nodemailer overwrites the `code` of an error handed to it, so keep ours aside and give it a plain one.
  let tokenFailure: Error | null = null;

  const auth: SMTPConnection.AuthenticationTypeOAuth2 = {
    type: 'OAuth2',
    user,
    provisionCallback(_user, renew, callback) {
      // `renew`: the server answered this token with an error challenge (334): nodemailer retries once.
      if (renew) tokens.reject();
      tokens.get().then(
        // Expiring "now" makes nodemailer ask again at its next login: the cache is ours.
        (token) => callback(null, token, Date.now()),
        (err: unknown) => {
          tokenFailure = err instanceof Error ? err : new Error('no access token');
          callback(new Error('no access token'), '', 0);
        },
      );
    },
  };

  async function attempt(send: () => Promise<void>): Promise<void> {
    tokenFailure = null;
    try {
      await send();
    } catch (err) {
      // Set by provisionCallback during send(), which TypeScript's narrowing cannot see.
      const failure = tokenFailure as Error | null;
      throw failure ?? err;
    }
  }

  return {
    auth,
    async withRenewal(send) {
      const fetchedBefore = tokens.fetched;
      try {
        await attempt(send);
        return;
      } catch (err) {
        if (!isSmtpLoginRefused(err)) throw err;
        // A token fetched during this attempt was already new: renewing again would not help.
        if (tokens.fetched !== fetchedBefore) throw loginRefused('SMTP', user, smtpRefusalDetail(err));
      }
      tokens.reject();
      try {
        await attempt(send);
      } catch (err) {
        if (isSmtpLoginRefused(err)) throw loginRefused('SMTP', user, smtpRefusalDetail(err));
        throw err;
      }
    },
  };
}
