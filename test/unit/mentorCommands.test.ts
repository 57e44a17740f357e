/**
 * Issue 9 item 10: e-mentors step back and pause by email. STOP from a mentor is never relayed;
 * the coordinator is told which trainees to reassign (no content); PAUSE pauses the reminders
 * to them, RESUME resumes them.
 */
import { buildProgram } from '../../src/cli';
import { findPersonByEmail } from '../../src/db/people';
import { getRound } from '../../src/db/rounds';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { formatStatus, statusReport } from '../../src/status';
import { compose, FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
Dr Tom Okafor,tom@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const TOM = 'tom@trainee.example';
const JANE = 'jane@mentor.example';
const COORD = 'coordinator@scheme.example';
const PLANTED = 'PLANTED-CONTENT-7f3a';
const DAY = 86_400_000;
const to = (w: World, address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
const subjects = (w: World, address: string) => to(w, address).map((m) => m.subject);

async function tickDays(w: World, from: string, days: number): Promise<void> {
  for (let d = 0; d < days; d++) await w.tick(new Date(Date.parse(from) + d * DAY));
}

describe('an e-mentor writes STOP', () => {
  let w: World;
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    w.source.deliver(await replyTo(to(w, JANE)[0], JANE, `STOP\n\nSorry, I have taken a post abroad. ${PLANTED}`));
    await w.tick('2027-01-05T10:00:00Z');
  });
  afterEach(() => w.close());

  test('it is not relayed: the trainee receives nothing from it', () => {
    expect(subjects(w, PRIYA)).toEqual(['E-mentoring questionnaire, round 1', 'Thank you: your answers for round 1 were received']);
    expect(w.transport.sent.some((m) => m.text.includes(PLANTED))).toBe(false);
  });

  test('the mentor is withdrawn and told, with the trainees the coordinator will reassign', () => {
    expect(findPersonByEmail(w.deps.db, JANE)!.status).toBe('withdrawn');
    const confirm = to(w, JANE).at(-1)!;
    expect(confirm.subject).toBe('You have stepped back as an e-mentor');
    expect(confirm.text).toContain('find a new e-mentor for Dr Priya Patel and Dr Tom Okafor');
    expect(confirm.replyTo).toBeNull();
  });

  test('the coordinator is told which pairs to reassign, without content', () => {
    const [alert] = to(w, COORD);
    expect(alert.subject).toBe('[e-mentoring] Dr Jane Smith has stepped back as an e-mentor');
    expect(alert.text).toContain('Trainees to reassign: 2');
    expect(alert.text).toContain("Reassign: Dr Priya Patel: mentormail reassign priya@trainee.example <new e-mentor's email>");
    expect(alert.text).toContain("Reassign: Dr Tom Okafor: mentormail reassign tom@trainee.example <new e-mentor's email>");
    expect(alert.text).toContain('Answers waiting for their feedback: 1');
    for (const planted of [PLANTED, 'abroad', 'appendicectomy']) expect(alert.text).not.toContain(planted);
  });

  test('status lists the mentor and the pairs to reassign, without content', async () => {
    const report = statusReport(w.deps.db, w.deps.config, new Date('2027-01-05T12:00:00Z'));
    expect(report.mentors_stepped_back).toEqual([
      {
        mentor: 'Dr Jane Smith',
        email: JANE,
        since: '2027-01-05T10:00:00.000Z',
        reassign: [
          { trainee: 'Dr Priya Patel', email: PRIYA },
          { trainee: 'Dr Tom Okafor', email: TOM },
        ],
      },
    ]);
    const text = formatStatus(report);
    expect(text).toContain('E-mentors who stepped back (their trainees need a new e-mentor):');
    expect(text).toContain(`    mentormail reassign ${PRIYA} <new e-mentor's email>    # Dr Priya Patel`);
    expect(text + JSON.stringify(report) + w.logs.join('\n')).not.toContain(PLANTED);
  });

  test('no reminders or "no feedback" alerts about rounds the mentor left', async () => {
    await tickDays(w, '2027-01-06T10:00:00Z', 45);
    expect(subjects(w, JANE).filter((s) => s.startsWith('Reminder'))).toEqual([]);
    expect(subjects(w, COORD).filter((s) => s.includes('No feedback'))).toEqual([]);
    expect(statusReport(w.deps.db, w.deps.config, new Date('2027-02-20T12:00:00Z')).overdue_mentors).toEqual([]);
  });

  test("a trainee's answers are kept, not forwarded, and the receipt says why", async () => {
    w.source.deliver(await replyTo(to(w, TOM)[0], TOM, FULL_ANSWERS));
    await w.tick('2027-01-05T11:00:00Z');
    expect(to(w, JANE).filter((m) => m.subject.includes('Dr Tom Okafor'))).toEqual([]);
    const receipt = to(w, TOM).at(-1)!;
    expect(receipt.text).toContain('Your e-mentor, Dr Jane Smith, has stepped back from the scheme');
    expect(receipt.text).toContain('have not been passed on to anyone');
    expect(receipt.text).not.toContain('have gone to your e-mentor');
  });

  test('a trainee writing to the mentor is told, and the words go nowhere', async () => {
    w.source.deliver(await compose({ from: PRIYA, to: 'mentoring@scheme.example', subject: 'Hello', text: `Quick question. ${PLANTED}` }));
    await w.tick('2027-01-05T11:00:00Z');
    expect(to(w, PRIYA).at(-1)!.subject).toBe('Your e-mentor has stepped back');
    expect(w.transport.sent.filter((m) => m.text.includes(PLANTED))).toEqual([]);
  });

  test('anything more from the mentor is held, not relayed', async () => {
    const count = to(w, PRIYA).length;
    w.source.deliver(await replyTo(to(w, JANE)[0], JANE, 'One last thought for you: keep going!'));
    await w.tick('2027-01-06T10:00:00Z');
    expect(to(w, PRIYA)).toHaveLength(count);
    expect(statusReport(w.deps.db, w.deps.config, new Date('2027-01-06T12:00:00Z')).inbound.held).toBe(1);
  });

  test('reassigning a trainee to the withdrawn mentor is refused', async () => {
    importRoster(
      w.deps.db,
      `${ROSTER.split('\n')[0]}\nDr Sam Green,sam@trainee.example,Mr David Brown,david@mentor.example,2027-01-04\n`,
      'r.csv',
      new Date('2027-01-05T12:00:00Z'),
      false,
    );
    const { program } = buildProgram(() => undefined, { PATH: process.env.PATH, MENTORMAIL_DB: w.deps.config.dbPath }, w.dir);
    await expect(program.parseAsync(['node', 'mentormail', 'reassign', 'sam@trainee.example', JANE])).rejects.toThrow(
      /Dr Jane Smith has stepped back as an e-mentor; choose another e-mentor/,
    );
  });
});

