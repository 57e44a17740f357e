/**
 * Configuration from environment variables (and an optional `.env` file). `parseConfig` is pure
 * and reports every bad variable at once, each line naming the variable, what is wrong and what
 * is expected. Passwords are never echoed back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { MentormailError } from './errors';
import { isTenant, mailAuthFrom, mailAuthProblems, resolveSecretFiles, secretFilesOf, type MailAuth } from './oauth/settings';
import { secretFileProblem } from './oauth/secretFile';
import type { MatchObjective } from './matching/assignment';
import type { MatchWeights, RegionPolicy } from './matching/scoring';
import { DEFAULT_QUESTIONNAIRE_PATH } from './questionnaire/definition';
import type { HealthThresholds } from './health/thresholds';
import { DEFAULT_PROFILES_PATH, TEMPLATES_DIR } from './paths';
import type { SendingWindow } from './schedule/window';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ServerEndpoint {
  host: string;
  port: number;
  /** implicit: TLS from the first byte; starttls: upgrade required; none: loopback only. */
  tls: 'implicit' | 'starttls' | 'none';
  user?: string;
  pass?: string;
}

export interface ImapEndpoint extends ServerEndpoint {
  mailbox: string;
  /** When set, processed messages are moved here; otherwise they are only flagged \Seen. */
  processedMailbox?: string;
}

export type { MailAuth } from './oauth/settings';

export type TransportConfig =
  /** `auth` says how both servers are logged in to: the endpoints' passwords, or OAuth2 tokens for their user. */
  | { kind: 'server'; smtp: ServerEndpoint; imap: ImapEndpoint; auth: MailAuth }
  | { kind: 'local'; maildir: string; outboxDir: string; inboxDir: string; processedDir: string };

export interface Config {
  dbPath: string;
  /** The bot mailbox; replies arrive at its plus-addresses `local+TOKEN@domain`. */
  address: string;
  fromName: string;
  coordinator: string;
  transport: TransportConfig;
  timeZone: string;
  cron: string;
  cycleMonths: number;
  window: SendingWindow;
  remindAfterDays: number;
  remindEveryDays: number;
  maxReminders: number;
  mentorFeedbackDays: number;
  relayMaxAttachmentBytes: number;
  maxMessageBytes: number;
  showAddresses: boolean;
  questionnairePath: string;
  logLevel: LogLevel;
  /** The pulse's wording and whether it is asked (templates/pulse.yml). */
  pulsePath: string;
  health: HealthThresholds;
  /** 'monthly': the report is emailed to the coordinator on the first tick of each month. */
  reportEmail: 'off' | 'monthly';
  /** The vocabulary of profiles (interest tags, specialties, regions, grades). */
  profilesPath: string;
  matching: MatchingConfig;
}

export interface MatchingConfig {
  region: RegionPolicy;
  objective: MatchObjective;
  weights: MatchWeights;
  /** Working days an e-mentor has to ACCEPT or DECLINE a request. */
  acceptDays: number;
}

export interface ConfigVariable {
  name: string;
  /** The default as written in the environment, or null when there is none. */
  default: string | null;
  description: string;
}

const LOCAL_ADDRESS = 'e-mentoring@localhost';
const DEFAULT_CRON = '*/10 * * * *';
const LOCAL_COORDINATOR = 'coordinator@localhost';

