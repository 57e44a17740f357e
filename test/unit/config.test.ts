import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, parseConfig, type Config } from '../../src/config';
import { MentormailError } from '../../src/errors';
import { DEFAULT_PROFILES_PATH } from '../../src/matching/vocabulary';
import { DEFAULT_QUESTIONNAIRE_PATH } from '../../src/questionnaire/definition';
import { DEFAULT_THRESHOLDS } from '../../src/health/thresholds';
import { TEMPLATES_DIR } from '../../src/paths';

/** The error details for an env that must fail. */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(MentormailError);
    const e = err as MentormailError;
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toBe('Invalid configuration');
    return e.details;
  }
  throw new Error('expected parseConfig to throw');
}

const SERVER = {
  SMTP_URL: 'smtps://mail.example.org',
  IMAP_URL: 'imaps://mail.example.org',
  MENTORMAIL_ADDRESS: 'e-mentoring@example.org',
  MENTORMAIL_COORDINATOR: 'coordinator@example.org',
};

function serverTransport(config: Config) {
  if (config.transport.kind !== 'server') throw new Error('expected server transport');
  return config.transport;
}

describe('parseConfig defaults', () => {
  it('runs in local-folder mode with documented defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      dbPath: 'data/mentormail.db',
      address: 'e-mentoring@localhost',
      fromName: 'E-mentoring',
      coordinator: 'coordinator@localhost',
      transport: {
        kind: 'local',
        maildir: 'data/mail',
        outboxDir: path.join('data/mail', 'outbox'),
        inboxDir: path.join('data/mail', 'inbox'),
        processedDir: path.join('data/mail', 'processed'),
      },
      timeZone: 'Europe/London',
      cron: '*/10 * * * *',
      cycleMonths: 2,
      window: { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 },
      remindAfterDays: 14,
      remindEveryDays: 7,
      maxReminders: 2,
      mentorFeedbackDays: 14,
      relayMaxAttachmentBytes: 10 * 1024 * 1024,
      maxMessageBytes: 25 * 1024 * 1024,
      showAddresses: false,
      questionnairePath: DEFAULT_QUESTIONNAIRE_PATH,
      logLevel: 'info',
      profilesPath: DEFAULT_PROFILES_PATH,
      matching: {
        region: 'ignore',
        objective: 'best-total',
        weights: { specialty: 3, interests: 1, stage: 2, region: 2, preferences: 2, choice: 4 },
        acceptDays: 5,
      },
      pulsePath: path.join(TEMPLATES_DIR, 'pulse.yml'),
      health: DEFAULT_THRESHOLDS,
      reportEmail: 'off',
    } satisfies Config);
  });

  it('treats empty and blank values as unset, and ignores unknown variables', () => {
    expect(parseConfig({ CYCLE_MONTHS: '', SEND_DAYS: '  ', PATH: '/usr/bin' })).toEqual(parseConfig({}));
  });

  it('documents every variable once, with the defaults parseConfig uses', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    const byName = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v]));
    expect(byName.MENTORMAIL_DB.default).toBe('data/mentormail.db');
    expect(byName.SEND_DAYS.default).toBe('Mon-Fri');
    expect(byName.SMTP_URL.default).toBeNull();
    for (const v of CONFIG_VARIABLES) expect(v.description.length).toBeGreaterThan(10);
    // Writing each documented default explicitly changes nothing (questionnaire aside: its
    // documented default is the display name of the shipped file).
    const explicit = Object.fromEntries(
      CONFIG_VARIABLES.filter(
        (v) =>
          v.default !== null && v.name !== 'MENTORMAIL_QUESTIONNAIRE' && v.name !== 'MENTORMAIL_PROFILES' && v.name !== 'MENTORMAIL_PULSE',
      ).map((v) => [v.name, v.default]),
    );
    expect(parseConfig(explicit as Record<string, string>)).toEqual(parseConfig({}));
  });
});

