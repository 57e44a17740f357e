/**
 * Issue 9 items 11 and 12: commands in the words people write, acted on when certain, asked
 * about once when not; pause dates that are not after today refused, by email and by the CLI.
 */
import { main } from '../../src/cli';
import { findPersonByEmail } from '../../src/db/people';
import { getRound } from '../../src/db/rounds';
import { stmt } from '../../src/db/statements';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { compose, FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const COORD = 'coordinator@scheme.example';
const to = (w: World, address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
const subjects = (w: World, address: string) => to(w, address).map((m) => m.subject);
const status = (w: World) => findPersonByEmail(w.deps.db, PRIYA)!;

describe('commands in the words people write', () => {
  let w: World;
  let questionnaire: OutgoingMail;
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    questionnaire = to(w, PRIYA)[0];
  });
  afterEach(() => w.close());

  test.each(['stop please', 'Unsubscribe', 'Please remove me from this scheme'])(
    '%p withdraws the trainee, confirms, and tells the mentor and coordinator; nothing is stored as answers',
    async (words) => {
      w.source.deliver(await replyTo(questionnaire, PRIYA, `Hi,\n\n${words}\n\nThanks\nPriya`));
      await w.tick('2027-01-04T11:00:00Z');
      expect(status(w).status).toBe('withdrawn');
      expect(subjects(w, PRIYA).at(-1)).toBe('You have stepped back from e-mentoring');
      expect(subjects(w, JANE)).toEqual(['Dr Priya Patel has stepped back from e-mentoring']);
      expect(subjects(w, COORD)).toEqual(['[e-mentoring] Dr Priya Patel has stepped back from e-mentoring']);
      expect(getRound(w.deps.db, 1).answered_at).toBeNull();
    },
  );

  test('"Pause until March" pauses until 1 March, and the confirmation says the date understood', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, 'Pause until March'));
    await w.tick('2027-01-04T11:00:00Z');
    expect(status(w)).toMatchObject({ status: 'paused', paused_until: '2027-03-01' });
    const confirm = to(w, PRIYA).at(-1)!;
    expect(confirm.subject).toBe('E-mentoring paused');
    expect(confirm.text).toContain('Your e-mentoring is paused until Monday 1 March 2027 (2027-03-01)');
    expect(confirm.text).toContain('If you meant another date, reply with PAUSE until that date');
  });

  test('"for two weeks" and "after my exams on 3 May" become dates', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, 'Please pause until after my exams on 3 May.'));
    await w.tick('2027-01-04T11:00:00Z');
    expect(status(w).paused_until).toBe('2027-05-04');
    expect(to(w, PRIYA).at(-1)!.text).toContain('until Tuesday 4 May 2027');
  });

  test('"I might need to pause" in a reply: answers handled as usual, one question, nothing paused', async () => {
    const text = FULL_ANSWERS.replace('Best wishes,', 'I might need to pause the mentoring for a while after this round.\n\nBest wishes,');
    w.source.deliver(await replyTo(questionnaire, PRIYA, text));
    await w.tick('2027-01-04T11:00:00Z');
    expect(status(w).status).toBe('active');
    expect(getRound(w.deps.db, 1).state).toBe('complete');
    expect(subjects(w, JANE)).toEqual(['Questionnaire from Dr Priya Patel, round 1']);
    const question = to(w, PRIYA).find((m) => m.subject === 'Did you mean to pause?')!;
    expect(question.text).toContain('Nothing has changed');
    expect(question.text).toContain('reply to this email with PAUSE until the date you would like to hear from us again');
    expect(question.text).toContain('Replies to this email are read by the e-mentoring system only');
    expect(question.text).not.toContain('appendicectomy');
    // Asked once: a second such reply in the round asks nothing more.
    w.source.deliver(await replyTo(to(w, PRIYA)[1], PRIYA, 'Sorry, I may have to pause soon. Negatives:\n- tired\n- rota'));
    await w.tick('2027-01-05T11:00:00Z');
    expect(subjects(w, PRIYA).filter((s) => s === 'Did you mean to pause?')).toHaveLength(1);
    expect(w.logs.join('\n')).not.toContain('pause the mentoring');
  });

  test('YES to the question pauses (with the date offered); NO changes nothing; anything else goes nowhere', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, 'Thank you. I might have to pause until 1 June 2027, exams are close.'));
    await w.tick('2027-01-04T11:00:00Z');
    const question = to(w, PRIYA).find((m) => m.subject === 'Did you mean to pause?')!;
    expect(question.text).toContain('If you want to pause until Tuesday 1 June 2027, reply to this email with YES');
    const before = w.transport.sent.length;
    w.source.deliver(await replyTo(question, PRIYA, 'What does this mean for my mentor?'));
    await w.tick('2027-01-04T12:00:00Z');
    expect(w.transport.sent).toHaveLength(before); // not relayed, nothing changed
    // Answers under the headings, sent in reply to the question, are still answers.
    w.source.deliver(await replyTo(question, PRIYA, 'Negatives:\n- long nights\n- missed teaching'));
    await w.tick('2027-01-04T12:30:00Z');
    expect(w.transport.sent.filter((m) => m.text.includes('missed teaching')).map((m) => m.to.address)).toEqual([JANE, PRIYA]);
    w.source.deliver(await replyTo(question, PRIYA, 'Yes please'));
    await w.tick('2027-01-04T13:00:00Z');
    expect(status(w)).toMatchObject({ status: 'paused', paused_until: '2027-06-01' });
    expect(subjects(w, PRIYA).at(-1)).toBe('E-mentoring paused');
  });

  test('NO to the question settles it', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, "Things are hard. I'm thinking of leaving the scheme.\n\nSkills: suturing"));
    await w.tick('2027-01-04T11:00:00Z');
    const question = to(w, PRIYA).find((m) => m.subject === 'Did you mean to stop?')!;
    const before = w.transport.sent.length;
    w.source.deliver(await replyTo(question, PRIYA, 'No, carry on'));
    await w.tick('2027-01-04T12:00:00Z');
    expect(w.transport.sent).toHaveLength(before);
    expect(status(w).status).toBe('active');
    expect(stmt(w.deps.db, 'SELECT command, answer FROM command_questions').all()).toEqual([{ command: 'STOP', answer: 'no' }]);
  });
});

