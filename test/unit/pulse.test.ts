import fs from 'node:fs';
import path from 'node:path';
import { loadPulse, pulseShape } from '../../src/pulse/definition';
import { checkPulse } from '../../src/pulse/check';
import { readPulse } from '../../src/reading';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { DEFAULT_PULSE } from '../support/health';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const shape = pulseShape(loadPulse(DEFAULT_PULSE))!;
const def = loadPulse(DEFAULT_PULSE);

describe('reading the pulse (pure)', () => {
  test('Q1=4 … on one line, anywhere in the sender text, comes out of the text', () => {
    const r = readPulse('Thanks for this.\nQ1=4 Q2=5, Q3=3; Q4=4 Q5=2 (a quiet month)\n\nBest,\nPriya', shape);
    expect(r.ratings).toEqual([1, 2, 3, 4, 5].map((q, i) => ({ question: q, value: [4, 5, 3, 4, 2][i] })));
    expect(r.text).toBe('Thanks for this.\n\nBest,\nPriya');
  });

  test('one number per line under the heading, in order; the block ends at the first other line', () => {
    const r = readPulse('10. Anything else\nNo.\n\n**Pulse:**\n4\n5\nthree\n4\n5/5\nThanks, Priya', shape);
    expect(r.ratings?.map((x) => x.value)).toEqual([4, 5, 3, 4, 5]);
    expect(r.text).toBe('10. Anything else\nNo.\n\nThanks, Priya');
  });

  test('a number typed after each quoted question answers that question', () => {
    const quoted = [
      'My answers are above.',
      '',
      '> Pulse (optional)',
      '> Optional, about 30 seconds: rate each from 1 (not at all) to 5 (very much). Only the',
      '> coordinator sees these, and only as totals; your e-mentor never does. Write a number',
      '> after each question, or one line such as Q1=4 Q2=5 Q3=3 Q4=4 Q5=5.',
      '> Q1 Overall, how good is your e-mentoring? (1 poor, 5 excellent) =',
      '2',
      '> Q2 We give it enough time and attention =',
      '> Q3 We agree how and when we write =',
      '5',
      '>',
      '> Your answers go only to your e-mentor.',
    ].join('\n');
    const r = readPulse(quoted, shape);
    expect(r.ratings).toEqual([
      { question: 1, value: 2 },
      { question: 3, value: 5 },
    ]);
    // Our own lines are gone too (their "Q1 ..." would otherwise read as a heading for section 1).
    expect(r.text).toBe('My answers are above.\n\n>\n> Your answers go only to your e-mentor.');
  });

  test('ratings typed into an unmarked original (Outlook) are read; the example in our intro is not', () => {
    const unmarked = [
      'See below.',
      'From: E-mentoring',
      'Pulse (optional)',
      'Optional, about 30 seconds: rate each from 1 (not at all) to 5 (very much). Only the coordinator sees these, and only as totals; your e-mentor never does. Write a number after each question, or one line such as Q1=4 Q2=5 Q3=3 Q4=4 Q5=5.',
      'Q1 Overall, how good is your e-mentoring? (1 poor, 5 excellent) = 3',
      'Q2 We give it enough time and attention = 7',
      'Q3 We agree how and when we write =',
    ].join('\n');
    const r = readPulse(unmarked, shape);
    expect(r.ratings).toEqual([
      { question: 1, value: 3 },
      { question: 2, value: 7 },
    ]);
    expect(r.text).toBe('See below.\nFrom: E-mentoring');
  });

  test('words that only look like the pulse are left alone', () => {
    const text = 'Skills\nPulse oximetry on the ward.\nQ3 was the hardest question.\n4 night shifts in a row.';
    expect(readPulse(text, shape)).toEqual({ text, ratings: null });
  });

  test('checking against the form: kept, missing and unusable', () => {
    const r = readPulse('Q1=4 Q2=0 Q3=3.5 Q4=five Q6=2', shape);
    expect(checkPulse(r.ratings!, def.trainee)).toEqual({
      scores: [
        { key: 'quality', score: 4 },
        { key: 'support', score: 5 },
      ],
      missing: [5],
      unusable: [2, 3, 6],
    });
    // What was kept from an earlier reply is not missing.
    expect(checkPulse([{ question: 1, value: 4 }], def.mentor, new Set(['agreement'])).missing).toEqual([]);
  });
});

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const PLANTED = 'ZEBRA-PULSE-COMMENT';

