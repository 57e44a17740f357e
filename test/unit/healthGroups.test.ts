/**
 * Twelve pairs over six rounds land in exactly the groups worked out by hand below, and every
 * threshold moves the pair it should.
 */
import { countGroups, healthAt, readHealthData, type PairHealth } from '../../src/health';
import { lengthBand } from '../../src/health/words';
import { parseConfig } from '../../src/config';
import { SchemeBuilder, type PairPlan, type RoundPlan } from '../support/health';
import { makeWorld, type World } from '../support/world';

const START = '2027-01-04T10:00:00.000Z'; // rounds go out 4 Jan, 4 Mar, 4 May, 4 Jul, 4 Sep, 4 Nov
const AS_OF = new Date('2027-11-10T10:00:00Z'); // six days after round 6 went out

// H: a round that went well. Answered 3 days after the questionnaire, e-mentor's feedback 2
// days after the forward (120 words) and one more message (90 words), one more from the
// trainee: trainee 2 messages, e-mentor 2 (balance 1.0), 3 exchanges beyond the questionnaire.
const H: RoundPlan = { answer: 3, feedback: 2, mentorWords: [120, 90], traineeExtra: 1 };
// R6: round 6 as it stands on 10 November: answered on 7 November, forwarded, no reply yet (3 days).
const R6: RoundPlan = { answer: 3 };
const FOURS = { quality: 4, time: 4, agreement: 4, support: 4, challenge: 4 };

/*
 * The hand computation, with the default thresholds (rules: W mentor_waiting ≥ 21 days in the
 * latest forwarded round; S silent_rounds: 0 exchanges in the last 2 settled rounds; B
 * unbalanced: e-mentor ÷ trainee messages outside 0.5–2 in the last 2 settled rounds; L
 * late_answers: under 50% of the last 3 rounds (whose outcome is known) answered within 14
 * days; R short_replies: the e-mentor's longest message ≤ 50 words in the last 3 rounds they
 * wrote in; P pulse_low: a rating ≤ 2 in the latest pulse; D pulse_drop: overall down ≥ 2).
 * "Settled" = a later round has gone out (rounds 1–5 here).
 *
 * | pair | rounds (1..6)                                   | what the rules see on 10 Nov                                   | group          | reasons   |
 * |------|-------------------------------------------------|----------------------------------------------------------------|----------------|-----------|
 * | P01  | H H H H H R6                                    | R6 mentor waiting 3 d; balance 1.0; all on time; 120 words     | on_track       |           |
 * | P02  | R6 only (pair made 4 Nov)                       | 1 questionnaire sent < 2                                       | too_early      |           |
 * | P03  | H H H H, r5 answered/no reply, r6 open 6 d      | r5 forwarded 7 Sep, no reply: 64 d ≥ 21; r5 balance 0 but r4 1 | needs_checkin  | W         |
 * | P04  | H H H, r4 r5 never answered, r6 open 6 d        | r4, r5: 0 exchanges; on time r4 no, r5 no, r6 unknown: 0%      | needs_checkin  | S L       |
 * | P05  | H H H, r4 r5 e-mentor 3 msgs : trainee 1, R6    | balance 3.0 > 2 in r4 and r5                                   | needs_checkin  | B         |
 * | P06  | H H H, r4 r5 answered after 20 d, r6 open 6 d   | r4 late, r5 late, r6 unknown: 0% < 50%                         | needs_checkin  | L         |
 * | P07  | H H, r3 r4 r5 feedback of 30 words only, R6     | longest e-mentor message ≤ 50 in r3, r4, r5                    | needs_checkin  | R         |
 * | P08  | H H H H, r5 H with support rated 2, R6          | latest pulse (r5) has a 2                                      | needs_checkin  | P         |
 * | P09  | H H H, r4 overall 5, r5 overall 3, R6           | overall 5 → 3: down 2                                          | needs_checkin  | D         |
 * | P10  | H H H H H, paused since 1 Oct                   | paused                                                         | paused         |           |
 * | P11  | H H H, withdrawn 1 Jun                          | ended                                                          | ended          |           |
 * | P12  | H H H, r4 e-mentor 51+40 w : trainee 1 (2.0),   | r5 reply after 20 d < 21; balance exactly 2 (not above);       | on_track       |           |
 * |      | r5 answered after 20 d, reply after 20 d, 50+50 | on time r4 yes, r5 no, r6 unknown: 50% (not under);            |                |           |
 * |      | w (2.0), r6 open 6 d                            | longest e-mentor words r3 120, r4 51, r5 50: not all ≤ 50      |                |           |
 *
 * Totals: on track 2, needs a check-in 7, too early 1, paused 1, ended 1.
 */
