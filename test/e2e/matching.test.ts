import fs from 'node:fs';
import path from 'node:path';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, waitForMail, type ReceivedMail } from '../harness/mailbox';
import { mentormailFor, replyAsClient, type Mentormail } from './support';

jest.setTimeout(240_000);

// priya is matched; jane and david could mentor her; sara supervises her (never suggested).
const USERS = ['bot', 'coordinator', 'priya', 'jane', 'david', 'sara'];

describe('matching, on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;
  let botCount = 0;
  const a = (u: string) => servers.address(u);
  /** Replies as a mail client, waits until the bot mailbox has it, then ticks. */
  const replyAndTick = async (from: string, original: ReceivedMail, text: string, now: string) => {
    await replyAsClient(servers, a(from), original.parsed, text);
    botCount = (await waitForMail(servers, 'bot', botCount + 1, 60_000)).length;
    await mm.tick(now);
  };

  beforeAll(async () => {
    servers = await startMailServers({ users: USERS });
    mm = mentormailFor(servers);
    fs.writeFileSync(
      path.join(mm.dir, 'profiles.csv'),
      [
        'email,name,role,specialty,region,grade,interests,capacity,supervises,supervised_by,bio,preferences',
        `${a('priya')},Dr Priya Patel,trainee,cardiology,North East,FY2,research;teaching,,,,Keen on cardiology and research.,`,
        `${a('jane')},Dr Jane Smith,mentor,cardiology,North West,Consultant,research,1,,,Consultant cardiologist.,`,
        `${a('david')},Dr David Brown,mentor,acute medicine,North East,ST7,teaching,1,,,,`,
        `${a('sara')},Dr Sara Stone,mentor,cardiology,North East,Consultant,research;teaching,1,${a('priya')},,,`,
      ].join('\n'),
    );
    expect((await mm.cli('init')).code).toBe(0);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });

  test('profiles are imported, idempotently', async () => {
    expect((await mm.cli('profiles', 'import', 'profiles.csv', '--now', '2027-01-04T10:00:00Z')).out).toMatch(/changes applied$/);
    expect((await mm.cli('profiles', 'import', 'profiles.csv', '--now', '2027-01-04T10:00:00Z')).out).toBe(
      'Nothing to change: the profiles are already up to date.',
    );
  });

  test('the trainee receives an anonymised short list and chooses', async () => {
    expect((await mm.cli('match', 'shortlists', '--now', '2027-01-04T10:00:00Z')).out).toContain('1 short lists sent.');
    const [list] = await waitForMail(servers, 'priya', 1);
    expect(list.parsed.subject).toBe('Choose your e-mentor: 2 suggestions');
    expect(list.parsed.text).toMatch(/^Candidate A$/m);
    expect(list.parsed.text).toMatch(/^Candidate B$/m);
    for (const hidden of ['Jane', 'David', 'Sara', a('jane'), a('david')]) expect(list.parsed.text).not.toContain(hidden);
    expect(list.parsed.replyTo?.value[0].address).toMatch(/^bot\+[a-z2-7]{32}@example\.test$/);
    expect(list.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    await replyAndTick('priya', list, '1 B 2 A', '2027-01-04T10:10:00Z');
    const [, recorded] = await waitForMail(servers, 'priya', 2);
    expect(recorded.parsed.subject).toBe('Your choice of e-mentor was recorded');
    expect(recorded.parsed.text).toMatch(/1\. Candidate B: .*\n\s+2\. Candidate A: /);
  });

  test('the coordinator approves by replying to the proposal; the e-mentor declines; the next choice accepts', async () => {
    const proposed = await mm.cli('match', 'propose', '--start', '2027-02-01', '--now', '2027-01-04T11:00:00Z');
    expect(proposed.out).toMatch(/^Proposal 1: 1 of 1 trainees placed/);
    const [proposal] = await waitForMail(servers, 'coordinator', 1);
    expect(proposal.parsed.subject).toBe('[e-mentoring] Matching proposal 1: 1 of 1 trainees placed');
    expect(proposal.parsed.text).not.toContain('Keen on cardiology'); // no bios to the coordinator

    await replyAndTick('coordinator', proposal, 'Approve', '2027-01-04T11:10:00Z');
    const [, approved] = await waitForMail(servers, 'coordinator', 2);
    expect(approved.parsed.subject).toBe('[e-mentoring] Matching proposal 1: 1 requests sent');
    // Whoever the proposal chose is asked first; the other is Priya's other choice.
    const jane = await fetchAll(servers, 'jane');
    const [first, second] = jane.length === 1 ? ['jane', 'david'] : ['david', 'jane'];
    const [request] = await waitForMail(servers, first, 1);
    expect(request.parsed.subject).toBe('Would you e-mentor a trainee?');
    expect(request.parsed.text).not.toContain('Priya');
    await expectNoNewMail(servers, 'sara', 0, 500);

    await replyAndTick(first, request, 'Sorry, I must decline this time.', '2027-01-05T09:30:00Z');
    // Within the same tick: the next choice is asked, the trainee told, the first thanked.
    const [next] = await waitForMail(servers, second, 1);
    expect(next.parsed.subject).toBe('Would you e-mentor a trainee?');
    const priya = await waitForMail(servers, 'priya', 3);
    expect(priya[2].parsed.subject).toBe('About your choice of e-mentor');
    expect(priya[2].parsed.text).toMatch(/We have asked your next choice, Candidate [AB]/);
    expect((await waitForMail(servers, first, 2))[1].parsed.subject).toBe('Thank you for letting us know');

    await replyAndTick(second, next, 'Accept', '2027-01-06T09:30:00Z');
    const secondName = second === 'jane' ? 'Dr Jane Smith' : 'Dr David Brown';
    const [, , , intro] = await waitForMail(servers, 'priya', 4);
    expect(intro.parsed.subject).toBe(`Meet your e-mentor, ${secondName}`);
    expect(intro.parsed.text).toContain('Your first questionnaire comes on Monday 1 February 2027');
    expect(intro.parsed.text).not.toContain(a(second));
    const mentorIntro = (await waitForMail(servers, second, 2))[1];
    expect(mentorIntro.parsed.subject).toBe('Meet your e-mentee, Dr Priya Patel');
    expect(mentorIntro.parsed.replyTo?.value[0].address).toMatch(/^bot\+[a-z2-7]{32}@example\.test$/);

    expect((await mm.cli('people')).out).toMatch(new RegExp(`Dr Priya Patel .*e-mentor: ${secondName} .*since 2027-02-01`));
  });

  test('the first questionnaire goes out on the start date, not before', async () => {
    await mm.tick('2027-01-29T10:00:00Z');
    await expectNoNewMail(servers, 'priya', 4, 1000);
    await mm.tick('2027-02-01T10:00:00Z');
    const mail = await waitForMail(servers, 'priya', 5);
    expect(mail[4].parsed.subject).toBe('E-mentoring questionnaire, round 1');
    const status = (await mm.cli('status', '--now', '2027-02-01T10:00:00Z')).out;
    expect(status).toMatch(/Matching: 0 waiting, 0 proposed, 0 e-mentor asked, 1 matched/);
    for (const planted of ['Keen on cardiology', 'Consultant cardiologist', 'must decline']) {
      expect(status).not.toContain(planted);
      expect(mm.logs.join('\n')).not.toContain(planted);
    }
  });
});
