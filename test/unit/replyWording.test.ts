/**
 * Issue 9 items 13 and 15 (the email wording): a free-text reply is a reply; names with
 * post-nominals; the addendum's wording; the questionnaire's reply-by date and coordinator;
 * the recipient told when a relay left attachments out.
 */
import { getRound } from '../../src/db/rounds';
import { longDate, nameInProse } from '../../src/mail/wording';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,${PRIYA},Dr Jane Smith,${JANE},2027-01-04
`;
const to = (w: World, address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);

const FREE_TEXT = `Hi Jane,

It has been a tough couple of months. I did my first solo appendicectomy, which felt great,
but the rota gaps mean I keep missing teaching. I would like to talk about how to prepare
for the MRCS Part B.

Priya`;

async function world(roster = ROSTER, env: Record<string, string> = {}): Promise<World> {
  const w = makeWorld(env);
  importRoster(w.deps.db, roster, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
  await w.tick('2027-01-04T10:00:00Z');
  return w;
}

describe('a free-text reply (no headings) is a reply', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
    w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FREE_TEXT));
    await w.tick('2027-01-04T11:00:00Z');
  });
  afterEach(() => w.close());

  test('the forward gives the reply as written, with no empty headings above it', () => {
    const [forward] = to(w, JANE);
    expect(forward.subject).toBe('Questionnaire from Dr Priya Patel, round 1');
    expect(forward.text).toContain(
      'Dr Priya Patel has answered their e-mentoring questionnaire (round 1) in their own words, without the headings.\n\nTheir reply, as written:\n\nHi Jane,\n\nIt has been a tough couple of months.',
    );
    expect(forward.text).not.toContain('(not answered)');
    expect(forward.text).not.toContain('Not answered yet');
    expect(forward.text).not.toMatch(/^1\. Skills acquisition$/m);
    expect(forward.text).toContain('They have been asked, once, whether they would like to add anything');
    expect(forward.html).toContain('<b>Their reply, as written:</b>');
    expect(forward.html).not.toContain('(not answered)');
  });

  test('the receipt thanks, lists no empty headings, and kindly offers the headings once', () => {
    const receipt = to(w, PRIYA)[1];
    expect(receipt.subject).toBe('Thank you: your reply for round 1 was received');
    expect(receipt.text).toContain('Your reply for round 1 has gone to your e-mentor, Dr Jane Smith, just as you wrote it.');
    expect(receipt.text).not.toContain('(nothing recorded)');
    expect(receipt.text).not.toContain('Not answered yet');
    expect(receipt.text).toContain('If you would like to, you can also reply with a few words under any of the questionnaire');
    expect(receipt.text).toContain('it is just as fine to leave it as it is');
    expect(receipt.text.split('\n')).toContain('9. Negative points from the past two months (at least two)');
    expect(getRound(w.deps.db, 1)).toMatchObject({ state: 'answered', followup_sent_at: '2027-01-04T11:00:00.000Z' });
  });

  test('the offer is made once per round: a second free-text reply gets a plain thank-you', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[1], PRIYA, 'One more thing: my supervisor has been very supportive.'));
    await w.tick('2027-01-05T11:00:00Z');
    const second = to(w, PRIYA)[2];
    expect(second.text).not.toContain('If you would like to, you can also reply');
    expect(second.text).not.toContain('(nothing recorded)');
    expect(to(w, JANE)[1].subject).toBe('Addendum: questionnaire from Dr Priya Patel, round 1');
    expect(to(w, JANE)[1].text).toContain('has added to their answers for round 1, in their own words.');
  });

  test('headed answers after free text are recorded, and nothing more is asked', async () => {
    w.source.deliver(await replyTo(to(w, PRIYA)[1], PRIYA, 'Positives:\n- solo appendicectomy\n- good team\n'));
    await w.tick('2027-01-05T11:00:00Z');
    const receipt = to(w, PRIYA)[2];
    expect(receipt.text).toContain('8. Positive points from the past two months (at least two)\n  - solo appendicectomy');
    expect(receipt.text).not.toContain('Not answered yet');
    const addendum = to(w, JANE)[1];
    // Said properly: the intro, then the answers, then what is not answered yet.
    expect(addendum.text).toContain(
      'Dr Priya Patel has added to their answers for round 1.\n\nTheir answers under the headings so far:\n\n8. Positive points',
    );
    expect(addendum.text).toMatch(
      /- good team\n\nNot answered yet: Skills acquisition; .*They have been asked once, politely, for the rest\./,
    );
  });
});

describe('names, dates and contacts in the mail', () => {
  test.each([
    ['Dr Ana Lopez, MRCP', 'Dr Ana Lopez'],
    ['Dr Ana Lopez, MBBS, MRCP(UK)', 'Dr Ana Lopez'],
    ['Mr James Harris FRCS(Eng)', 'Mr James Harris'],
    ['Prof. Sarah Jones PhD FRCP', 'Prof. Sarah Jones'],
    ['Dr Ana LOPEZ', 'Dr Ana LOPEZ'],
    ['Lopez, Ana', 'Lopez, Ana'],
    ['Dr Chris Evans', 'Dr Chris Evans'],
  ])('%p reads as %p', (name, prose) => {
    expect(nameInProse(name)).toBe(prose);
  });

  test('long dates', () => {
    expect(longDate('2027-03-01')).toBe('Monday 1 March 2027');
  });

  test('post-nominals and names ending in s: greetings and subjects read right, no possessives', async () => {
    const w = await world(`trainee_name,trainee_email,mentor_name,mentor_email,start_date
