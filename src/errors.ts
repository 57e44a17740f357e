/**
 * One error class with a stable code per way things fail. The code is what gets stored on a
 * failed row and printed by the CLI; messages name the bad input but never message content.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_NEWER_THAN_APP'
  | 'DB_MIGRATION_CHANGED'
  | 'ROSTER_INVALID'
  | 'QUESTIONNAIRE_INVALID'
  | 'NOT_FOUND'
  | 'USAGE'
  | 'MESSAGE_TOO_LARGE'
  | 'SMTP_UNREACHABLE'
  | 'IMAP_UNREACHABLE'
  | 'FILE_UNUSABLE'
  /** The OAuth2 token endpoint refused the client or grant: only a change of settings or secret helps. */
  | 'OAUTH_TOKEN_REFUSED'
  /** The OAuth2 token endpoint could not be reached or gave no usable token: retried on the next tick. */
  | 'OAUTH_TOKEN_UNAVAILABLE'
  /** The IMAP or SMTP server refused a freshly granted token: a permission or policy is missing. */
  | 'MAIL_LOGIN_REFUSED'
  | 'PROFILES_INVALID'
  | 'MATCH_INVALID'
  | 'MESSAGE_UNREADABLE';

export class MentormailError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra lines shown under the message, such as one line per bad CSV row. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'MentormailError';
  }
}

/** A short, content-free code for any thrown value, for storing on a failed row. */
export function errorCode(err: unknown): string {
  if (err instanceof MentormailError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    return (err as { code: string }).code;
  }
  return err instanceof Error ? err.name : 'UNKNOWN';
}

/**
 * Errors no single message is to blame for and no retry in this tick can fix (the mail login
 * itself is refused): the tick stops, nothing is charged to a message, and the CLI prints the
 * one line saying what to change.
 */
export function stopsTheTick(err: unknown): err is MentormailError {
  return err instanceof MentormailError && (err.code === 'OAUTH_TOKEN_REFUSED' || err.code === 'MAIL_LOGIN_REFUSED');
}
