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

/** What nodemailer is told when there is no token; the real reason is kept aside. */
const NO_TOKEN = 'mentormail: no access token';

export function oauth2Login(user: string, tokens: AccessTokens): OAuth2Login {
  // nodemailer overwrites the `code` of an error handed to it, so it gets a plain one and ours
  // waits here. Counters rather than flags: pooled sends may overlap.
  let lastTokenFailure: Error | null = null;
  let renewalsByNodemailer = 0;

  const auth: SMTPConnection.AuthenticationTypeOAuth2 = {
    type: 'OAuth2',
    user,
    provisionCallback(_user, renew, callback) {
      // `renew`: the server answered the token with an error challenge (334), and nodemailer
      // retries the login once with what we give now.
      if (renew) {
        renewalsByNodemailer++;
        tokens.reject();
      }
      tokens.get().then(
        // Expiring "now" makes nodemailer ask again at its next login: the cache is ours.
        (token) => callback(null, token, Date.now()),
        (err: unknown) => {
          lastTokenFailure = err instanceof Error ? err : new Error(NO_TOKEN);
          callback(new Error(NO_TOKEN), '', 0);
        },
      );
    },
  };

  async function attempt(send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if ((err as Error).message === NO_TOKEN && lastTokenFailure) throw lastTokenFailure;
      throw err;
    }
  }

  return {
    auth,
    async withRenewal(send) {
      const renewalsBefore = renewalsByNodemailer;
      try {
        await attempt(send);
        return;
      } catch (err) {
        if (!isSmtpLoginRefused(err)) throw err;
        // nodemailer already renewed and retried once (334 challenge): that was the one retry.
        if (renewalsByNodemailer !== renewalsBefore) throw loginRefused('SMTP', user, smtpRefusalDetail(err));
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