const VARIABLES = [
  { name: 'MENTORMAIL_DB', default: 'data/mentormail.db', description: 'SQLite database file.' },
  {
    name: 'MENTORMAIL_ADDRESS',
    default: LOCAL_ADDRESS,
    description:
      'The bot mailbox; replies arrive at its plus-addresses (local+TOKEN@domain), so it must not contain "+". Required when SMTP_URL or IMAP_URL is set; the default applies only in local-folder mode.',
  },
  { name: 'MENTORMAIL_FROM_NAME', default: 'E-mentoring', description: 'Display name on mail the bot sends.' },
  {
    name: 'MENTORMAIL_COORDINATOR',
    default: LOCAL_COORDINATOR,
    description:
      'Where status alerts go (counts and states, never content); also shown in each questionnaire as the address for questions about the scheme. Required when SMTP_URL is set; the default applies only in local-folder mode.',
  },
  {
    name: 'SMTP_URL',
    default: null,
    description:
      'Outgoing mail server, smtps://user:pass@host:465 (implicit TLS) or smtp://host:587 (STARTTLS required unless the host is loopback). Set together with IMAP_URL, or neither for local-folder mode.',
  },
  { name: 'SMTP_USER', default: null, description: 'SMTP user name; overrides the one in SMTP_URL.' },
  { name: 'SMTP_PASS', default: null, description: 'SMTP password; overrides the one in SMTP_URL.' },
  {
    name: 'IMAP_URL',
    default: null,
    description:
      'Bot mailbox server, imaps://user:pass@host:993 (implicit TLS) or imap://host:143 (STARTTLS required unless the host is loopback).',
  },
  { name: 'IMAP_USER', default: null, description: 'IMAP user name; overrides the one in IMAP_URL.' },
  { name: 'IMAP_PASS', default: null, description: 'IMAP password; overrides the one in IMAP_URL.' },
  { name: 'IMAP_MAILBOX', default: 'INBOX', description: 'Mailbox that replies are read from.' },
  {
    name: 'IMAP_PROCESSED_MAILBOX',
    default: null,
    description: 'If set, processed messages are moved to this mailbox; otherwise they are only flagged \\Seen.',
  },
  {
    name: 'MAIL_AUTH',
    default: 'password',
    description:
      'How mentormail logs in to SMTP_URL and IMAP_URL: password (the user and password given above) or oauth2 (an access token from OAUTH_PROVIDER for the IMAP user, or MENTORMAIL_ADDRESS when none is given; no password is then set).',
  },
  {
    name: 'OAUTH_PROVIDER',
    default: null,
    description:
      'With MAIL_AUTH=oauth2: microsoft (Microsoft 365, NHSmail), google (Google Workspace) or generic (any token endpoint that grants client credentials).',
  },
  {
    name: 'OAUTH_TENANT_ID',
    default: null,
    description: 'microsoft: the Directory (tenant) ID of the organisation (a GUID), or one of its domains such as nhs.net.',
  },
  {
    name: 'OAUTH_CLIENT_ID',
    default: null,
    description:
      'microsoft: the Application (client) ID of the app registration; generic: the client ID; google: the OAuth client a stored refresh token belongs to.',
  },
  {
    name: 'OAUTH_CLIENT_SECRET_FILE',
    default: null,
    description:
      'File holding the client secret, alone on one line; mode 0600 (owner only) or it is refused. microsoft (or a certificate), generic, and google with a refresh token.',
  },
  {
    name: 'OAUTH_CLIENT_CERT_FILE',
    default: null,
    description:
      'microsoft, instead of a secret: PEM file with the certificate uploaded to the app registration and its private key (not passphrase-protected); mode 0600.',
  },
  {
    name: 'OAUTH_SERVICE_ACCOUNT_FILE',
    default: null,
    description:
      "google: the service account's JSON key file, the account having domain-wide delegation for https://mail.google.com/; mode 0600.",
  },
  {
    name: 'OAUTH_REFRESH_TOKEN_FILE',
    default: null,
    description:
      'google, instead of a service account: file holding a refresh token for the bot mailbox (with OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET_FILE); mode 0600.',
  },
  {
    name: 'OAUTH_TOKEN_URL',
    default: null,
    description: 'generic: the token endpoint, https:// (http:// only to this machine).',
  },
  {
    name: 'OAUTH_SCOPE',
    default: null,
    description:
      'The scope asked for. Defaults: microsoft https://outlook.office365.com/.default, google https://mail.google.com/, generic none.',
  },
  {
    name: 'MENTORMAIL_MAILDIR',
    default: 'data/mail',
    description:
      'Local-folder mode (no SMTP_URL/IMAP_URL): outgoing .eml files go to <dir>/outbox; incoming are read from <dir>/inbox/new (write them into <dir>/inbox/tmp, then move them there) and moved to <dir>/processed.',
  },
  { name: 'MENTORMAIL_TZ', default: 'Europe/London', description: 'IANA time zone for due dates and the sending window.' },
  { name: 'MENTORMAIL_CRON', default: DEFAULT_CRON, description: 'How often `mentormail run` ticks (cron expression).' },
  { name: 'CYCLE_MONTHS', default: '2', description: 'Months between questionnaire rounds (1 to 12).' },
  {
    name: 'SEND_DAYS',
    default: 'Mon-Fri',
    description: 'Days mail may be sent: three-letter day names as ranges or lists, e.g. Mon-Fri or Mon,Wed,Fri.',
  },
  {
    name: 'SEND_HOURS',
    default: '09:00-17:00',
    description: 'Local hours mail may be sent, HH:MM-HH:MM on a 24-hour clock; the end is exclusive.',
  },
  { name: 'REMIND_AFTER_DAYS', default: '14', description: 'Days without an answer before the first reminder.' },
  { name: 'REMIND_EVERY_DAYS', default: '7', description: 'Days between later reminders.' },
  { name: 'MAX_REMINDERS', default: '2', description: 'Reminders per round before it lapses (0 to 10).' },
  {
    name: 'MENTOR_FEEDBACK_DAYS',
    default: '14',
    description: 'Days a mentor has to reply to a forwarded questionnaire before a reminder.',
  },
  {
    name: 'RELAY_MAX_ATTACHMENT_MB',
    default: '10',
    description: 'Total attachment size relayed per message, in MB; 0 relays none.',
  },
  {
    name: 'MAX_MESSAGE_MB',
    default: '25',
    description:
      'The largest message mentormail relays, in MB, attachments included: attachments that would make it larger are left out and the sender is told. It does not limit what is read: every message up to 150 MB is kept whole and its text acted on.',
  },
  {
    name: 'MENTORMAIL_SHOW_ADDRESSES',
    default: 'false',
    description: "Whether relayed mail shows the other side's real address (true/false/yes/no/1/0).",
  },
  {
    name: 'MENTORMAIL_QUESTIONNAIRE',
    default: 'templates/questionnaire.yml',
    description: 'Questionnaire definition (YAML); the default is the one shipped with mentormail.',
  },
  { name: 'MENTORMAIL_LOG_LEVEL', default: 'info', description: 'debug, info, warn or error.' },
  {
    name: 'MENTORMAIL_PROFILES',
    default: 'templates/profiles.yml',
    description:
      'Vocabulary of matching profiles (YAML): interest tags, specialties by family, regions, grades; the default is the one shipped with mentormail.',
  },
  {
    name: 'MATCH_REGION',
    default: 'ignore',
    description: 'Region policy when matching: prefer-same, prefer-different (a fresh perspective) or ignore.',
  },
  {
    name: 'MATCH_OBJECTIVE',
    default: 'best-total',
    description:
      'What a cohort proposal maximises: best-total (the total score; never below first come, best served) or place-most (as many trainees placed as possible, then the total score).',
  },
  {
    name: 'MATCH_WEIGHTS',
    default: 'specialty=3,interests=1,stage=2,region=2,preferences=2,choice=4',
    description:
      "Points per criterion, whole numbers 0 to 100: specialty (same; related gets half), interests (per shared tag, up to 3), stage (e-mentor two or more stages on; one stage gets half), region (as MATCH_REGION says), preferences (per trainee preference met), choice (the trainee's first choice; second half). Keys left out keep their default.",
  },
  {
    name: 'MATCH_ACCEPT_DAYS',
    default: '5',
    description:
      "Working days (Mon-Fri) an e-mentor has to ACCEPT or DECLINE a request; one reminder half way; then the trainee's next choice is asked.",
  },
  {
    name: 'MENTORMAIL_PULSE',
    default: 'templates/pulse.yml',
    description:
      'The pulse: five optional 1-to-5 ratings at the end of each questionnaire, two for e-mentors at the end of the forward (YAML); enabled: false in it turns the pulse off.',
  },
  {
    name: 'HEALTH_TOO_EARLY_ROUNDS',
    default: '2',
    description: 'A pair is "Too early to tell" until this many questionnaires have gone out (1 to 12).',
  },
  {
    name: 'HEALTH_TRAINEE_LATE_DAYS',
    default: '14',
    description: 'A questionnaire answered more than this many days after it was sent counts as late.',
  },
  {
    name: 'HEALTH_ON_TIME_PERCENT',
    default: '50',
    description: 'Needs a check-in when fewer than this percent of the last HEALTH_ON_TIME_ROUNDS questionnaires were answered on time.',
  },
  { name: 'HEALTH_ON_TIME_ROUNDS', default: '3', description: 'How many recent questionnaires HEALTH_ON_TIME_PERCENT looks at.' },
  {
    name: 'HEALTH_MENTOR_NUDGE_DAYS',
    default: '7',
    description:
      'Days after answers are forwarded without an e-mentor reply before one gentle nudge to the e-mentor, once per round (0: never).',
  },
  {
    name: 'HEALTH_MENTOR_ALERT_DAYS',
    default: '14',
    description: 'Days after answers are forwarded without an e-mentor reply before the coordinator is alerted, once per round (0: never).',
  },
  {
    name: 'HEALTH_MENTOR_CHECKIN_DAYS',
    default: '21',
    description: 'Days after answers are forwarded without an e-mentor reply before the pair needs a check-in.',
  },
  {
    name: 'HEALTH_SILENT_ROUNDS',
    default: '2',
    description: 'Needs a check-in after this many rounds in a row with no message either way beyond the questionnaire.',
  },
  {
    name: 'HEALTH_BALANCE_MIN',
    default: '0.5',
    description:
      'Needs a check-in when e-mentor messages divided by trainee messages is below this for HEALTH_BALANCE_ROUNDS rounds in a row.',
  },
  {
    name: 'HEALTH_BALANCE_MAX',
    default: '2',
    description:
      'Needs a check-in when e-mentor messages divided by trainee messages is above this for HEALTH_BALANCE_ROUNDS rounds in a row.',
  },
  { name: 'HEALTH_BALANCE_ROUNDS', default: '2', description: 'Rounds in a row that the balance must be outside its limits.' },
  {
    name: 'HEALTH_SHORT_WORDS',
    default: '50',
    description: 'A reply of at most this many words (its own words, not the quoted mail) is short.',
  },
  { name: 'HEALTH_LONG_WORDS', default: '200', description: 'A reply of more than this many words is long; between the two it is medium.' },
  {
    name: 'HEALTH_SHORT_ROUNDS',
    default: '3',
    description: "Needs a check-in when the e-mentor's replies were all short in this many rounds in a row.",
  },
  { name: 'HEALTH_PULSE_LOW', default: '2', description: 'Needs a check-in when any pulse rating (1 to 5) is at or below this.' },
  {
    name: 'HEALTH_PULSE_DROP',
    default: '2',
    description: "Needs a check-in when a person's overall pulse rating falls by at least this much from their previous one.",
  },
  {
    name: 'REPORT_EMAIL',
    default: 'off',
    description: 'monthly: email the coordinator the report (text, with report.html attached) on the first tick of each month; off: never.',
  },
] as const satisfies readonly ConfigVariable[];

