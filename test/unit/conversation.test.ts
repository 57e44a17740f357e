import { buildProgram } from '../../src/cli';
import { findPersonByEmail } from '../../src/db/people';
import { getRound } from '../../src/db/rounds';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { compose, FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const DAVID = 'david@mentor.example';
const to = (w: World, address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);

describe('the mentoring conversation', () => {
  let w: World;
  beforeEach(async () => {
    w = makeWorld({ RELAY_MAX_ATTACHMENT_MB: '1' });
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
  });
  afterEach(() => w.close());
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program } = buildProgram(
      (l) => lines.push(l),
      { PATH: process.env.PATH, MENTORMAIL_DB: w.deps.config.dbPath, MENTORMAIL_ADDRESS: 'mentoring@scheme.example' },
      w.dir,
    );
    await program.parseAsync(['node', 'mentormail', ...args]);
    return lines.join('\n');
  };

  test("the next questionnaire quotes last round's goals, and the forward shows them beside the new ones", async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    await w.tick('2027-03-04T10:00:00Z');
    const second = to(w, PRIYA).at(-1)!;
    expect(second.subject).toBe('E-mentoring questionnaire, round 2');
    expect(second.text).toContain('Last time you wrote these career goals');
    expect(second.text).toContain('  - In the short term you wrote "Pass MRCS Part B."');
    expect(second.text).toContain('  - In the long term you wrote "Consultant colorectal surgeon."');
    w.source.deliver(await replyTo(second, PRIYA, FULL_ANSWERS.replace('Pass MRCS Part B.', 'Start a research block.')));
    await w.tick('2027-03-04T11:00:00Z');
    const forward = to(w, JANE).at(-1)!;
    expect(forward.text).toContain('5. Career goals: short term (next 6 months)\nStart a research block.\n  Last time: Pass MRCS Part B.');
  });

  test('attachments are relayed up to the limit; above it the sender is told', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    const forward = to(w, JANE)[0];
    w.source.deliver(
      await replyTo(forward, JANE, 'Two documents for you.', {
        attachments: [
          { filename: 'portfolio-tips.pdf', content: Buffer.alloc(200_000, 1), contentType: 'application/pdf' },
          { filename: 'huge-scan.pdf', content: Buffer.alloc(1_200_000, 2), contentType: 'application/pdf' },
        ],
      }),
    );
    await w.tick('2027-01-05T10:00:00Z');
    const relay = to(w, PRIYA).at(-1)!;
    expect(relay.attachments.map((a) => [a.filename, a.content.length])).toEqual([['portfolio-tips.pdf', 200_000]]);
    const notice = to(w, JANE).at(-1)!;
    expect(notice.subject).toBe('Your attachment was not passed on');
    expect(notice.text).toContain('huge-scan.pdf');
  });

  test("a reassigned trainee's next round goes to the new mentor; past content never does", async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    importRoster(
      w.deps.db,
      `${ROSTER.split('\n')[0]}\nDr Priya Patel,${PRIYA},Mr David Brown,${DAVID},2027-01-04\n`,
      'r.csv',
      new Date('2027-02-01T00:00:00Z'),
      false,
    );
    await w.tick('2027-03-04T10:00:00Z');
    expect(to(w, DAVID)).toHaveLength(0); // nothing from round 1
    expect(to(w, PRIYA).at(-1)!.text).toContain('your e-mentor, Mr David Brown');
    w.source.deliver(await replyTo(to(w, PRIYA).at(-1)!, PRIYA, FULL_ANSWERS));
    await w.tick('2027-03-04T11:00:00Z');
    expect(to(w, DAVID).map((m) => m.subject)).toEqual(['Questionnaire from Dr Priya Patel, round 2']);
    expect(to(w, JANE).filter((m) => m.subject.includes('round 2'))).toEqual([]);
  });

  test('reassign from the CLI needs a mentor on the roster, and applies to future rounds', async () => {
    await expect(cli('reassign', PRIYA, DAVID)).rejects.toThrow(/david@mentor.example is not on the roster/);
    importRoster(
      w.deps.db,
      `${ROSTER.split('\n')[0]}\nDr Tom Okafor,tom@trainee.example,Mr David Brown,${DAVID},2027-01-04\n`,
      'r.csv',
      new Date('2027-01-04T12:00:00Z'),
      false,
    );
    expect(await cli('reassign', PRIYA, DAVID)).toMatch(/now Mr David Brown, from the next round on/);
    expect(getRound(w.deps.db, 1).mentor_id).toBe(findPersonByEmail(w.deps.db, JANE)!.id);
  });

  test('PAUSE until a date stops questionnaires and reminders until then, and is confirmed', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, 'pause until 1 June 2027\n\nSorry, exams.'));
    await w.tick('2027-01-04T11:00:00Z');
    expect(to(w, PRIYA).at(-1)!.subject).toBe('E-mentoring paused');
    expect(to(w, PRIYA).at(-1)!.text).toContain('paused until Tuesday 1 June 2027 (2027-06-01)');
    for (let d = 5; d < 150; d++) await w.tick(new Date(Date.parse('2027-01-04T10:00:00Z') + d * 86_400_000));
    // 4 March and 4 May fell in the pause; 4 July will be the next questionnaire.
    expect(to(w, PRIYA).map((m) => m.subject)).toEqual(['E-mentoring questionnaire, round 1', 'E-mentoring paused']);
    expect(findPersonByEmail(w.deps.db, PRIYA)!.status).toBe('active');
    await w.tick('2027-07-05T10:00:00Z');
    expect(to(w, PRIYA).at(-1)!.subject).toBe('E-mentoring questionnaire, round 4');
  });

  test('RESUME after PAUSE is confirmed with the next questionnaire date', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, 'PAUSE'));
    await w.tick('2027-01-04T11:00:00Z');
    w.source.deliver(await compose({ from: PRIYA, to: to(w, PRIYA).at(-1)!.replyTo!, subject: 'Re: E-mentoring paused', text: 'Resume' }));
    await w.tick('2027-01-20T11:00:00Z');
    expect(to(w, PRIYA).at(-1)!.subject).toBe('E-mentoring resumed');
    expect(to(w, PRIYA).at(-1)!.text).toContain('Your next questionnaire will arrive on Thursday 4 March 2027.');
  });

  test('a silent mentor is reminded twice, then the coordinator is told, without content', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    for (let d = 1; d < 40; d++) await w.tick(new Date(Date.parse('2027-01-04T11:00:00Z') + d * 86_400_000));
    // A week on, the health nudge; then the reminders (MENTOR_FEEDBACK_DAYS).
    expect(to(w, JANE).map((m) => m.subject)).toEqual([
      'Questionnaire from Dr Priya Patel, round 1',
      "Dr Priya Patel's answers for round 1 are waiting for you",
      'Reminder: questionnaire from Dr Priya Patel, round 1',
      'Reminder: questionnaire from Dr Priya Patel, round 1',
    ]);
    // Two weeks on, the health alert; after the reminders, the escalation.
    const alerts = to(w, 'coordinator@scheme.example');
    expect(alerts.map((m) => m.subject)).toEqual([
      '[e-mentoring] Dr Priya Patel and Dr Jane Smith may need a check-in',
      '[e-mentoring] No feedback from Dr Jane Smith for Dr Priya Patel, round 1',
    ]);
    for (const alert of alerts) for (const planted of ['appendicectomy', 'MRCS', 'colorectal']) expect(alert.text).not.toContain(planted);
  });
});