describe('the pulse in a round (fake mail)', () => {
  let w: World;
  const to = (address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
  const ratings = () =>
    w.deps.db.prepare('SELECT person_id, role, item, score FROM pulse_answers ORDER BY person_id, item').all() as {
      role: string;
      item: string;
      score: number;
    }[];

  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
  });
  afterEach(() => w.close());

  test('the questionnaire ends with the five questions; the trainee ratings never reach the e-mentor', async () => {
    const questionnaire = to(PRIYA)[0];
    expect(questionnaire.text).toContain('Pulse (optional)\nOptional, about 30 seconds');
    expect(questionnaire.text).toContain('Q5 My e-mentor challenges me =');
    w.source.deliver(await replyTo(questionnaire, PRIYA, `${FULL_ANSWERS}\n\nPulse\nQ1=2 Q2=3 Q3=4 Q4=5 Q5=1 ${PLANTED}`));
    await w.tick('2027-01-04T11:00:00Z');
    const forward = to(JANE)[0];
    expect(forward.text).toContain('Consultant colorectal surgeon.');
    expect(forward.text).not.toMatch(/Q1=2|ZEBRA/);
    expect(forward.text).toContain('How did you prepare for Part B?');
    expect(ratings().map((r) => `${r.role}:${r.item}=${r.score}`)).toEqual([
      'trainee:agreement=4',
      'trainee:challenge=1',
      'trainee:quality=2',
      'trainee:support=5',
      'trainee:time=3',
    ]);
    // The record holds the words without the pulse, and counts them without it.
    const entry = w.deps.db.prepare('SELECT body_text, words FROM messages').get() as { body_text: string; words: number };
    expect(entry.body_text).not.toContain('Q1=2');
    expect(entry.words).toBeGreaterThan(60);
    expect(to(PRIYA).filter((m) => m.subject.includes('pulse'))).toHaveLength(0);
  });

  test('missing and out-of-range ratings get one follow-up, whose reply is kept and not relayed', async () => {
    w.source.deliver(await replyTo(to(PRIYA)[0], PRIYA, `${FULL_ANSWERS}\n\nQ1=4 Q2=9 Q3=3`));
    await w.tick('2027-01-04T11:00:00Z');
    const followups = () => to(PRIYA).filter((m) => m.subject.startsWith('Your e-mentoring pulse'));
    expect(followups()).toHaveLength(1);
    const followup = followups()[0];
    expect(followup.text).toContain(
      'Q2 We give it enough time and attention =\nQ4 My e-mentor supports me =\nQ5 My e-mentor challenges me =',
    );
    expect(followup.text).not.toContain('Q1 Overall');
    // Answered inline under the quoted questions, with a remark.
    w.source.deliver(await replyTo(followup, PRIYA, `Q2=4\nQ4=8\n${PLANTED} sorry`));
    await w.tick('2027-01-05T10:00:00Z');
    expect(ratings().map((r) => `${r.item}=${r.score}`)).toEqual(['agreement=3', 'quality=4', 'time=4']);
    // Still one follow-up: the question is asked once per round.
    expect(followups()).toHaveLength(1);
    expect(
      to(JANE)
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain(PLANTED);
  });

  test("the e-mentor's two ratings come out of the feedback before it is relayed", async () => {
    w.source.deliver(await replyTo(to(PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    const forward = to(JANE)[0];
    expect(forward.text).toContain('Pulse (optional)');
    expect(forward.text).toContain('Q2 We agree how and when we write =');
    w.source.deliver(await replyTo(forward, JANE, `Well done on the appendicectomy.\n\nQ1=5 Q2=4 ${PLANTED}\n\nJane`));
    await w.tick('2027-01-05T10:00:00Z');
    const relay = to(PRIYA).at(-1)!;
    expect(relay.text).toContain('Well done on the appendicectomy.');
    expect(relay.text).not.toMatch(/Q1=5|ZEBRA/);
    expect(ratings().map((r) => `${r.role}:${r.item}=${r.score}`)).toEqual(['mentor:agreement=4', 'mentor:quality=5']);
  });

  test('enabled: false asks nothing and reads nothing', async () => {
    const file = path.join(w.dir, 'pulse.yml');
    fs.writeFileSync(file, fs.readFileSync(DEFAULT_PULSE, 'utf8').replace('enabled: true', 'enabled: false'));
    const off = makeWorld({ MENTORMAIL_PULSE: file });
    try {
      importRoster(off.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
      await off.tick('2027-01-04T10:00:00Z');
      const questionnaire = off.transport.sent[0];
      expect(questionnaire.text).not.toContain('Pulse');
      off.source.deliver(await replyTo(questionnaire, PRIYA, `${FULL_ANSWERS}\nQ1=4`));
      await off.tick('2027-01-04T11:00:00Z');
      expect(off.deps.db.prepare('SELECT COUNT(*) AS n FROM pulse_answers').get()).toEqual({ n: 0 });
    } finally {
      await off.close();
    }
  });
});
