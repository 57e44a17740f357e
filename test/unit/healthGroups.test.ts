/**
 * Twelve pairs over six rounds (test/support/health.ts, where the hand computation is written
 * out as a table) land in exactly the groups worked out by hand, and every threshold moves the
 * pair it should.
 */
import { countGroups, healthAt, readHealthData, type PairHealth } from '../../src/health';
import { lengthBand } from '../../src/health/words';
import { parseConfig } from '../../src/config';
import { SchemeBuilder, TWELVE_AS_OF, TWELVE_EXPECTED, TWELVE_PAIRS } from '../support/health';
import { makeWorld, type World } from '../support/world';

const AS_OF = TWELVE_AS_OF;
const PLANS = TWELVE_PAIRS;
const EXPECTED = TWELVE_EXPECTED;

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
    const keyOf = new Map<number, string>([...scheme.pairIds].map(([k, id]) => [id, k]));
    const describe = (h: PairHealth) => (h.reasons.length > 0 ? `${h.state}: ${h.reasons.join(' ')}` : h.state);
    return Object.fromEntries(health.map((h): [string, string] => [keyOf.get(h.pairId) ?? '?', describe(h)]));
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