describe('parseConfig values', () => {
  it('parses numbers, booleans, levels and zones', () => {
    const c = parseConfig({
      CYCLE_MONTHS: '3',
      REMIND_AFTER_DAYS: '10',
      REMIND_EVERY_DAYS: '5',
      MAX_REMINDERS: '0',
      MENTOR_FEEDBACK_DAYS: '21',
      RELAY_MAX_ATTACHMENT_MB: '0',
      MAX_MESSAGE_MB: '50',
      MENTORMAIL_SHOW_ADDRESSES: 'YES',
      MENTORMAIL_LOG_LEVEL: 'Debug',
      MENTORMAIL_TZ: 'australia/sydney',
      MENTORMAIL_CRON: '0 * * * *',
      MENTORMAIL_FROM_NAME: 'Northern Deanery e-mentoring',
    });
    expect(c).toMatchObject({
      cycleMonths: 3,
      remindAfterDays: 10,
      remindEveryDays: 5,
      maxReminders: 0,
      mentorFeedbackDays: 21,
      relayMaxAttachmentBytes: 0,
      maxMessageBytes: 50 * 1024 * 1024,
      showAddresses: true,
      logLevel: 'debug',
      timeZone: 'Australia/Sydney',
      cron: '0 * * * *',
      fromName: 'Northern Deanery e-mentoring',
    });
    for (const [value, expected] of [
      ['true', true],
      ['1', true],
      ['no', false],
      ['0', false],
      ['False', false],
    ] as const) {
      expect(parseConfig({ MENTORMAIL_SHOW_ADDRESSES: value }).showAddresses).toBe(expected);
    }
  });

  it.each([
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['Mon,Wed,Fri', [1, 3, 5]],
    ['sat-sun', [6, 7]],
    ['SUN', [7]],
    ['Fri-Mon', [1, 5, 6, 7]],
    ['Mon-Tue, Thu', [1, 2, 4]],
  ])('SEND_DAYS %s → %j', (value, days) => {
    expect(parseConfig({ SEND_DAYS: value }).window.days).toEqual(days);
  });

  it.each([
    ['08:30-18:00', 8 * 60 + 30, 18 * 60],
    ['0:00-24:00', 0, 1440],
    ['9:15 - 12:45', 9 * 60 + 15, 12 * 60 + 45],
  ])('SEND_HOURS %s', (value, startMinute, endMinute) => {
    expect(parseConfig({ SEND_HOURS: value }).window).toMatchObject({ startMinute, endMinute });
  });
});