/** Every variable, its default and meaning: the source of the README's configuration table. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = VARIABLES;

type VariableName = (typeof VARIABLES)[number]['name'];
type RawVariables = Partial<Record<VariableName, string>>;

const VARIABLE_NAMES: readonly VariableName[] = VARIABLES.map((v) => v.name);
const SECRETS: ReadonlySet<string> = new Set<VariableName>(['SMTP_PASS', 'IMAP_PASS']);
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// One parser per kind of value. Each returns the value or a problem phrased to follow
// "NAME: ", saying what is expected and, except for secrets, what was given.

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

function got(raw: string): string {
  const shown = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  return `(got ${JSON.stringify(shown)})`;
}

/**
 * One variable's rule: its parser, and what an unset variable reads as. Plain code rather than
 * a schema library: the parsers below do the checking, and loading zod cost 65-90 ms of every
 * command's start.
 */
class Field<T, Out> {
  private constructor(
    readonly parse: (raw: string) => Parsed<T>,
    /** Read as if this had been given when the variable is unset; none: unset stays undefined. */
    readonly whenUnset: string | undefined,
  ) {}

  static of<T>(parse: (raw: string) => Parsed<T>): Field<T, T | undefined> {
    return new Field<T, T | undefined>(parse, undefined);
  }

  /** Unset stays undefined (the default for a field without a default). */
  optional(): Field<T, T | undefined> {
    return new Field<T, T | undefined>(this.parse, undefined);
  }

  /** Unset reads as `raw`, which is parsed and checked like a value that was set. */
  prefault(raw: string): Field<T, T> {
    return new Field<T, T>(this.parse, raw);
  }

  /** The value for what was given, or for nothing given. */
  read(given: string | undefined): Parsed<Out> {
    const raw = given ?? this.whenUnset;
    return (raw === undefined ? ok(undefined) : this.parse(raw)) as Parsed<Out>;
  }
}

function field<T>(parse: (raw: string) => Parsed<T>): Field<T, T | undefined> {
  return Field.of(parse);
}

const text = (raw: string): Parsed<string> => ok(raw);

function singleLine(raw: string): Parsed<string> {
  // It goes into a From header: a line break would let it add headers of its own.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return /[\u0000-\u001f\u007f]/.test(raw) ? bad(`must be a single line of text ${got(raw)}`) : ok(raw);
}

