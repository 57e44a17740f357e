/**
 * Issue 9 items 10-13 on real Dovecot and Postfix: an e-mentor's STOP is not relayed and the
 * coordinator learns whom to reassign; a trainee's "Pause until March" pauses until 1 March;
 * a past pause date is answered, not applied; a free-text reply is forwarded as written.
 */
import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, waitForMail } from '../harness/mailbox';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(180_000);

const USERS = ['bot', 'coordinator', 'priya', 'omar', 'sara', 'jane'];
const PLANTED = 'PLANTED-E2E-91c2';

describe('commands by email, on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;
  let botCount = 0;
  const a = (u: string) => servers.address(u);
  const deliverAndTick = async (send: () => Promise<void>, now: string) => {
    await send();
    botCount = (await waitForMail(servers, 'bot', botCount + 1, 60_000)).length;
    await mm.tick(now);
  };

  beforeAll(async () => {
    servers = await startMailServers({ users: USERS });
    mm = mentormailFor(servers);
    const roster = writeRoster(
      mm,
      [
        'trainee_name,trainee_email,mentor_name,mentor_email,start_date',
        `"Dr Priya Patel, MRCS",${a('priya')},Dr Jane Smith,${a('jane')},2027-01-04`,
        `Omar Haddad,${a('omar')},Dr Jane Smith,${a('jane')},2027-01-04`,
        `Sara Stone,${a('sara')},Dr Jane Smith,${a('jane')},2027-01-04`,
      ].join('\n'),
    );
    expect((await mm.cli('import', roster)).code).toBe(0);
    await mm.tick('2027-01-04T10:00:00Z');
    for (const u of ['priya', 'omar', 'sara']) await waitForMail(servers, u, 1);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });

  test('a free-text reply is forwarded as written, without empty headings', async () => {
    const [q] = await fetchAll(servers, 'priya');
    expect(q.parsed.text).toContain('Dear Dr Priya Patel,\n');
    expect(q.parsed.text).toContain('Please reply by Monday 18 January 2027.');
    await deliverAndTick(
      () =>
        replyAsClient(
          servers,
          a('priya'),
          q.parsed,
          'A hard two months, but I did my first solo appendicectomy. Can we talk about Part B?',
        ),
      '2027-01-04T10:30:00Z',
    );
    const [forward] = await waitForMail(servers, 'jane', 1);
    expect(forward.parsed.subject).toBe('Questionnaire from Dr Priya Patel, round 1');
    expect(forward.parsed.text).toContain('Their reply, as written:\n\nA hard two months');
    expect(forward.parsed.text).not.toContain('(not answered)');
    const receipt = (await waitForMail(servers, 'priya', 2))[1];
    expect(receipt.parsed.text).not.toContain('(nothing recorded)');
    expect(receipt.parsed.text).toContain('just as you wrote it');
  });

  test('"Pause until March" from a trainee pauses until 1 March, and says so', async () => {
    const [q] = await fetchAll(servers, 'omar');
    await deliverAndTick(
      () => replyAsClient(servers, a('omar'), q.parsed, 'Hi,\n\nPause until March please.\n\nOmar'),
      '2027-01-04T10:40:00Z',
    );
    const mail = await waitForMail(servers, 'omar', 2);
    expect(mail[1].parsed.subject).toBe('E-mentoring paused');
    expect(mail[1].parsed.text).toContain('paused until Monday 1 March 2027 (2027-03-01)');
    expect((await mm.cli('people')).out).toMatch(/Omar Haddad .*paused/);
  });

  test('a pause until a past date is answered, not applied', async () => {
    const [q] = await fetchAll(servers, 'sara');
    await deliverAndTick(() => replyAsClient(servers, a('sara'), q.parsed, 'PAUSE until 2026-01-01'), '2027-01-04T10:50:00Z');
    const mail = await waitForMail(servers, 'sara', 2);
    expect(mail[1].parsed.subject).toBe('E-mentoring was not paused: that date has passed');
    expect((await mm.cli('pause', a('sara'), '--until', '2026-01-01', '--now', '2027-01-04T11:00:00Z')).code).not.toBe(0);
  });

  test("an e-mentor's STOP is not relayed; the coordinator learns whom to reassign, without content", async () => {
    const [forward] = await fetchAll(servers, 'jane');
    const priyaBefore = (await fetchAll(servers, 'priya')).length;
    await deliverAndTick(() => replyAsClient(servers, a('jane'), forward.parsed, `STOP\n\n${PLANTED}`), '2027-01-05T10:00:00Z');
    const janeMail = await waitForMail(servers, 'jane', 2);
    expect(janeMail[1].parsed.subject).toBe('You have stepped back as an e-mentor');
    const [alert] = await waitForMail(servers, 'coordinator', 1);
    expect(alert.parsed.subject).toBe('[e-mentoring] Dr Jane Smith has stepped back as an e-mentor');
    expect(alert.parsed.text).toContain(`mentormail reassign ${a('priya')}`);
    expect(alert.parsed.text).toContain(`mentormail reassign ${a('omar')}`);
    expect(alert.parsed.text).not.toContain(PLANTED);
    await expectNoNewMail(servers, 'priya', priyaBefore, 1500);
    const status = (await mm.cli('status')).out;
    expect(status).toContain('E-mentors who stepped back');
    expect(status).not.toContain(PLANTED);
    expect(mm.logs.join('\n')).not.toContain(PLANTED);
  });
});