"Dr Ana Lopez, MRCP",ana@trainee.example,Mr James Harris FRCS,james@mentor.example,2027-01-04
`);
    try {
      const questionnaire = to(w, 'ana@trainee.example')[0];
      expect(questionnaire.text).toMatch(/^Dear Dr Ana Lopez,$/m);
      expect(questionnaire.text).toContain('your e-mentor, Mr James Harris.');
      w.source.deliver(await replyTo(questionnaire, 'ana@trainee.example', FULL_ANSWERS));
      await w.tick('2027-01-04T11:00:00Z');
      const forward = to(w, 'james@mentor.example')[0];
      expect(forward.subject).toBe('Questionnaire from Dr Ana Lopez, round 1');
      expect(forward.from.name).toBe('Dr Ana Lopez via E-mentoring');
      expect(forward.text).toMatch(/^Dear Mr James Harris,$/m);
      const all = w.transport.sent.map((m) => `${m.subject}\n${m.text}`).join('\n');
      expect(all).not.toMatch(/MRCP|FRCS|'s questionnaire|Harris's|Harris'/);
    } finally {
      await w.close();
    }
  });

  test('the questionnaire gives the reply-by date (the day the first reminder goes) and the coordinator', async () => {
    const w = await world();
    try {
      const q = to(w, PRIYA)[0];
      expect(q.text).toContain('Please reply by Monday 18 January 2027.');
      expect(q.text).toContain('Write to the coordinator at coordinator@scheme.example.');
      expect(q.html).toContain('Please reply by <b>Monday 18 January 2027</b>');
      for (let d = 1; d <= 20; d++) await w.tick(new Date(Date.parse('2027-01-04T10:00:00Z') + d * 86_400_000));
      expect(to(w, PRIYA)[1].subject).toBe('Reminder: e-mentoring questionnaire, round 1');
      // Ticks run daily at 10:00 UTC: the first reminder went on the reply-by day.
      expect(getRound(w.deps.db, 1)).toMatchObject({ reminders_sent: 1, last_reminder_at: '2027-01-18T10:00:00.000Z' });
    } finally {
      await w.close();
    }
  });

  test('a reply-by day that falls on a weekend moves to when the reminder would really go', async () => {
    const w = await world(ROSTER, { REMIND_AFTER_DAYS: '12' }); // 16 January 2027 is a Saturday
    try {
      expect(to(w, PRIYA)[0].text).toContain('Please reply by Monday 18 January 2027.');
    } finally {
      await w.close();
    }
  });

  test('attachments with answers reach the mentor up to the limit; both sides are told of the rest', async () => {
    const w = await world(ROSTER, { RELAY_MAX_ATTACHMENT_MB: '1' });
    try {
      w.source.deliver(
        await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS, {
          attachments: [
            { filename: 'cv.pdf', content: Buffer.alloc(100_000, 1), contentType: 'application/pdf' },
            { filename: 'logbook.pdf', content: Buffer.alloc(1_200_000, 2), contentType: 'application/pdf' },
          ],
        }),
      );
      await w.tick('2027-01-04T11:00:00Z');
      const [forward] = to(w, JANE);
      expect(forward.attachments.map((a) => a.filename)).toEqual(['cv.pdf']);
      expect(forward.text).toContain('(Dr Priya Patel also attached a file that was too large for the scheme to pass on: logbook.pdf.');
      expect(to(w, PRIYA).map((m) => m.subject)).toContain('Your attachment was not passed on');
    } finally {
      await w.close();
    }
  });

  test("the recipient is told when the sender's attachment was not passed on, without the file", async () => {
    const w = await world(ROSTER, { RELAY_MAX_ATTACHMENT_MB: '1' });
    try {
      w.source.deliver(await replyTo(to(w, PRIYA)[0], PRIYA, FULL_ANSWERS));
      await w.tick('2027-01-04T11:00:00Z');
      w.source.deliver(
        await replyTo(to(w, JANE)[0], JANE, 'A scan for you.', {
          attachments: [{ filename: 'huge-scan.pdf', content: Buffer.alloc(1_200_000, 2), contentType: 'application/pdf' }],
        }),
      );
      await w.tick('2027-01-05T10:00:00Z');
      const relay = to(w, PRIYA).at(-1)!;
      expect(relay.text).toContain(
        '(Dr Jane Smith also attached a file that was too large for the scheme to pass on: huge-scan.pdf. Dr Jane Smith has been told.)',
      );
      expect(relay.attachments).toEqual([]);
      expect(to(w, JANE).at(-1)!.subject).toBe('Your attachment was not passed on');
    } finally {
      await w.close();
    }
  });
});