function wholeNumber(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    return n >= min && n <= max ? ok(n) : bad(`must be a whole number from ${min} to ${max} ${got(raw)}`);
  };
}

function megabytes(min: number, max: number) {
  const parseNumber = wholeNumber(min, max);
  return (raw: string): Parsed<number> => {
    const n = parseNumber(raw);
    return n.ok ? ok(n.value * MB) : bad(`must be a whole number of megabytes from ${min} to ${max} ${got(raw)}`);
  };
}

function yesNo(raw: string): Parsed<boolean> {
  const v = raw.toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return ok(true);
  if (['false', 'no', '0'].includes(v)) return ok(false);
  return bad(`must be true or false (also yes/no, 1/0) ${got(raw)}`);
}

// Deliberately simple: no spaces, one @, a dotted host name. "localhost" domains are allowed
// because local-folder mode and loopback test servers use them.
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

function emailAddress(raw: string): Parsed<string> {
  return ADDRESS.test(raw) ? ok(raw) : bad(`must be an email address such as name@example.org ${got(raw)}`);
}

function botAddress(raw: string): Parsed<string> {
  const address = emailAddress(raw);
  if (address.ok && raw.includes('+')) {
    return bad(`must not contain "+": replies come back to its plus-addresses (local+TOKEN@domain) ${got(raw)}`);
  }
  return address;
}

function timeZone(raw: string): Parsed<string> {
  try {
    // Intl knows the IANA zones; resolvedOptions gives the canonical spelling ("europe/london" → "Europe/London").
    return ok(new Intl.DateTimeFormat(undefined, { timeZone: raw }).resolvedOptions().timeZone);
  } catch {
    return bad(`must be an IANA time zone name such as Europe/London ${got(raw)}`);
  }
}

function cronExpression(raw: string): Parsed<string> {
  // Only `run` schedules: node-cron is loaded to check an expression someone set, not the default.
  if (raw === DEFAULT_CRON) return ok(raw);
  let valid: boolean;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see lazy.ts
    valid = (require('node-cron') as typeof import('node-cron')).validate(raw);
  } catch {
    valid = false;
  }
  return valid ? ok(raw) : bad(`must be a cron expression such as "*/10 * * * *" (minute hour day-of-month month day-of-week) ${got(raw)}`);
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon-Fri", "Mon,Wed,Fri", "Sat-Sun", "Fri-Mon" (wraps) → sorted ISO weekdays. */
function sendDays(raw: string): Parsed<number[]> {
  const problem = bad(`must be three-letter day names as a range or list, such as Mon-Fri or Mon,Wed,Fri ${got(raw)}`);
  const days = new Set<number>();
  for (const item of raw.split(',').map((s) => s.trim())) {
    const ends = item.split('-').map((s) => DAY_NAMES.indexOf(s.trim().toLowerCase()) + 1);
    if (ends.length > 2 || ends.some((d) => d === 0)) return problem;
    const [from, to = from] = ends;
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  return ok([...days].sort((a, b) => a - b));
}

/** "09:00-17:00" → minutes after midnight; the end may be 24:00. */
function sendHours(raw: string): Parsed<{ startMinute: number; endMinute: number }> {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(raw);
  const minute = (h: string, mm: string) => (Number(mm) < 60 ? Number(h) * 60 + Number(mm) : NaN);
  const start = m ? minute(m[1], m[2]) : NaN;
  const end = m ? minute(m[3], m[4]) : NaN;
  if (!(start >= 0 && start < 1440 && end <= 1440)) {
    return bad(`must be two 24-hour times HH:MM-HH:MM, such as 09:00-17:00 ${got(raw)}`);
  }
  if (!(start < end)) return bad(`must start before it ends, within one day, such as 09:00-17:00 ${got(raw)}`);
  return ok({ startMinute: start, endMinute: end });
}

function mailAuthKind(raw: string): Parsed<'password' | 'oauth2'> {
  const v = raw.toLowerCase();
  return v === 'password' || v === 'oauth2' ? ok(v) : bad(`must be password or oauth2 ${got(raw)}`);
}

function oauthProvider(raw: string): Parsed<'microsoft' | 'google' | 'generic'> {
  const v = raw.toLowerCase();
  return v === 'microsoft' || v === 'google' || v === 'generic' ? ok(v) : bad(`must be microsoft, google or generic ${got(raw)}`);
}

function tenantId(raw: string): Parsed<string> {
  return isTenant(raw)
    ? ok(raw)
    : bad(`must be the Directory (tenant) ID, a GUID, or a domain of the organisation such as nhs.net ${got(raw)}`);
}

function tokenUrl(raw: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad(`must be a URL such as https://login.example.org/oauth2/token ${got(redactUrl(raw))}`);
  }
  if (url.username || url.password)
    return bad(`must not hold credentials (the client secret goes in OAUTH_CLIENT_SECRET_FILE) ${got(redactUrl(raw))}`);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return ok(url.toString());
  return bad(`must start with https:// (http:// only to this machine) ${got(raw)}`);
}

function regionPolicy(raw: string): Parsed<RegionPolicy> {
  const v = raw.toLowerCase();
  return v === 'ignore' || v === 'prefer-same' || v === 'prefer-different'
    ? ok(v)
    : bad(`must be one of prefer-same, prefer-different, ignore ${got(raw)}`);
}

function matchObjective(raw: string): Parsed<MatchObjective> {
  const v = raw.toLowerCase();
  return v === 'best-total' || v === 'place-most' ? ok(v) : bad(`must be best-total or place-most ${got(raw)}`);
}

const WEIGHT_KEYS: readonly (keyof MatchWeights)[] = ['specialty', 'interests', 'stage', 'region', 'preferences', 'choice'];
const DEFAULT_WEIGHTS: MatchWeights = { specialty: 3, interests: 1, stage: 2, region: 2, preferences: 2, choice: 4 };

