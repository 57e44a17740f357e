import { loadEvaluation, PILOT_QUESTION } from '../../src/evaluation/definition';
import { openEvaluations } from '../../src/evaluation/open';
import type { OutgoingMail } from '../../src/mail/transport';
import { readEvaluation } from '../../src/reading/5-answers/evaluation';
import { SchemeBuilder } from '../support/health';
import { compose, makeWorld, quoted, replyTo, type World } from '../support/world';

const trainee = loadEvaluation().trainee;
const mentor = loadEvaluation().mentor;
const PLANTED = 'OKAPI-IN-THE-FREE-TEXT';

describe('reading evaluation answers (pure)', () => {
  test('numbered answers, with n/a and the free text', () => {
    const text = `1. Yes, very much\n2. 4\n3) 5 - it helped with the MRCS\n4: n/a\n5. 3\n6. 4\n7. 2\n8. n/a\n9. N/A\n10. 9\n11. ${PLANTED} was great`;
    expect(readEvaluation(text, trainee.items)).toEqual({
      values: {
        useful: 1,
        support: 4,
        skills: 5,
        growth: null,
        counsel: 3,
        role_model: 4,
        research: 2,
        publications: null,
        thesis: null,
        recommend: 9,
      },
      unusable: [],
      comment: `${PLANTED} was great`,
    });
  });

  test('typed after each quoted question (as the reply trimmer keeps it)', () => {
    const text = `> 1. ${PILOT_QUESTION} (yes or no)\nNo\n\n> 2. My e-mentor gave me academic, psychological and social support. (1 strongly disagree to 5 strongly agree, or n/a)\n2\n\n> 10. How likely are you to recommend e-mentoring to a colleague? (0 not at all likely to 10 extremely likely)\n6`;
    expect(readEvaluation(text, trainee.items)).toEqual({ values: { useful: 0, support: 2, recommend: 6 }, unusable: [], comment: null });
  });

  test('1=yes 2=4 on a line; out-of-range answers are unusable, not guessed', () => {
    expect(readEvaluation('1=yes 2=4, 3=7\n10: 11', trainee.items)).toEqual({
      values: { useful: 1, support: 4 },
      unusable: ['skills', 'recommend'],
      comment: null,
    });
  });

  test('with no numbers or questions, one answer per line in order, then the comment', () => {
    expect(readEvaluation('yes\n4\n5\n8\nThank you for running it.', mentor.items)).toEqual({
      values: { useful: 1, worthwhile: 4, time: 5, recommend: 8 },
      unusable: [],
      comment: 'Thank you for running it.',
    });
  });
});