describe('parseConfig problems name their variable', () => {
  it.each([
    ['CYCLE_MONTHS', 'abc', 'CYCLE_MONTHS: must be a whole number from 1 to 12 (got "abc")'],
    ['CYCLE_MONTHS', '0', 'CYCLE_MONTHS: must be a whole number from 1 to 12 (got "0")'],
    ['CYCLE_MONTHS', '13', 'CYCLE_MONTHS: must be a whole number from 1 to 12 (got "13")'],
    ['CYCLE_MONTHS', '2.5', 'CYCLE_MONTHS: must be a whole number from 1 to 12 (got "2.5")'],
    ['MAX_REMINDERS', '11', 'MAX_REMINDERS: must be a whole number from 0 to 10 (got "11")'],
    ['MAX_REMINDERS', '-1', 'MAX_REMINDERS: must be a whole number from 0 to 10 (got "-1")'],
    ['REMIND_AFTER_DAYS', 'two weeks', 'REMIND_AFTER_DAYS: must be a whole number'],
    ['REMIND_EVERY_DAYS', '0', 'REMIND_EVERY_DAYS: must be a whole number'],
    ['MENTOR_FEEDBACK_DAYS', '1e3', 'MENTOR_FEEDBACK_DAYS: must be a whole number'],
    ['RELAY_MAX_ATTACHMENT_MB', '10MB', 'RELAY_MAX_ATTACHMENT_MB: must be a whole number of megabytes'],
    ['MAX_MESSAGE_MB', '0', 'MAX_MESSAGE_MB: must be a whole number of megabytes from 1'],
    ['MENTORMAIL_SHOW_ADDRESSES', 'maybe', 'MENTORMAIL_SHOW_ADDRESSES: must be true or false'],
    ['MENTORMAIL_LOG_LEVEL', 'verbose', 'MENTORMAIL_LOG_LEVEL: must be one of debug, info, warn, error (got "verbose")'],
    ['MENTORMAIL_TZ', 'Mars/Olympus_Mons', 'MENTORMAIL_TZ: must be an IANA time zone name'],
    ['MENTORMAIL_CRON', '*/10 * * *', 'MENTORMAIL_CRON: must be a cron expression'],
    ['MENTORMAIL_CRON', '61 * * * *', 'MENTORMAIL_CRON: must be a cron expression'],
    ['SEND_DAYS', 'Mon-Funday', 'SEND_DAYS: must be three-letter day names'],
    ['SEND_DAYS', 'Monday', 'SEND_DAYS: must be three-letter day names'],
    ['SEND_DAYS', 'Mon-Wed-Fri', 'SEND_DAYS: must be three-letter day names'],
    ['SEND_DAYS', 'Mon,,Fri', 'SEND_DAYS: must be three-letter day names'],
    ['SEND_HOURS', '9-5', 'SEND_HOURS: must be two 24-hour times'],
    ['SEND_HOURS', '09:00-25:00', 'SEND_HOURS: must be two 24-hour times'],
    ['SEND_HOURS', '09:60-17:00', 'SEND_HOURS: must be two 24-hour times'],
    ['SEND_HOURS', '17:00-09:00', 'SEND_HOURS: must start before it ends'],
    ['SEND_HOURS', '09:00-09:00', 'SEND_HOURS: must start before it ends'],
    ['MENTORMAIL_ADDRESS', 'not an address', 'MENTORMAIL_ADDRESS: must be an email address'],
    ['MENTORMAIL_ADDRESS', 'bot+x@example.org', 'MENTORMAIL_ADDRESS: must not contain "+"'],
    ['MENTORMAIL_COORDINATOR', 'coordinator@', 'MENTORMAIL_COORDINATOR: must be an email address'],
    ['MENTORMAIL_FROM_NAME', 'Bot\r\nBcc: x@example.org', 'MENTORMAIL_FROM_NAME: must be a single line'],
  ])('%s=%j', (name, value, expected) => {
    const details = problems({ [name]: value });
    expect(details).toHaveLength(1);
    expect(details[0].startsWith(expected)).toBe(true);
  });

  it('reports every bad variable at once, in documented order', () => {
    const details = problems({
      MENTORMAIL_LOG_LEVEL: 'loud',
      CYCLE_MONTHS: 'abc',
      SEND_DAYS: 'Funday',
      MENTORMAIL_TZ: 'Nowhere/Special',
      MENTORMAIL_ADDRESS: 'a+b@example.org',
    });
    expect(details.map((d) => d.split(':')[0])).toEqual([
      'MENTORMAIL_ADDRESS',
      'MENTORMAIL_TZ',
      'CYCLE_MONTHS',
      'SEND_DAYS',
      'MENTORMAIL_LOG_LEVEL',
    ]);
  });

  it('reports rules between variables alongside bad values', () => {
    const details = problems({ SMTP_URL: 'smtps://mail.example.org', CYCLE_MONTHS: 'x' });
    expect(details).toEqual([
      expect.stringMatching(/^MENTORMAIL_ADDRESS: is required when SMTP_URL or IMAP_URL is set/),
      expect.stringMatching(/^MENTORMAIL_COORDINATOR: is required when SMTP_URL is set/),
      expect.stringMatching(/^IMAP_URL: must be set when SMTP_URL is set/),
      expect.stringMatching(/^CYCLE_MONTHS: /),
    ]);
  });
});