/** "specialty=3,interests=1": keys left out keep their default. */
function matchWeights(raw: string): Parsed<MatchWeights> {
  const weights = { ...DEFAULT_WEIGHTS };
  const problems: string[] = [];
  for (const item of raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^([a-z_]+)\s*=\s*(\d{1,3})$/i.exec(item);
    const key = m?.[1].toLowerCase() as keyof MatchWeights | undefined;
    if (!m || !key || !WEIGHT_KEYS.includes(key)) problems.push(`"${item}" is not key=number with a key from ${WEIGHT_KEYS.join(', ')}`);
    else if (Number(m[2]) > 100) problems.push(`${key} must be from 0 to 100`);
    else weights[key] = Number(m[2]);
  }
  return problems.length > 0 ? bad(`${problems.join('; ')} ${got(raw)}`) : ok(weights);
}

/** A number with an optional decimal point, such as 0.5. */
function decimal(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    const n = /^\d{1,6}(\.\d{1,6})?$/.test(raw) ? Number(raw) : NaN;
    return n >= min && n <= max ? ok(n) : bad(`must be a number from ${min} to ${max}, such as 0.5 ${got(raw)}`);
  };
}

function reportEmail(raw: string): Parsed<'off' | 'monthly'> {
  const v = raw.toLowerCase();
  return v === 'off' || v === 'monthly' ? ok(v) : bad(`must be off or monthly ${got(raw)}`);
}

function logLevel(raw: string): Parsed<LogLevel> {
  const v = raw.toLowerCase();
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error'
    ? ok(v)
    : bad(`must be one of debug, info, warn, error ${got(raw)}`);
}

/** Hides anything before the last "@" of a URL (the credentials) so errors never show a password. */
function redactUrl(raw: string): string {
  return raw.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?.*@/is, (_match, scheme: string | undefined) => `${scheme ?? ''}***@`);
}

export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (h === 'localhost' || h === '::1') return true;
  // IPv4 127.0.0.0/8, also as an IPv4-mapped IPv6 address (which URL writes as ::ffff:7fxx:xxxx).
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255);
  return /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(h);
}

function serverUrl(protocol: 'smtp' | 'imap', plainPort: number, tlsPort: number) {
  const example = `${protocol}s://user:password@mail.example.org`;
  return (raw: string): Parsed<ServerEndpoint> => {
    const shown = got(redactUrl(raw));
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return bad(`must be a URL such as ${example} ${shown}`);
    }
    const scheme = url.protocol.replace(/:$/, '').toLowerCase();
    if (scheme !== protocol && scheme !== `${protocol}s`) {
      return bad(`must start with ${protocol}:// or ${protocol}s:// ${shown}`);
    }
    // Non-special URL schemes keep the host as typed, so normalise case here.
    const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (!host) return bad(`must include a host name, as in ${example} ${shown}`);
    if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
      const hint = protocol === 'imap' ? ' (choose the mailbox with IMAP_MAILBOX)' : '';
      return bad(`must not have a path, query or fragment${hint} ${shown}`);
    }
    const implicit = scheme.endsWith('s');
    const port = url.port ? Number(url.port) : implicit ? tlsPort : plainPort;
    if (port < 1) return bad(`must have a port from 1 to 65535 ${shown}`);
    let user: string;
    let pass: string;
    try {
      user = decodeURIComponent(url.username);
      pass = decodeURIComponent(url.password);
    } catch {
      return bad(`has credentials that are not valid percent-encoding (write "%" as %25) ${shown}`);
    }
    // TLS is required except to this machine, where test servers and local relays live.
    const tls = implicit ? 'implicit' : isLoopbackHost(host) ? 'none' : 'starttls';
    return ok({ host, port, tls, ...(user ? { user } : {}), ...(pass ? { pass } : {}) });
  };
}

// ---------------------------------------------------------------------------------------------

const D = Object.fromEntries(VARIABLES.map((v) => [v.name, v.default])) as Record<VariableName, string | null>;
const withDefault = <T>(name: VariableName, f: Field<T, T | undefined>) => f.prefault(D[name] ?? '');

