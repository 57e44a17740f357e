/**
 * What a refused login means once a token was renewed: not a bad moment but a missing
 * permission or policy, which one line must name for the mail administrators.
 */
import { MentormailError } from '../errors';

const HINTS = {
  IMAP: 'the app may not read this mailbox (Microsoft: the IMAP.AccessAsApp permission with admin consent, and FullAccess to the mailbox for the Exchange service principal; Google: domain-wide delegation of https://mail.google.com/)',
  SMTP: 'the app may not send as this mailbox (Microsoft: the SMTP.SendAsApp permission with admin consent, SendAs for the Exchange service principal, and SMTP AUTH allowed for the mailbox; Google: domain-wide delegation of https://mail.google.com/)',
} as const;

export function loginRefused(protocol: 'IMAP' | 'SMTP', user: string, detail: string): MentormailError {
  return new MentormailError(
    'MAIL_LOGIN_REFUSED',
    `the ${protocol} server refused ${user}'s login with a newly granted OAuth token (${detail}): ${HINTS[protocol]}`,
  );
}

/** imapflow marks refused logins (AUTHENTICATIONFAILED and the like). */
export function isImapLoginRefused(err: unknown): boolean {
  return (err as { authenticationFailed?: unknown } | null)?.authenticationFailed === true;
}

export function imapRefusalDetail(err: unknown): string {
  const code = (err as { serverResponseCode?: unknown }).serverResponseCode;
  return typeof code === 'string' && /^[A-Z]{1,40}$/.test(code) ? code : 'login refused';
}

/** nodemailer's EAUTH with the server's 5xx reply (535 5.7.8, 535 5.7.3, 530...). */
export function isSmtpLoginRefused(err: unknown): boolean {
  const e = err as { code?: unknown; responseCode?: unknown } | null;
  return e?.code === 'EAUTH' && typeof e.responseCode === 'number' && e.responseCode >= 500;
}

export function smtpRefusalDetail(err: unknown): string {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? `SMTP ${code}` : 'login refused';
}