const PLANS: PairPlan[] = [
  { key: 'p01', start: START, rounds: [H, H, H, H, H, R6] },
  { key: 'p02', start: '2027-11-04T10:00:00.000Z', rounds: [R6] },
  { key: 'p03', start: START, rounds: [H, H, H, H, { answer: 3, feedback: null }, { answer: null }] },
  { key: 'p04', start: START, rounds: [H, H, H, { answer: null }, { answer: null }, { answer: null }] },
  { key: 'p05', start: START, rounds: [H, H, H, ...[1, 2].map(() => ({ answer: 3, feedback: 2, mentorWords: [120, 80, 80] })), R6] },
  {
    key: 'p06',
    start: START,
    rounds: [H, H, H, { ...H, answer: 20 }, { ...H, answer: 20 }, { answer: null }],
  },
  { key: 'p07', start: START, rounds: [H, H, ...[1, 2, 3].map(() => ({ answer: 3, feedback: 2, mentorWords: [30] })), R6] },
  { key: 'p08', start: START, rounds: [H, H, H, H, { ...H, traineePulse: { ...FOURS, support: 2 } }, R6] },
  {
    key: 'p09',
    start: START,
    rounds: [H, H, H, { ...H, traineePulse: { ...FOURS, quality: 5 } }, { ...H, traineePulse: { ...FOURS, quality: 3 } }, R6],
  },
  { key: 'p10', start: START, rounds: [H, H, H, H, H], status: { status: 'paused', since: '2027-10-01T09:00:00.000Z' } },
  { key: 'p11', start: START, rounds: [H, H, H], status: { status: 'withdrawn', since: '2027-06-01T09:00:00.000Z' } },
  {
    key: 'p12',
    start: START,
    rounds: [
      H,
      H,
      H,
      { answer: 3, feedback: 2, mentorWords: [51, 40] },
      { answer: 20, feedback: 20, mentorWords: [50, 50] },
      { answer: null },
    ],
  },
];

const EXPECTED: Record<string, string> = {
  p01: 'on_track',
  p02: 'too_early',
  p03: 'needs_checkin: mentor_waiting',
  p04: 'needs_checkin: silent_rounds late_answers',
  p05: 'needs_checkin: unbalanced',
  p06: 'needs_checkin: late_answers',
  p07: 'needs_checkin: short_replies',
  p08: 'needs_checkin: pulse_low',
  p09: 'needs_checkin: pulse_drop',
  p10: 'paused',
  p11: 'ended',
  p12: 'on_track',
};