const schema = {
  MENTORMAIL_DB: withDefault('MENTORMAIL_DB', field(text)),
  MENTORMAIL_ADDRESS: field(botAddress).optional(), // default depends on the mode
  MENTORMAIL_FROM_NAME: withDefault('MENTORMAIL_FROM_NAME', field(singleLine)),
  MENTORMAIL_COORDINATOR: field(emailAddress).optional(), // default depends on the mode
  SMTP_URL: field(serverUrl('smtp', 25, 465)).optional(),
  SMTP_USER: field(text).optional(),
  SMTP_PASS: field(text).optional(),
  IMAP_URL: field(serverUrl('imap', 143, 993)).optional(),
  IMAP_USER: field(text).optional(),
  IMAP_PASS: field(text).optional(),
  IMAP_MAILBOX: withDefault('IMAP_MAILBOX', field(singleLine)),
  IMAP_PROCESSED_MAILBOX: field(singleLine).optional(),
  MAIL_AUTH: withDefault('MAIL_AUTH', field(mailAuthKind)),
  OAUTH_PROVIDER: field(oauthProvider).optional(),
  OAUTH_TENANT_ID: field(tenantId).optional(),
  OAUTH_CLIENT_ID: field(singleLine).optional(),
  OAUTH_CLIENT_SECRET_FILE: field(text).optional(),
  OAUTH_CLIENT_CERT_FILE: field(text).optional(),
  OAUTH_SERVICE_ACCOUNT_FILE: field(text).optional(),
  OAUTH_REFRESH_TOKEN_FILE: field(text).optional(),
  OAUTH_TOKEN_URL: field(tokenUrl).optional(),
  OAUTH_SCOPE: field(singleLine).optional(),
  MENTORMAIL_MAILDIR: withDefault('MENTORMAIL_MAILDIR', field(text)),
  MENTORMAIL_TZ: withDefault('MENTORMAIL_TZ', field(timeZone)),
  MENTORMAIL_CRON: withDefault('MENTORMAIL_CRON', field(cronExpression)),
  CYCLE_MONTHS: withDefault('CYCLE_MONTHS', field(wholeNumber(1, 12))),
  SEND_DAYS: withDefault('SEND_DAYS', field(sendDays)),
  SEND_HOURS: withDefault('SEND_HOURS', field(sendHours)),
  REMIND_AFTER_DAYS: withDefault('REMIND_AFTER_DAYS', field(wholeNumber(1, 365))),
  REMIND_EVERY_DAYS: withDefault('REMIND_EVERY_DAYS', field(wholeNumber(1, 365))),
  MAX_REMINDERS: withDefault('MAX_REMINDERS', field(wholeNumber(0, 10))),
  MENTOR_FEEDBACK_DAYS: withDefault('MENTOR_FEEDBACK_DAYS', field(wholeNumber(1, 365))),
  RELAY_MAX_ATTACHMENT_MB: withDefault('RELAY_MAX_ATTACHMENT_MB', field(megabytes(0, 1000))),
  MAX_MESSAGE_MB: withDefault('MAX_MESSAGE_MB', field(megabytes(1, 1000))),
  MENTORMAIL_SHOW_ADDRESSES: withDefault('MENTORMAIL_SHOW_ADDRESSES', field(yesNo)),
  // The listed default is for people; the real one is the shipped file's absolute path.
  MENTORMAIL_QUESTIONNAIRE: field(text).prefault(DEFAULT_QUESTIONNAIRE_PATH),
  MENTORMAIL_LOG_LEVEL: withDefault('MENTORMAIL_LOG_LEVEL', field(logLevel)),
  // As for the questionnaire: the real default is the shipped file's absolute path.
  MENTORMAIL_PROFILES: field(text).prefault(DEFAULT_PROFILES_PATH),
  MATCH_REGION: withDefault('MATCH_REGION', field(regionPolicy)),
  MATCH_OBJECTIVE: withDefault('MATCH_OBJECTIVE', field(matchObjective)),
  MATCH_WEIGHTS: withDefault('MATCH_WEIGHTS', field(matchWeights)),
  MATCH_ACCEPT_DAYS: withDefault('MATCH_ACCEPT_DAYS', field(wholeNumber(1, 30))),
  // The listed default is for people; the real one is the shipped file's absolute path.
  MENTORMAIL_PULSE: field(text).prefault(path.join(TEMPLATES_DIR, 'pulse.yml')),
  HEALTH_TOO_EARLY_ROUNDS: withDefault('HEALTH_TOO_EARLY_ROUNDS', field(wholeNumber(1, 12))),
  HEALTH_TRAINEE_LATE_DAYS: withDefault('HEALTH_TRAINEE_LATE_DAYS', field(wholeNumber(1, 365))),
  HEALTH_ON_TIME_PERCENT: withDefault('HEALTH_ON_TIME_PERCENT', field(wholeNumber(0, 100))),
  HEALTH_ON_TIME_ROUNDS: withDefault('HEALTH_ON_TIME_ROUNDS', field(wholeNumber(1, 12))),
  HEALTH_MENTOR_NUDGE_DAYS: withDefault('HEALTH_MENTOR_NUDGE_DAYS', field(wholeNumber(0, 365))),
  HEALTH_MENTOR_ALERT_DAYS: withDefault('HEALTH_MENTOR_ALERT_DAYS', field(wholeNumber(0, 365))),
  HEALTH_MENTOR_CHECKIN_DAYS: withDefault('HEALTH_MENTOR_CHECKIN_DAYS', field(wholeNumber(1, 365))),
  HEALTH_SILENT_ROUNDS: withDefault('HEALTH_SILENT_ROUNDS', field(wholeNumber(1, 12))),
  HEALTH_BALANCE_MIN: withDefault('HEALTH_BALANCE_MIN', field(decimal(0, 100))),
  HEALTH_BALANCE_MAX: withDefault('HEALTH_BALANCE_MAX', field(decimal(0, 100))),
  HEALTH_BALANCE_ROUNDS: withDefault('HEALTH_BALANCE_ROUNDS', field(wholeNumber(1, 12))),
  HEALTH_SHORT_WORDS: withDefault('HEALTH_SHORT_WORDS', field(wholeNumber(0, 100_000))),
  HEALTH_LONG_WORDS: withDefault('HEALTH_LONG_WORDS', field(wholeNumber(1, 100_000))),
  HEALTH_SHORT_ROUNDS: withDefault('HEALTH_SHORT_ROUNDS', field(wholeNumber(1, 12))),
  HEALTH_PULSE_LOW: withDefault('HEALTH_PULSE_LOW', field(wholeNumber(0, 5))),
  HEALTH_PULSE_DROP: withDefault('HEALTH_PULSE_DROP', field(wholeNumber(1, 4))),
  REPORT_EMAIL: withDefault('REPORT_EMAIL', field(reportEmail)),
} satisfies Record<VariableName, Field<unknown, unknown>>;

type Values = { [K in VariableName]: (typeof schema)[K] extends Field<unknown, infer Out> ? Out : never };

interface Problem {
  variable: VariableName;
  problem: string;
}

