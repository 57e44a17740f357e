import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const COORD = 'coordinator@scheme.example';
const DAY = 86_400_000;
const PLANTED = 'GIRAFFE-IN-THE-ANSWERS';

/** Ticks at 10:00 and 15:00 UTC every day from `from` for `days` days. */
async function dailyTicks(w: World, from: string, days: number): Promise<void> {
  for (let d = 0; d < days; d++) {
    const t = Date.parse(from) + d * DAY;
    await w.tick(new Date(t));
    await w.tick(new Date(t + 5 * 3_600_000));
  }
}

describe('the mentor nudge and the coordinator alert', () => {
  let w: World;
  const sent = (address: string, kind: string): OutgoingMail[] =>
    w.transport.sent.filter(
      (m) =>
        m.to.address === address &&
        (w.deps.db.prepare('SELECT kind FROM outbox WHERE message_id = ?').pluck().get(m.messageId) as string) === kind,
    );
  const when = (m: OutgoingMail) => m.date.toISOString().slice(0, 10);

  async function answerRound(round: number, at: string): Promise<void> {
    const questionnaire = w.transport.sent.filter(
      (m) => m.to.address === PRIYA && m.subject === `E-mentoring questionnaire, round ${round}`,
    )[0];
    w.source.deliver(await replyTo(questionnaire, PRIYA, FULL_ANSWERS.replace('Pass MRCS Part B.', `Pass MRCS Part B. ${PLANTED}`)));
    await w.tick(at);
  }

  afterEach(() => w.close());

  test('once per round each, on the days the thresholds say, whatever the number of ticks', async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    await answerRound(1, '2027-01-04T11:00:00Z'); // forwarded Monday 4 January, 11:00
    await dailyTicks(w, '2027-01-05T10:00:00Z', 40);
    // Day 7 after the forward is 11 January; the daily look at 10:00 sees 6 days 23 hours, so Tuesday.
    expect(sent(JANE, 'health_nudge').map(when)).toEqual(['2027-01-12']);
    // 14 days: 18 January would be 13 days 23 hours at 10:00; the alert comes on the 19th.
    const alerts = sent(COORD, 'alert_health');
    expect(alerts.map(when)).toEqual(['2027-01-19']);
    expect(alerts[0].text).toContain('Why: no reply from the e-mentor 14 days after answers were forwarded');
    expect(alerts[0].text).toContain('Trainee: Dr Priya Patel');
    // Nothing else, however many more ticks (the mentor reminders are their own, older mail).
    await dailyTicks(w, '2027-02-14T10:00:00Z', 3);
    expect(sent(JANE, 'health_nudge')).toHaveLength(1);
    expect(sent(COORD, 'alert_health')).toHaveLength(1);
    // Round 2 may have its own.
    await dailyTicks(w, '2027-03-04T10:00:00Z', 1);
    await answerRound(2, '2027-03-04T11:00:00Z');
    await dailyTicks(w, '2027-03-05T10:00:00Z', 20);
    expect(sent(JANE, 'health_nudge').map(when)).toEqual(['2027-01-12', '2027-03-12']);
    expect(sent(COORD, 'alert_health')).toHaveLength(2);
    for (const m of [...sent(JANE, 'health_nudge'), ...sent(COORD, 'alert_health')]) expect(m.text).not.toContain(PLANTED);
    expect(w.logs.join('\n')).not.toContain(PLANTED);
  });

  test('HEALTH_MENTOR_NUDGE_DAYS and HEALTH_MENTOR_ALERT_DAYS move them; 0 turns them off', async () => {
    w = makeWorld({ HEALTH_MENTOR_NUDGE_DAYS: '2', HEALTH_MENTOR_ALERT_DAYS: '0' });
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    await answerRound(1, '2027-01-04T11:00:00Z');
    await dailyTicks(w, '2027-01-05T10:00:00Z', 20);
    expect(sent(JANE, 'health_nudge').map(when)).toEqual(['2027-01-07']);
    // No alert at 14 days; the pair is too early for a check-in (one round), so nothing at 21 either.
    expect(sent(COORD, 'alert_health')).toHaveLength(0);
  });

  test('an e-mentor who replies is never nudged; nothing is sent outside the sending window', async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    await answerRound(1, '2027-01-04T11:00:00Z');
    // Saturday 16 January, 10:00: outside Mon-Fri: the health look waits.
    await w.tick('2027-01-16T10:00:00Z');
    expect(sent(JANE, 'health_nudge')).toHaveLength(0);
    const forward = w.transport.sent.find((m) => m.to.address === JANE)!;
    w.source.deliver(await replyTo(forward, JANE, 'Well done. Keep going with the portfolio.'));
    await w.tick('2027-01-16T11:00:00Z');
    await dailyTicks(w, '2027-01-18T10:00:00Z', 30);
    expect(sent(JANE, 'health_nudge')).toHaveLength(0);
    expect(sent(COORD, 'alert_health')).toHaveLength(0);
  });

  test('an e-mentor who has paused is neither nudged nor reported for their silence', async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    await answerRound(1, '2027-01-04T11:00:00Z');
    const forward = w.transport.sent.find((m) => m.to.address === JANE)!;
    w.source.deliver(await replyTo(forward, JANE, 'PAUSE until 1 March 2027'));
    await w.tick('2027-01-05T10:00:00Z');
    await dailyTicks(w, '2027-01-06T10:00:00Z', 50);
    expect(sent(JANE, 'health_nudge')).toHaveLength(0);
    expect(sent(COORD, 'alert_health')).toHaveLength(0);
  });
});
