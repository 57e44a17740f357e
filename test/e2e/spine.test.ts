import { ImapFlow } from 'imapflow';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, waitForMail } from '../harness/mailbox';
import { FULL_ANSWERS } from '../support/world';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(180_000);

const USERS = ['bot', 'coordinator', 'priya', 'jane', 'mallory'];
const START = '2027-01-04T10:00:00Z'; // a Monday, 10:00 in London

describe('the spine, on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;
  const counts = () => Promise.all(['priya', 'jane', 'coordinator', 'mallory'].map(async (u) => (await fetchAll(servers, u)).length));

  beforeAll(async () => {
    servers = await startMailServers({ users: USERS });
    mm = mentormailFor(servers);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });

  test('imports the roster, idempotently', async () => {
    const roster = writeRoster(
      mm,
      `trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,${servers.address('priya')},Dr Jane Smith,${servers.address('jane')},2027-01-04\n`,
    );
    expect((await mm.cli('init')).code).toBe(0);
    expect((await mm.cli('import', roster, '--dry-run')).out).toMatch(/3 changes \(dry run: nothing applied\)/);
    expect((await mm.cli('import', roster)).out).toMatch(/3 changes applied/);
    expect((await mm.cli('import', roster)).out).toMatch(/already up to date/);
    expect((await mm.cli('people')).out).toMatch(/Dr Priya Patel .*e-mentor: Dr Jane Smith/);
  });

  test('before the start date nothing is sent', async () => {
    await mm.tick('2027-01-03T10:00:00Z');
    await expectNoNewMail(servers, 'priya', 0, 1000);
  });

  test('on the start date the trainee receives the questionnaire, text and HTML, with bot headers', async () => {
    await mm.tick(START);
    const [q] = await waitForMail(servers, 'priya', 1);
    const p = q.parsed;
    expect(p.subject).toBe('E-mentoring questionnaire, round 1');
    expect(p.text).toContain('1. Skills acquisition\n');
    expect(p.text).toContain('9. Negative points from the past two months (at least two)\n');
    expect(p.html).toContain('<b>1. Skills acquisition</b>');
    expect(p.headers.get('auto-submitted')).toBe('auto-generated');
    expect(p.headers.get('x-auto-response-suppress')).toBe('All');
    const rawHeaders = q.raw
      .toString('utf8')
      .split(/\r?\n\r?\n/)[0]
      .replace(/\r?\n[ \t]+/g, ' ');
    expect(rawHeaders).toMatch(/^List-Unsubscribe: <mailto:bot\+[a-z2-7]{32}@example\.test\?subject=STOP>$/m);
    expect(p.replyTo?.value[0].address).toMatch(/^bot\+[a-z2-7]{32}@example\.test$/);
    expect(p.messageId).toMatch(/@example\.test>$/);
  });

  test('the reply is forwarded to the mentor, the trainee gets a receipt, and a second tick sends nothing', async () => {
    const [q] = await fetchAll(servers, 'priya');
    await replyAsClient(servers, servers.address('priya'), q.parsed, FULL_ANSWERS);
    await waitForMail(servers, 'bot', 1);
    await mm.tick('2027-01-04T10:10:00Z');
    const [forward] = await waitForMail(servers, 'jane', 1);
    expect(forward.parsed.from?.value[0].name).toBe('Dr Priya Patel via E-mentoring');
    expect(forward.parsed.subject).toBe('Questionnaire from Dr Priya Patel, round 1');
    expect(forward.parsed.text).toContain('1. Skills acquisition\nSolo laparoscopic appendicectomy');
    expect(forward.parsed.text).toContain('  - Delayed diagnosis of perforated bowel');
    expect(forward.parsed.text).not.toContain(servers.address('priya'));
    expect(forward.parsed.replyTo?.value[0].address).toMatch(/^bot\+[a-z2-7]{32}@example\.test$/);
    const receipts = await waitForMail(servers, 'priya', 2);
    expect(receipts[1].parsed.subject).toMatch(/^Thank you/);
    expect(receipts[1].parsed.inReplyTo).toBeTruthy();

    const before = await counts();
    await mm.tick('2027-01-04T10:10:00Z');
    await mm.tick('2027-01-04T10:20:00Z');
    await expectNoNewMail(servers, 'priya', before[0], 1500);
    expect(await counts()).toEqual(before);
  });

  test('the bot mailbox marks processed mail as seen, only after it is stored', async () => {
    const client = new ImapFlow({
      host: servers.host,
      port: servers.imapPort,
      secure: false,
      auth: { user: 'bot', pass: servers.password },
      logger: false,
    });
    await client.connect();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        expect(unseen).toEqual([]);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });

  test('a reply to the token from another address is held, never forwarded', async () => {
    const [q] = await fetchAll(servers, 'priya');
    const janeBefore = (await fetchAll(servers, 'jane')).length;
    await replyAsClient(servers, servers.address('mallory'), q.parsed, 'Skills: I am not Priya');
    await waitForMail(servers, 'bot', 2);
    await mm.tick('2027-01-04T10:30:00Z');
    await expectNoNewMail(servers, 'jane', janeBefore, 1500);
    expect(await fetchAll(servers, 'mallory')).toHaveLength(0);
    const status = JSON.parse((await mm.cli('status', '--json', '--now', '2027-01-04T10:30:00Z')).out);
    expect(status.inbound.held).toBe(1);
  });

  test('status and logs show states and counts, never content', async () => {
    const text = (await mm.cli('status', '--now', '2027-01-04T10:30:00Z')).out;
    const json = (await mm.cli('status', '--json', '--now', '2027-01-04T10:30:00Z')).out;
    expect(JSON.parse(json).counts).toMatchObject({ sent: 1, answered: 1, complete: 1, forwarded: 1 });
    for (const planted of ['appendicectomy', 'MRCS', 'colorectal', 'perforated', 'not Priya']) {
      expect(text).not.toContain(planted);
      expect(json).not.toContain(planted);
      expect(mm.logs.join('\n')).not.toContain(planted);
    }
  });
});
