import { getAnswers } from '../../src/db/answers';
import { getRound } from '../../src/db/rounds';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { statusReport, formatStatus } from '../../src/status';
import { compose, FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const MON = '2027-01-04T10:00:00Z';
const LATER = '2027-01-04T11:00:00Z';

function to(w: World, address: string): OutgoingMail[] {
  return w.transport.sent.filter((m) => m.to.address === address);
}
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const COORD = 'coordinator@scheme.example';

describe('one round, end to end on fakes', () => {
  let w: World;
  let questionnaire: OutgoingMail;
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date(MON), false);
    await w.tick(MON);
    questionnaire = to(w, PRIYA)[0];
  });
  afterEach(() => w.close());

  test('the questionnaire names the mentor, confidentiality, and how to pause or stop', () => {
    expect(questionnaire.subject).toBe('E-mentoring questionnaire, round 1');
    expect(questionnaire.replyTo).toMatch(/^mentoring\+[a-z2-7]{32}@scheme\.example$/);
    expect(questionnaire.headers['List-Unsubscribe']).toMatch(/^<mailto:mentoring\+[a-z2-7]{32}@scheme\.example\?subject=STOP>$/);
    for (const line of [
      '1. Skills acquisition',
      '8. Positive points from the past two months (at least two)',
      '10. Anything else for your e-mentor (optional)',
    ]) {
      expect(questionnaire.text.split('\n')).toContain(line);
    }
    expect(questionnaire.text).toContain('go only to your e-mentor, Dr Jane Smith');
    expect(questionnaire.text).toMatch(/confidential and not part of any assessment/);
    expect(questionnaire.text).toMatch(/PAUSE/);
    expect(questionnaire.text).toMatch(/STOP/);
    expect(questionnaire.html).toContain('<b>1. Skills acquisition</b>');
  });

  test('a complete reply is stored, forwarded once to the mentor, and receipted', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, FULL_ANSWERS));
    await w.tick(LATER);
    await w.tick(LATER);
    const [forward] = to(w, JANE);
    expect(to(w, JANE)).toHaveLength(1);
    expect(forward.from.name).toBe('Dr Priya Patel via E-mentoring');
    expect(forward.subject).toBe('Questionnaire from Dr Priya Patel, round 1');
    expect(forward.text).toContain('8. Positive points from the past two months (at least two)\n  - Solo appendicectomy');
    expect(forward.text).toContain('Consultant colorectal surgeon.');
    expect(forward.text).not.toContain('Not answered yet');
    expect(forward.replyTo).toMatch(/^mentoring\+[a-z2-7]{32}@scheme\.example$/);
    expect(forward.replyTo).not.toBe(questionnaire.replyTo);
    const receipts = to(w, PRIYA).slice(1);
    expect(receipts).toHaveLength(1);
    expect(receipts[0].text).toContain('Pass MRCS Part B.');
    expect(receipts[0].inReplyTo).toBeTruthy();
    const round = getRound(w.deps.db, 1);
    expect(round.state).toBe('complete');
    expect(getAnswers(w.deps.db, 1).negatives).toEqual(['Delayed diagnosis of perforated bowel', 'Missed teaching because of rota gaps']);
  });

  test('an incomplete reply is forwarded at once, marked, and yields exactly one follow-up', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, 'Skills: suturing\n\nPositives:\n- a good week\n\nThanks'));
    await w.tick(LATER);
    const first = to(w, PRIYA)[1];
    expect(first.text).toContain('Not answered yet');
    expect(first.text).toContain('9. Negative points from the past two months (at least two)');
    expect(to(w, JANE)[0].text).toContain('Not answered yet');
    // A second, still incomplete reply adds to the answers but asks nothing more.
    w.source.deliver(await replyTo(first, PRIYA, 'Negatives:\n- long nights\n'));
    await w.tick('2027-01-05T10:00:00Z');
    const [, , second] = to(w, PRIYA);
    expect(second.text).not.toContain('Not answered yet');
    expect(to(w, JANE)[1].subject).toMatch(/^Addendum: /);
    expect(getAnswers(w.deps.db, 1)).toMatchObject({ skills: 'suturing', positives: ['a good week'], negatives: ['long nights'] });
    expect(w.transport.sent.filter((m) => m.text.includes('Not answered yet') && m.to.address === PRIYA)).toHaveLength(1);
  });

  test('a reply to the token from another address is held, never forwarded', async () => {
    w.source.deliver(await replyTo(questionnaire, 'mallory@elsewhere.example', FULL_ANSWERS));
    await w.tick(LATER);
    expect(to(w, JANE)).toHaveLength(0);
    expect(to(w, 'mallory@elsewhere.example')).toHaveLength(0);
    expect(statusReport(w.deps.db, w.deps.config, new Date(LATER)).inbound).toEqual({ held: 1 });
  });

  test('status and logs carry no content', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, FULL_ANSWERS));
    await w.tick(LATER);
    const report = statusReport(w.deps.db, w.deps.config, new Date(LATER));
    const shown = JSON.stringify(report) + formatStatus(report) + w.logs.join('\n');
    for (const planted of ['appendicectomy', 'MRCS', 'colorectal', 'running club', 'perforated']) expect(shown).not.toContain(planted);
    expect(report.counts).toMatchObject({ sent: 1, answered: 1, complete: 1, forwarded: 1 });
  });

  test('the same message delivered twice is processed once', async () => {
    const raw = await replyTo(questionnaire, PRIYA, FULL_ANSWERS);
    w.source.deliver(raw);
    w.source.deliver(raw);
    await w.tick(LATER);
    expect(to(w, JANE)).toHaveLength(1);
  });

  test('an out-of-office reply is never answered or forwarded', async () => {
    w.source.deliver(
      await compose({
        from: PRIYA,
        to: questionnaire.replyTo!,
        subject: `Automatic reply: ${questionnaire.subject}`,
        headers: { 'Auto-Submitted': 'auto-replied' },
        inReplyTo: questionnaire.messageId,
        text: 'I am on leave until 18 January 2027 with limited access to email.',
      }),
    );
    await w.tick(LATER);
    expect(w.transport.sent).toHaveLength(1);
    expect(getRound(w.deps.db, 1)).toMatchObject({ state: 'sent', remind_not_before: '2027-01-19T00:00:00.000Z' });
  });

  test('STOP ends all mail to the trainee and tells the mentor and coordinator, without content', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, 'STOP'));
    await w.tick(LATER);
    expect(to(w, PRIYA).map((m) => m.subject)).toEqual(['E-mentoring questionnaire, round 1', 'You have stepped back from e-mentoring']);
    expect(to(w, JANE).map((m) => m.subject)).toEqual(['Dr Priya Patel has stepped back from e-mentoring']);
    expect(to(w, COORD)).toHaveLength(1);
    // A year of ticks later: nothing more to her.
    for (let day = 1; day <= 365; day += 3) await w.tick(new Date(Date.parse(MON) + day * 86_400_000));
    expect(to(w, PRIYA)).toHaveLength(2);
  });

  test('List-Unsubscribe mail stops the trainee too', async () => {
    const stopAddress = /mailto:([^?]+)/.exec(questionnaire.headers['List-Unsubscribe'])![1];
    w.source.deliver(await compose({ from: PRIYA, to: stopAddress, subject: 'STOP', text: '' }));
    await w.tick(LATER);
    expect(to(w, PRIYA).map((m) => m.subject)).toContain('You have stepped back from e-mentoring');
  });

  test('a mentor reply is relayed to the trainee, trimmed, threaded, without the mentor address', async () => {
    w.source.deliver(await replyTo(questionnaire, PRIYA, FULL_ANSWERS));
    await w.tick(LATER);
    const forward = to(w, JANE)[0];
    w.source.deliver(
      await replyTo(
        forward,
        JANE,
        'Well done on the appendicectomy. For Part B, practise stations with a friend.\n\n-- \nDr Jane Smith\nConsultant Surgeon\n07700 900123',
      ),
    );
    await w.tick('2027-01-05T10:00:00Z');
    const relay = to(w, PRIYA).at(-1)!;
    expect(relay.from.name).toBe('Dr Jane Smith via E-mentoring');
    expect(relay.text).toContain('For Part B, practise stations with a friend.');
    expect(relay.text).not.toContain('07700 900123');
    expect(relay.text).not.toContain('> ');
    expect(relay.text).not.toContain(JANE);
    expect(relay.inReplyTo).toBeTruthy();
    expect(getRound(w.deps.db, 1).feedback_at).toBe('2027-01-05T10:00:00.000Z');
    // and the trainee's answer goes back to the mentor
    w.source.deliver(await replyTo(relay, PRIYA, 'Thank you, I will.'));
    await w.tick('2027-01-05T11:00:00Z');
    expect(to(w, JANE).at(-1)!.text).toContain('Thank you, I will.');
    expect(to(w, JANE).at(-1)!.text).not.toContain(PRIYA);
  });
});