describe('evaluate open, the survey and its answers (fake mail)', () => {
  let w: World;
  let scheme: SchemeBuilder;
  // Surveys and what follows them (the scheme's own questionnaires go on too, to c).
  const to = (address: string): OutgoingMail[] =>
    w.transport.sent.filter((m) => m.to.address === address && !m.subject.startsWith('E-mentoring questionnaire'));
  const A = 'a-trainee@example.test';
  const B = 'b-trainee@example.test';
  const AM = 'a-mentor@example.test';
  const BM = 'b-mentor@example.test';
  const C = 'c-trainee@example.test';
  const evaluation = (email: string) =>
    w.deps.db
      .prepare('SELECT e.state, e.reminders_sent, e.comment FROM evaluations e JOIN people p ON p.id = e.person_id WHERE p.email = ?')
      .get(email) as { state: string; reminders_sent: number; comment: string | null } | undefined;
  const values = (email: string) =>
    Object.fromEntries(
      (
        w.deps.db
          .prepare(
            'SELECT a.item, a.value FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id JOIN people p ON p.id = e.person_id WHERE p.email = ?',
          )
          .all(email) as { item: string; value: number | null }[]
      ).map((r) => [r.item, r.value]),
    );

  beforeEach(() => {
    // Yearly rounds: the pairs below have had theirs, so the ticks send no questionnaire to a or b.
    w = makeWorld({ CYCLE_MONTHS: '12' });
    scheme = new SchemeBuilder(w.deps.db)
      .add({
        key: 'a',
        start: '2027-01-04T10:00:00.000Z',
        rounds: [
          { answer: 3, feedback: 2 },
          { answer: 3, feedback: 2 },
        ],
      })
      .add({
        key: 'b',
        start: '2027-01-04T10:00:00.000Z',
        rounds: [{ answer: 3 }],
        status: { status: 'withdrawn', since: '2027-06-01T10:00:00.000Z' },
      })
      .add({ key: 'c', start: '2026-01-05T10:00:00.000Z', rounds: [{ answer: 3 }] }); // nothing sent in 2027 before the survey opens
  });
  afterEach(() => w.close());

  test('everyone active that year is surveyed once, leavers too; nobody from other years', async () => {
    expect(openEvaluations(w.deps.db, 2027, 'Europe/London', new Date('2027-12-01T09:00:00Z'))).toEqual({
      year: 2027,
      trainees: 2,
      mentors: 2,
      leavers: 1,
      added: 4,
    });
    expect(openEvaluations(w.deps.db, 2027, 'Europe/London', new Date('2027-12-01T09:00:00Z')).added).toBe(0);
    await w.tick('2027-12-04T10:00:00Z'); // Saturday: outside the sending window
    expect(w.transport.sent).toHaveLength(0);
    await w.tick('2027-12-06T10:00:00Z');
    await w.tick('2027-12-06T10:00:00Z');
    expect([A, B, AM, BM, C].map((a) => to(a).length)).toEqual([1, 1, 1, 1, 0]);
    const survey = to(A)[0];
    expect(survey.subject).toBe('E-mentoring in 2027: was it useful to you?');
    expect(survey.text).toContain(`1. ${PILOT_QUESTION} (yes or no)`);
    expect(survey.text).toContain(
      '10. How likely are you to recommend e-mentoring to a colleague? (0 not at all likely to 10 extremely likely)',
    );
    expect(survey.text).not.toContain('no reminder');
    expect(to(B)[0].text).toContain('This is the only email about it you will receive: there will be no reminder.');
    expect(to(AM)[0].text).toContain(
      '1. Do you think e-mentoring was a useful independent form of support and advice for your mentee(s)? (yes or no)',
    );
    expect(to(AM)[0].text).not.toContain('11.');
  });

  test("answers are kept as numbers, the free text in the person's own record; one follow-up; thanks when complete", async () => {
    openEvaluations(w.deps.db, 2027, 'Europe/London', new Date('2027-12-01T09:00:00Z'));
    await w.tick('2027-12-06T10:00:00Z');
    w.source.deliver(await replyTo(to(A)[0], A, `1. Yes\n2. 5\n3. 4\n10. 9\n11. ${PLANTED}`));
    await w.tick('2027-12-06T12:00:00Z');
    expect(values(A)).toEqual({ useful: 1, support: 5, skills: 4, recommend: 9 });
    expect(evaluation(A)).toMatchObject({ state: 'answered', comment: PLANTED });
    const followup = to(A)[1];
    expect(followup.subject).toBe('E-mentoring in 2027: a few answers missing');
    expect(followup.text).toContain('4. E-mentoring helped my personal growth and development.');
    expect(followup.text).not.toContain('2. My e-mentor');
    // Answered inline under the follow-up's quoted questions.
    const inline = `Here you are.\n\n${quoted(followup)
      .replace(/^(> 4\..*)$/m, '$1\n4')
      .replace(/^(> 5\..*)$/m, '$1\n5')
      .replace(/^(> 6\..*)$/m, '$1\n3')
      .replace(/^(> 7\..*)$/m, '$1\nn/a')
      .replace(/^(> 8\..*)$/m, '$1\nn/a')
      .replace(/^(> 9\..*)$/m, '$1\nn/a')}`;
    w.source.deliver(
      await compose({ from: A, to: followup.replyTo!, subject: `Re: ${followup.subject}`, inReplyTo: followup.messageId, text: inline }),
    );
    await w.tick('2027-12-07T10:00:00Z');
    expect(values(A)).toMatchObject({ growth: 4, counsel: 5, role_model: 3, research: null, publications: null, thesis: null });
    expect(evaluation(A)?.state).toBe('complete');
    expect(to(A).map((m) => m.subject)).toEqual([
      'E-mentoring in 2027: was it useful to you?',
      'E-mentoring in 2027: a few answers missing',
      'Thank you: your view of e-mentoring in 2027 was received',
    ]);
    // The free text went nowhere else.
    for (const m of w.transport.sent) expect(m.text).not.toContain(PLANTED);
    expect(w.logs.join('\n')).not.toContain(PLANTED);
  });

  test('reminders follow the reminder policy; leavers are never reminded; then the survey lapses', async () => {
    openEvaluations(w.deps.db, 2027, 'Europe/London', new Date('2027-12-01T09:00:00Z'));
    for (let day = 0; day < 40; day++) await w.tick(new Date(Date.parse('2027-12-06T10:00:00Z') + day * 86_400_000));
    // REMIND_AFTER_DAYS 14, REMIND_EVERY_DAYS 7, MAX_REMINDERS 2: 20 and 27 December; lapsed from 3 January.
    expect(to(BM).map((m) => m.date.toISOString().slice(0, 10))).toEqual(['2027-12-06', '2027-12-20', '2027-12-27']);
    expect(evaluation(BM)).toMatchObject({ state: 'lapsed', reminders_sent: 2 });
    expect(to(B)).toHaveLength(1);
    expect(evaluation(B)).toMatchObject({ state: 'lapsed', reminders_sent: 0 });
  });

  test('STOP in reply to the survey still stops a trainee', async () => {
    openEvaluations(w.deps.db, 2027, 'Europe/London', new Date('2027-12-01T09:00:00Z'));
    await w.tick('2027-12-06T10:00:00Z');
    w.source.deliver(await replyTo(to(A)[0], A, 'STOP'));
    await w.tick('2027-12-06T12:00:00Z');
    expect(to(A).map((m) => m.subject)).toContain('You have stepped back from e-mentoring');
    expect(scheme.pairIds.size).toBe(3);
  });
});