/** Rules that tie variables together; they look only at what is set, so they run even when values are bad. */
function crossCheck(raw: RawVariables): Problem[] {
  const problems: Problem[] = [];
  const { SMTP_URL: smtp, IMAP_URL: imap } = raw;
  if (smtp && !imap) {
    problems.push({
      variable: 'IMAP_URL',
      problem: 'must be set when SMTP_URL is set (set both for a mail server, or neither for the local mail folder)',
    });
  }
  if (imap && !smtp) {
    problems.push({
      variable: 'SMTP_URL',
      problem: 'must be set when IMAP_URL is set (set both for a mail server, or neither for the local mail folder)',
    });
  }
  if ((smtp || imap) && !raw.MENTORMAIL_ADDRESS) {
    problems.push({
      variable: 'MENTORMAIL_ADDRESS',
      problem: 'is required when SMTP_URL or IMAP_URL is set: the bot mailbox address, such as e-mentoring@example.org',
    });
  }
  if (smtp && !raw.MENTORMAIL_COORDINATOR) {
    problems.push({
      variable: 'MENTORMAIL_COORDINATOR',
      problem: 'is required when SMTP_URL is set: the address status alerts go to, such as coordinator@example.org',
    });
  }
  for (const [protocol, url, user, pass] of [
    ['SMTP', smtp, raw.SMTP_USER, raw.SMTP_PASS],
    ['IMAP', imap, raw.IMAP_USER, raw.IMAP_PASS],
  ] as const) {
    if (url && pass !== undefined && !user && !userInUrl(url)) {
      problems.push({
        variable: `${protocol}_PASS`,
        problem: `is set but there is no user name to go with it (set ${protocol}_USER, or put the user in ${protocol}_URL)`,
      });
    }
  }
  problems.push(...mailAuthProblems(raw, passwordInUrl));
  // Pairs of limits: each is checked only when both are good numbers (their own problems are reported by their fields).
  const limits = [
    ['HEALTH_SHORT_WORDS', 'HEALTH_LONG_WORDS'],
    ['HEALTH_BALANCE_MIN', 'HEALTH_BALANCE_MAX'],
  ] as const;
  for (const [low, high] of limits) {
    const a = Number(raw[low] ?? D[low]);
    const b = Number(raw[high] ?? D[high]);
    if (Number.isFinite(a) && Number.isFinite(b) && !(a < b)) {
      problems.push({ variable: high, problem: `must be more than ${low} (${a}) ${got(String(raw[high] ?? D[high]))}` });
    }
  }
  const inbox = raw.IMAP_MAILBOX ?? 'INBOX';
  const processed = raw.IMAP_PROCESSED_MAILBOX;
  // IMAP treats INBOX case-insensitively and other names exactly.
  if (processed && (processed === inbox || (processed.toUpperCase() === 'INBOX' && inbox.toUpperCase() === 'INBOX'))) {
    problems.push({
      variable: 'IMAP_PROCESSED_MAILBOX',
      problem: `must differ from IMAP_MAILBOX, or processed mail would stay where new mail is read ${got(processed)}`,
    });
  }
  return problems;
}

function passwordInUrl(raw: string): boolean {
  try {
    return new URL(raw).password !== '';
  } catch {
    return false; // the URL's own problem is reported by its field
  }
}

function userInUrl(raw: string): boolean {
  try {
    return new URL(raw).username !== '';
  } catch {
    return false; // the URL's own problem is reported by its field
  }
}

/** Known variables only; surrounding blanks trimmed (not from passwords); empty means unset. */
function readVariables(env: Record<string, string | undefined>): RawVariables {
  const raw: RawVariables = {};
  for (const name of VARIABLE_NAMES) {
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    raw[name] = SECRETS.has(name) ? value : value.trim();
  }
  return raw;
}

function localTransport(maildir: string): TransportConfig {
  return {
    kind: 'local',
    maildir,
    outboxDir: path.join(maildir, 'outbox'),
    inboxDir: path.join(maildir, 'inbox'),
    processedDir: path.join(maildir, 'processed'),
  };
}

