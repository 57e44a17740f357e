import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, sendMail, waitForMail } from '../harness/mailbox';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(180_000);

// priya answers partly, omar is away, ghost has no mailbox (bounces), sara stops.
const USERS = ['bot', 'coordinator', 'priya', 'omar', 'sara', 'jane'];

describe('real-world replies, on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;
  let botCount = 0;
  const a = (u: string) => servers.address(u);
  /** Sends, then waits until the bot mailbox has it, then ticks. */
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
        `Priya Patel,${a('priya')},Jane Smith,${a('jane')},2027-01-04`,
        `Omar Haddad,${a('omar')},Jane Smith,${a('jane')},2027-01-04`,
        `Sara Ghost,${a('ghost')},Jane Smith,${a('jane')},2027-01-04`,
        `Sara Stone,${a('sara')},Jane Smith,${a('jane')},2027-01-04`,
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

  test('a bounce marks the address failing and alerts the coordinator once, with no content', async () => {
    botCount = (await waitForMail(servers, 'bot', 1, 60_000)).length; // Postfix's DSN for ghost@
    await mm.tick('2027-01-04T10:05:00Z');
    await mm.tick('2027-01-04T10:06:00Z');
    const [alert] = await waitForMail(servers, 'coordinator', 1);
    expect(alert.parsed.subject).toContain('Mail to Sara Ghost is bouncing');
    expect(alert.parsed.text).toContain(a('ghost'));
    await expectNoNewMail(servers, 'coordinator', 1, 1500);
    const people = (await mm.cli('people')).out;
    expect(people).toMatch(/Sara Ghost .*address failing/);
  });

  test('an incomplete reply is forwarded at once and yields exactly one follow-up', async () => {
    const [q] = await fetchAll(servers, 'priya');
    await deliverAndTick(
      () => replyAsClient(servers, a('priya'), q.parsed, 'Skills: chest drains\n\nPositives:\n- passed my exam\n\nThanks, Priya'),
      '2027-01-04T10:30:00Z',
    );
    const forward = (await waitForMail(servers, 'jane', 1))[0];
    expect(forward.parsed.text).toContain('Not answered yet');
    const receipt = (await waitForMail(servers, 'priya', 2))[1];
    expect(receipt.parsed.text).toContain('Not answered yet');
    expect(receipt.parsed.text).toContain('9. Negative points from the past two months (at least two)');
    await deliverAndTick(
      () => replyAsClient(servers, a('priya'), receipt.parsed, '9. Negatives\n- long nights\n- a missed diagnosis'),
      '2027-01-04T10:40:00Z',
    );
    const all = await waitForMail(servers, 'priya', 3);
    expect(all[2].parsed.text).not.toContain('Not answered yet');
    expect(all.filter((m) => (m.parsed.text ?? '').includes('Not answered yet'))).toHaveLength(1);
    expect((await waitForMail(servers, 'jane', 2))[1].parsed.subject).toMatch(/^Addendum:/);
  });

  test('an out-of-office reply causes no forward and no response', async () => {
    const [q] = await fetchAll(servers, 'omar');
    const janeBefore = (await fetchAll(servers, 'jane')).length;
    await deliverAndTick(
      () =>
        sendMail(servers, {
          from: a('omar'),
          to: q.parsed.replyTo!.value[0].address,
          subject: `Automatic reply: ${q.parsed.subject}`,
          inReplyTo: q.parsed.messageId,
          headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
          text: 'Thank you for your email. I am on annual leave until 25 January 2027.',
        }),
      '2027-01-04T10:20:00Z',
    );
    await expectNoNewMail(servers, 'omar', 1, 1500);
    await expectNoNewMail(servers, 'jane', janeBefore, 500);
    // The first reminder (due 18 January) waits until after the return date.
    await mm.tick('2027-01-18T10:00:00Z');
    await expectNoNewMail(servers, 'omar', 1, 1000);
    await mm.tick('2027-01-26T10:00:00Z');
    const mail = await waitForMail(servers, 'omar', 2);
    expect(mail[1].parsed.subject).toBe('Reminder: e-mentoring questionnaire, round 1');
  });

  test('STOP ends all further mail to that trainee', async () => {
    const received = await fetchAll(servers, 'sara');
    await deliverAndTick(() => replyAsClient(servers, a('sara'), received[received.length - 1].parsed, 'Stop.'), '2027-01-27T10:50:00Z');
    const mail = await waitForMail(servers, 'sara', received.length + 1);
    expect(mail[mail.length - 1].parsed.subject).toBe('You have stepped back from e-mentoring');
    const jane = await fetchAll(servers, 'jane');
    expect(jane.some((m) => m.parsed.subject === 'Sara Stone has stepped back from e-mentoring')).toBe(true);
    for (const day of ['2027-02-01', '2027-02-08', '2027-03-04', '2027-03-18', '2027-05-04']) await mm.tick(`${day}T10:00:00Z`);
    await expectNoNewMail(servers, 'sara', received.length + 1, 1500);
  });
});
