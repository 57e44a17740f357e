/**
 * Issue 9 item 6 on real Dovecot and Postfix: a trainee answers with a 30 MB scan attached.
 * The reply is kept whole, the answers reach the e-mentor, and the trainee is told the scan
 * was not passed on.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { fetchAll, waitForMail } from '../harness/mailbox';
import { FULL_ANSWERS } from '../support/world';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(600_000);

const MB = 1024 * 1024;

describe('a 30 MB reply, on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;

  beforeAll(async () => {
    servers = await startMailServers({ users: ['bot', 'coordinator', 'priya', 'jane'] });
    mm = mentormailFor(servers);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });

  test('is kept whole and answered; the scan is named back to the trainee, not relayed', async () => {
    const roster = writeRoster(
      mm,
      `trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,${servers.address('priya')},Dr Jane Smith,${servers.address('jane')},2027-01-04\n`,
    );
    expect((await mm.cli('import', roster)).code).toBe(0);
    await mm.tick('2027-01-04T10:00:00Z');
    const [questionnaire] = await waitForMail(servers, 'priya', 1);

    const scan = crypto.randomBytes(30 * MB);
    await replyAsClient(
      servers,
      servers.address('priya'),
      questionnaire.parsed,
      FULL_ANSWERS,
      {},
      {
        attachments: [{ filename: 'portfolio-scan.pdf', content: scan, contentType: 'application/pdf' }],
      },
    );
    const [arrived] = await waitForMail(servers, 'bot', 1, 120_000);
    expect(arrived.raw.length).toBeGreaterThan(40 * MB);
    await mm.tick('2027-01-04T10:30:00Z');

    const [forward] = await waitForMail(servers, 'jane', 1, 120_000);
    expect(forward.parsed.text).toContain('1. Skills acquisition\nSolo laparoscopic appendicectomy');
    expect(forward.parsed.attachments).toHaveLength(0);
    const toPriya = await waitForMail(servers, 'priya', 3, 120_000);
    expect(toPriya.some((m) => (m.parsed.subject ?? '').startsWith('Thank you'))).toBe(true);
    const notice = toPriya.find((m) => m.parsed.subject === 'Your attachment was not passed on');
    expect(notice?.parsed.text).toContain('portfolio-scan.pdf');

    const db = new Database(String(mm.env.MENTORMAIL_DB), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT state, outcome, size, error_code FROM inbound').get();
      expect(row).toEqual({ state: 'processed', outcome: 'answers_stored', size: arrived.raw.length, error_code: null });
    } finally {
      db.close();
    }
    expect((await fetchAll(servers, 'jane')).length).toBe(1);
  });
});