/** Parses configuration from environment variables. Pure: paths are left as written. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw = readVariables(env);
  const problems = crossCheck(raw);
  const values: Partial<Record<VariableName, unknown>> = {};
  for (const name of VARIABLE_NAMES) {
    const result = (schema[name] as Field<unknown, unknown>).read(raw[name]);
    if (result.ok) values[name] = result.value;
    else problems.push({ variable: name, problem: result.problem });
  }
  if (problems.length > 0) {
    // Listed in the documented order, so the output reads like the configuration table.
    problems.sort((a, b) => VARIABLE_NAMES.indexOf(a.variable) - VARIABLE_NAMES.indexOf(b.variable));
    const details = problems.map((p) => `${p.variable}: ${p.problem}`);
    throw new MentormailError('CONFIG_INVALID', 'Invalid configuration', details);
  }
  const v = values as Values;

  const credentials = (user: string | undefined, pass: string | undefined) => ({
    ...(user !== undefined ? { user } : {}),
    ...(pass !== undefined ? { pass } : {}),
  });
  const auth = mailAuthFrom(v);
  // With OAuth2 the login is the mailbox itself: the bot's address unless a user is given.
  const imapUser = auth.kind === 'oauth2' ? (v.IMAP_USER ?? v.IMAP_URL?.user ?? v.MENTORMAIL_ADDRESS) : v.IMAP_USER;
  const smtpUser = auth.kind === 'oauth2' ? (v.SMTP_USER ?? v.SMTP_URL?.user ?? imapUser) : v.SMTP_USER;
  const transport: TransportConfig =
    v.SMTP_URL && v.IMAP_URL
      ? {
          kind: 'server',
          smtp: { ...v.SMTP_URL, ...credentials(smtpUser, v.SMTP_PASS) },
          imap: {
            ...v.IMAP_URL,
            ...credentials(imapUser, v.IMAP_PASS),
            mailbox: v.IMAP_MAILBOX,
            ...(v.IMAP_PROCESSED_MAILBOX !== undefined ? { processedMailbox: v.IMAP_PROCESSED_MAILBOX } : {}),
          },
          auth,
        }
      : localTransport(v.MENTORMAIL_MAILDIR);

  return {
    dbPath: v.MENTORMAIL_DB,
    address: v.MENTORMAIL_ADDRESS ?? LOCAL_ADDRESS,
    fromName: v.MENTORMAIL_FROM_NAME,
    coordinator: v.MENTORMAIL_COORDINATOR ?? LOCAL_COORDINATOR,
    transport,
    timeZone: v.MENTORMAIL_TZ,
    cron: v.MENTORMAIL_CRON,
    cycleMonths: v.CYCLE_MONTHS,
    window: { days: v.SEND_DAYS, ...v.SEND_HOURS },
    remindAfterDays: v.REMIND_AFTER_DAYS,
    remindEveryDays: v.REMIND_EVERY_DAYS,
    maxReminders: v.MAX_REMINDERS,
    mentorFeedbackDays: v.MENTOR_FEEDBACK_DAYS,
    relayMaxAttachmentBytes: v.RELAY_MAX_ATTACHMENT_MB,
    maxMessageBytes: v.MAX_MESSAGE_MB,
    showAddresses: v.MENTORMAIL_SHOW_ADDRESSES,
    questionnairePath: v.MENTORMAIL_QUESTIONNAIRE,
    logLevel: v.MENTORMAIL_LOG_LEVEL,
    profilesPath: v.MENTORMAIL_PROFILES,
    matching: { region: v.MATCH_REGION, objective: v.MATCH_OBJECTIVE, weights: v.MATCH_WEIGHTS, acceptDays: v.MATCH_ACCEPT_DAYS },
    pulsePath: v.MENTORMAIL_PULSE,
    health: {
      tooEarlyRounds: v.HEALTH_TOO_EARLY_ROUNDS,
      traineeLateDays: v.HEALTH_TRAINEE_LATE_DAYS,
      onTimeShare: v.HEALTH_ON_TIME_PERCENT / 100,
      onTimeRounds: v.HEALTH_ON_TIME_ROUNDS,
      mentorNudgeDays: v.HEALTH_MENTOR_NUDGE_DAYS,
      mentorAlertDays: v.HEALTH_MENTOR_ALERT_DAYS,
      mentorCheckinDays: v.HEALTH_MENTOR_CHECKIN_DAYS,
      silentRounds: v.HEALTH_SILENT_ROUNDS,
      balanceMin: v.HEALTH_BALANCE_MIN,
      balanceMax: v.HEALTH_BALANCE_MAX,
      balanceRounds: v.HEALTH_BALANCE_ROUNDS,
      shortWords: v.HEALTH_SHORT_WORDS,
      longWords: v.HEALTH_LONG_WORDS,
      shortRounds: v.HEALTH_SHORT_ROUNDS,
      pulseLow: v.HEALTH_PULSE_LOW,
      pulseDrop: v.HEALTH_PULSE_DROP,
    },
    reportEmail: v.REPORT_EMAIL,
  };
}

/** The variables in `cwd`'s `.env` file, or none when there is no such file. */
function readEnvFile(cwd: string): Record<string, string> {
  try {
    return parseDotenv(fs.readFileSync(path.join(cwd, '.env')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    throw new MentormailError('CONFIG_INVALID', 'Invalid configuration', [`.env: could not be read (${code ?? String(err)})`]);
  }
}

/** Like dotenv itself: a variable present in the environment wins, even if it is empty. */
function mergeEnv(fromFile: Record<string, string>, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}

/**
 * Reads `.env` in `cwd` if there is one (without touching process.env), lets the real
 * environment override it, parses, and resolves relative paths against `cwd`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Config {
  const config = parseConfig(mergeEnv(readEnvFile(cwd), env));
  const resolve = (p: string) => (p === ':memory:' ? p : path.resolve(cwd, p)); // SQLite's in-memory name is not a path
  const t = config.transport;
  const transport = t.kind === 'local' ? localTransport(resolve(t.maildir)) : { ...t, auth: resolveSecretFiles(t.auth, resolve) };
  if (transport.kind === 'server') {
    // Not in parseConfig, which is pure: these look at the files (never at what they hold).
    const problems = secretFilesOf(transport.auth).flatMap(({ variable, file }) => {
      const problem = secretFileProblem(file);
      return problem ? [`${variable}: ${problem}`] : [];
    });
    if (problems.length > 0) throw new MentormailError('CONFIG_INVALID', 'Invalid configuration', problems);
  }
  return {
    ...config,
    dbPath: resolve(config.dbPath),
    questionnairePath: resolve(config.questionnairePath),
    pulsePath: resolve(config.pulsePath),
    profilesPath: resolve(config.profilesPath),
    transport,
  };
}

export type ConfigSource = 'environment' | '.env' | 'default' | 'not set';

export interface SettingInEffect {
  name: string;
  /** As it takes effect, with passwords masked. */
  value: string | null;
  source: ConfigSource;
  description: string;
}

const MASK = '********';

/** A server URL with its password masked (the user stays: it helps to see which account). */
function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.password) return raw;
    url.password = 'PASSWORD';
    return url.toString().replace(':PASSWORD@', `:${MASK}@`).replace(/\/$/, '');
  } catch {
    return redactUrl(raw);
  }
}

/**
 * Every variable's value in effect and where it came from (the environment, `.env`, or the
 * default), passwords masked: what `mentormail config` shows. Reads, never validates.
 */
export function settingsInEffect(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): SettingInEffect[] {
  const fromFile = readEnvFile(cwd);
  return VARIABLES.map((v): SettingInEffect => {
    const set = (value: string | undefined) => value !== undefined && value.trim() !== '';
    // The environment wins even when empty; empty means unset, so the default applies.
    const source: ConfigSource =
      env[v.name] !== undefined ? (set(env[v.name]) ? 'environment' : 'default') : set(fromFile[v.name]) ? '.env' : 'default';
    const raw = source === 'environment' ? env[v.name] : source === '.env' ? fromFile[v.name] : undefined;
    if (raw === undefined)
      return { name: v.name, value: v.default, source: v.default === null ? 'not set' : 'default', description: v.description };
    const value = SECRETS.has(v.name) ? MASK : v.name === 'SMTP_URL' || v.name === 'IMAP_URL' ? maskUrl(raw.trim()) : raw.trim();
    return { name: v.name, value, source, description: v.description };
  });
}