describe('mail servers', () => {
  it('needs both SMTP_URL and IMAP_URL, or neither', () => {
    expect(problems({ ...SERVER, SMTP_URL: undefined })).toEqual([expect.stringMatching(/^SMTP_URL: must be set when IMAP_URL is set/)]);
    expect(problems({ ...SERVER, IMAP_URL: '' })).toEqual([expect.stringMatching(/^IMAP_URL: must be set when SMTP_URL is set/)]);
  });

  it('requires the bot address in server mode but not the coordinator for IMAP alone', () => {
    expect(problems({ IMAP_URL: 'imaps://mail.example.org' })).toEqual([
      expect.stringMatching(/^MENTORMAIL_ADDRESS: is required/),
      expect.stringMatching(/^SMTP_URL: must be set/),
    ]);
  });

  it('uses default ports and the TLS rule', () => {
    const t = serverTransport(parseConfig(SERVER));
    expect(t.smtp).toEqual({ host: 'mail.example.org', port: 465, tls: 'implicit' });
    expect(t.imap).toEqual({ host: 'mail.example.org', port: 993, tls: 'implicit', mailbox: 'INBOX' });
  });

  it.each([
    ['imap://mail.example.org', 143, 'starttls'],
    ['imap://mail.example.org:1143', 1143, 'starttls'],
    ['imap://127.0.0.1:1143', 1143, 'none'],
    ['imap://127.12.0.3', 143, 'none'],
    ['imap://localhost', 143, 'none'],
    ['imap://LOCALHOST', 143, 'none'],
    ['imap://[::1]:1143', 1143, 'none'],
    ['imap://128.0.0.1', 143, 'starttls'],
    ['imap://localhost.example.org', 143, 'starttls'],
    ['imaps://127.0.0.1', 993, 'implicit'],
  ])('IMAP_URL=%s → port %d, tls %s', (url, port, tls) => {
    const { imap } = serverTransport(parseConfig({ ...SERVER, IMAP_URL: url }));
    expect(imap).toMatchObject({ port, tls });
  });

  it.each([
    ['smtp://mail.example.org', 25, 'starttls'],
    ['smtp://mail.example.org:587', 587, 'starttls'],
    ['smtps://mail.example.org', 465, 'implicit'],
    ['smtp://127.0.0.1:2525', 2525, 'none'],
  ])('SMTP_URL=%s → port %d, tls %s', (url, port, tls) => {
    const { smtp } = serverTransport(parseConfig({ ...SERVER, SMTP_URL: url }));
    expect(smtp).toMatchObject({ port, tls });
  });

  it.each([
    ['SMTP_URL', 'ftp://mail.example.org', 'SMTP_URL: must start with smtp:// or smtps://'],
    ['SMTP_URL', 'mail.example.org', 'SMTP_URL: must be a URL'],
    ['IMAP_URL', 'http://mail.example.org', 'IMAP_URL: must start with imap:// or imaps://'],
    ['IMAP_URL', 'imaps://mail.example.org/Archive', 'IMAP_URL: must not have a path'],
    ['IMAP_URL', 'imaps://mail.example.org:0', 'IMAP_URL: must have a port'],
    ['IMAP_URL', 'imaps://mail.example.org:99999', 'IMAP_URL: must be a URL'],
  ])('%s=%s is refused', (name, value, expected) => {
    const details = problems({ ...SERVER, [name]: value });
    expect(details).toEqual([expect.stringContaining(expected)]);
  });

  it('takes URL-encoded credentials from the URL', () => {
    const t = serverTransport(parseConfig({ ...SERVER, SMTP_URL: 'smtps://bot%40example.org:p%40ss%3Aw0rd@mail.example.org:2465' }));
    expect(t.smtp).toEqual({ host: 'mail.example.org', port: 2465, tls: 'implicit', user: 'bot@example.org', pass: 'p@ss:w0rd' });
  });

  it('lets *_USER and *_PASS override the URL, keeping passwords exactly as given', () => {
    const t = serverTransport(
      parseConfig({
        ...SERVER,
        SMTP_URL: 'smtps://old:oldpass@mail.example.org',
        SMTP_USER: 'new',
        SMTP_PASS: ' spaced pass ',
        IMAP_USER: 'imapuser',
        IMAP_PASS: 'imappass',
        IMAP_MAILBOX: 'Mentoring',
        IMAP_PROCESSED_MAILBOX: 'Mentoring/Done',
      }),
    );
    expect(t.smtp).toMatchObject({ user: 'new', pass: ' spaced pass ' });
    expect(t.imap).toMatchObject({ user: 'imapuser', pass: 'imappass', mailbox: 'Mentoring', processedMailbox: 'Mentoring/Done' });
  });

  it('refuses a password with no user name, and a processed mailbox equal to the inbox', () => {
    expect(problems({ ...SERVER, IMAP_PASS: 'secret', IMAP_PROCESSED_MAILBOX: 'inbox' })).toEqual([
      expect.stringMatching(/^IMAP_PASS: is set but there is no user name/),
      expect.stringMatching(/^IMAP_PROCESSED_MAILBOX: must differ from IMAP_MAILBOX/),
    ]);
  });

  it('never shows a password in error text', () => {
    const secret = 'Sup3rS3cret';
    const cases: Record<string, string>[] = [
      { SMTP_URL: `ftp://bob:${secret}@mail.example.org`, IMAP_URL: `imaps://bob:${secret}@mail.example.org/x` },
      { SMTP_URL: `bob:${secret}@mail.example.org`, IMAP_URL: `imaps://bob:${secret}@exa mple.org` },
      { SMTP_URL: `smtps://bob:${secret}@mail.example.org:0`, IMAP_URL: `imaps://bob:${secret}%zz@mail.example.org` },
      { SMTP_URL: `smtps://bob:p@${secret}@host:0`, IMAP_URL: 'imaps://h', SMTP_PASS: secret, IMAP_PASS: secret },
    ];
    for (const env of cases) {
      const details = problems(env);
      expect(details.length).toBeGreaterThan(0);
      for (const line of details) expect(line).not.toContain(secret);
    }
    // The shown URL keeps enough to recognise it.
    expect(problems({ ...SERVER, SMTP_URL: `ftp://bob:${secret}@mail.example.org` })).toEqual([
      'SMTP_URL: must start with smtp:// or smtps:// (got "ftp://***@mail.example.org")',
    ]);
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-config-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves relative paths against cwd, without a .env file', () => {
    const c = loadConfig({}, dir);
    expect(c.dbPath).toBe(path.join(dir, 'data', 'mentormail.db'));
    expect(c.transport).toEqual({
      kind: 'local',
      maildir: path.join(dir, 'data', 'mail'),
      outboxDir: path.join(dir, 'data', 'mail', 'outbox'),
      inboxDir: path.join(dir, 'data', 'mail', 'inbox'),
      processedDir: path.join(dir, 'data', 'mail', 'processed'),
    });
    expect(c.questionnairePath).toBe(DEFAULT_QUESTIONNAIRE_PATH);
  });

  it('reads .env and lets the real environment win, without touching process.env', () => {
    fs.writeFileSync(
      path.join(dir, '.env'),
      ['# local settings', 'CYCLE_MONTHS=3', 'MENTORMAIL_DB=db/test.db', 'SEND_DAYS="Mon,Wed"', 'MENTORMAIL_QUESTIONNAIRE=q.yml'].join(
        '\n',
      ),
    );
    const c = loadConfig({ CYCLE_MONTHS: '4', MENTORMAIL_DB: '/abs/elsewhere.db' }, dir);
    expect(c.cycleMonths).toBe(4);
    expect(c.dbPath).toBe(path.resolve('/abs/elsewhere.db'));
    expect(c.window.days).toEqual([1, 3]);
    expect(c.questionnairePath).toBe(path.join(dir, 'q.yml'));
    expect(process.env.SEND_DAYS).toBeUndefined();
  });

  it('reports bad values from .env by variable name', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'MAX_REMINDERS=lots\n');
    expect(() => loadConfig({}, dir)).toThrow(MentormailError);
    try {
      loadConfig({}, dir);
    } catch (err) {
      expect((err as MentormailError).details).toEqual(['MAX_REMINDERS: must be a whole number from 0 to 10 (got "lots")']);
    }
  });

  it('keeps the SQLite in-memory name as it is', () => {
    expect(loadConfig({ MENTORMAIL_DB: ':memory:' }, dir).dbPath).toBe(':memory:');
  });
});