describe('an e-mentor writes PAUSE or RESUME', () => {
  let w: World;
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
  });
  afterEach(() => w.close());
  const reminders = () => subjects(w, JANE).filter((s) => s.startsWith('Reminder:'));

  test('PAUSE until a date: no reminders until then, the forward still arrives, then reminders resume', async () => {
    w.source.deliver(await replyTo(to(w, JANE)[0], JANE, 'PAUSE until 1 March 2027'));
    await w.tick('2027-01-05T10:00:00Z');
    const confirm = to(w, JANE).at(-1)!;
    expect(confirm.subject).toBe('E-mentoring paused');
    expect(confirm.text).toContain('Reminders to you are paused until Monday 1 March 2027 (2027-03-01)');
    expect(subjects(w, PRIYA)).not.toContain(expect.stringMatching(/message from/));
    // Tom answers while Jane is paused: the forward reaches her, no reminder follows it.
    w.source.deliver(await replyTo(to(w, TOM)[0], TOM, FULL_ANSWERS));
    await w.tick('2027-01-06T10:00:00Z');
    expect(subjects(w, JANE)).toContain('Questionnaire from Dr Tom Okafor, round 1');
    await tickDays(w, '2027-01-07T10:00:00Z', 52); // up to 27 February
    expect(reminders()).toEqual([]);
    expect(subjects(w, 'coordinator@scheme.example')).toEqual([]);
    await tickDays(w, '2027-03-01T10:00:00Z', 1);
    expect(findPersonByEmail(w.deps.db, JANE)!.status).toBe('active');
    expect(reminders()).toEqual([
      'Reminder: questionnaire from Dr Priya Patel, round 1',
      'Reminder: questionnaire from Dr Tom Okafor, round 1',
    ]);
  });

  test('PAUSE without a date holds reminders until RESUME', async () => {
    w.source.deliver(await replyTo(to(w, JANE)[0], JANE, 'Pause please'));
    await w.tick('2027-01-05T10:00:00Z');
    await tickDays(w, '2027-01-06T10:00:00Z', 60);
    expect(reminders()).toEqual([]);
    expect(statusReport(w.deps.db, w.deps.config, new Date('2027-03-07T12:00:00Z')).mentors_paused).toEqual([
      { mentor: 'Dr Jane Smith', until: null },
    ]);
    const confirm = to(w, JANE).find((m) => m.subject === 'E-mentoring paused')!;
    w.source.deliver(await compose({ from: JANE, to: confirm.replyTo!, subject: 'Re: E-mentoring paused', text: 'Resume' }));
    await w.tick('2027-03-08T10:00:00Z');
    expect(subjects(w, JANE)).toContain('E-mentoring resumed');
    expect(to(w, JANE).find((m) => m.subject === 'E-mentoring resumed')!.text).toContain('reminders about your trainees');
    await w.tick('2027-03-08T11:00:00Z');
    expect(reminders()).toEqual(['Reminder: questionnaire from Dr Priya Patel, round 1']);
  });

  test("the mentor's PAUSE is not relayed to the trainee", async () => {
    w.source.deliver(await replyTo(to(w, JANE)[0], JANE, `PAUSE\n\nBack after my leave. ${PLANTED}`));
    await w.tick('2027-01-05T10:00:00Z');
    expect(w.transport.sent.filter((m) => m.text.includes(PLANTED))).toEqual([]);
    expect(getRound(w.deps.db, 1).feedback_at).toBeNull();
  });

  test('an e-mentor who might step back is asked, and the message still reaches the trainee', async () => {
    w.source.deliver(
      await replyTo(
        to(w, JANE)[0],
        JANE,
        'Well done on the appendicectomy. I am not sure I can continue as a mentor after this year, but for now: practise Part B stations with a friend.',
      ),
    );
    await w.tick('2027-01-05T10:00:00Z');
    expect(to(w, PRIYA).at(-1)!.text).toContain('practise Part B stations');
    expect(subjects(w, JANE)).toContain('Did you mean to stop?');
    expect(findPersonByEmail(w.deps.db, JANE)!.status).toBe('active');
    const question = to(w, JANE).find((m) => m.subject === 'Did you mean to stop?')!;
    expect(question.text).toContain('the coordinator will then find your trainees a new e-mentor');
    expect(question.text).not.toContain('appendicectomy');
  });
});