describe('health of twelve pairs over six rounds', () => {
  let w: World;
  let scheme: SchemeBuilder;
  beforeAll(() => {
    w = makeWorld();
    scheme = new SchemeBuilder(w.deps.db);
    for (const plan of PLANS) scheme.add(plan);
  });
  afterAll(() => w.close());

  /** Each pair as "group: reasons", by its key. */
  function groups(env: Record<string, string> = {}): Record<string, string> {
    const config = parseConfig({ MENTORMAIL_DB: ':memory:', ...env });
    const health = healthAt(readHealthData(w.deps.db), config, AS_OF);
    const keyOf = new Map([...scheme.pairIds].map(([k, id]) => [id, k]));
    const describe = (h: PairHealth) => (h.reasons.length > 0 ? `${h.state}: ${h.reasons.join(' ')}` : h.state);
    return Object.fromEntries(health.map((h) => [keyOf.get(h.pairId), describe(h)]));
  }

  test('with the default thresholds, each pair lands in its hand-computed group', () => {
    expect(groups()).toEqual(EXPECTED);
    const config = parseConfig({ MENTORMAIL_DB: ':memory:' });
    expect(countGroups(healthAt(readHealthData(w.deps.db), config, AS_OF))).toEqual({
      on_track: 2,
      needs_checkin: 7,
      too_early: 1,
      paused: 1,
      ended: 1,
    });
  });

  test('earlier in the year the same pairs read differently (nothing after the moment is known)', () => {
    const config = parseConfig({ MENTORMAIL_DB: ':memory:' });
    // 10 February: one round each, so every pair made by then is too early (P02 did not exist yet).
    const feb = healthAt(readHealthData(w.deps.db), config, new Date('2027-02-10T10:00:00Z'));
    expect(countGroups(feb)).toEqual({ on_track: 0, needs_checkin: 0, too_early: 11, paused: 0, ended: 0 });
  });

  // Each threshold, moved, changes the pairs it should and no others.
  test.each<[string, string, Record<string, string>]>([
    ['HEALTH_TOO_EARLY_ROUNDS', '1', { p02: 'on_track' }],
    ['HEALTH_TRAINEE_LATE_DAYS', '25', { p06: 'on_track' }],
    ['HEALTH_ON_TIME_PERCENT', '60', { p12: 'needs_checkin: late_answers' }],
    ['HEALTH_ON_TIME_ROUNDS', '2', { p12: 'needs_checkin: late_answers' }],
    ['HEALTH_MENTOR_CHECKIN_DAYS', '20', { p12: 'needs_checkin: mentor_waiting' }],
    ['HEALTH_SILENT_ROUNDS', '3', { p04: 'needs_checkin: late_answers' }],
    ['HEALTH_BALANCE_MAX', '3', { p05: 'on_track' }],
    ['HEALTH_BALANCE_MAX', '1.9', { p12: 'needs_checkin: unbalanced' }],
    ['HEALTH_BALANCE_ROUNDS', '1', { p03: 'needs_checkin: mentor_waiting unbalanced' }],
    ['HEALTH_SHORT_WORDS', '29', { p07: 'on_track' }],
    ['HEALTH_SHORT_ROUNDS', '1', { p12: 'needs_checkin: short_replies' }],
    ['HEALTH_PULSE_LOW', '1', { p08: 'on_track' }],
    ['HEALTH_PULSE_DROP', '3', { p09: 'on_track' }],
  ])('%s=%s', (name, value, changed) => {
    expect(groups({ [name]: value })).toEqual({ ...EXPECTED, ...changed });
  });

  test('HEALTH_BALANCE_MIN: above 1, even the well-balanced pairs are out of balance', () => {
    const moved = groups({ HEALTH_BALANCE_MIN: '1.5' });
    expect(moved.p01).toBe('needs_checkin: unbalanced');
    expect(moved.p12).toBe('on_track'); // 2.0 is still inside 1.5–2
  });

  test('HEALTH_SHORT_WORDS and HEALTH_LONG_WORDS set the length bands', () => {
    expect([50, 51, 200, 201].map((n) => lengthBand(n, { shortWords: 50, longWords: 200 }))).toEqual(['short', 'medium', 'medium', 'long']);
    const c = parseConfig({ HEALTH_SHORT_WORDS: '10', HEALTH_LONG_WORDS: '60' }).health;
    expect([10, 11, 60, 61].map((n) => lengthBand(n, c))).toEqual(['short', 'medium', 'medium', 'long']);
  });
});