describe('a pause that would end today or earlier is refused', () => {
  let w: World;
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-02-05T10:00:00Z');
  });
  afterEach(() => w.close());

  test('by email: a reply saying the date has passed and how to write it; nothing changes', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, 'PAUSE until 2026-01-01'));
    await w.tick('2027-02-05T11:00:00Z');
    expect(status(w).status).toBe('active');
    const reply = to(w, PRIYA).at(-1)!;
    expect(reply.subject).toBe('E-mentoring was not paused: that date has passed');
    expect(reply.text).toContain(
      'You asked to pause until Thursday 1 January 2026, but that date is not after today (Friday 5 February 2027)',
    );
    expect(reply.text).toContain('PAUSE until 2027-03-05');
    expect(subjects(w, PRIYA)).not.toContain('E-mentoring paused');
  });

  test('by the CLI: exit 2 and a clear message; nothing changes and nothing is sent', async () => {
    const saved = { ...process.env };
    const out: string[] = [];
    const err: string[] = [];
    Object.assign(process.env, { MENTORMAIL_DB: w.deps.config.dbPath, MENTORMAIL_MAILDIR: `${w.dir}/mail` });
    try {
      const code = await main(
        ['node', 'mentormail', 'pause', PRIYA, '--until', '2026-01-01', '--now', '2027-02-05T10:30:00Z'],
        (l) => out.push(l),
        (l) => err.push(l),
      );
      expect(code).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(err.join('\n')).toBe(
      'mentormail: --until 2026-01-01 is not after today (2027-02-05 in Europe/London): give the day the pause should end, for example --until 2027-03-05',
    );
    expect(out.join('\n')).not.toContain('paused until');
    expect(status(w).status).toBe('active');
  });

  test('an e-mentor is held to the same rule', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-02-05T11:00:00Z');
    w.source.deliver(await compose({ from: JANE, to: to(w, JANE)[0].replyTo!, subject: 'Re: x', text: 'Pause until 5 February 2027' }));
    await w.tick('2027-02-05T12:00:00Z');
    expect(findPersonByEmail(w.deps.db, JANE)!.status).toBe('active');
    expect(to(w, JANE).at(-1)!.text).toContain('reminders to you continue as before');
  });
});
