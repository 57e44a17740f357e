/** Scoring, short lists, the assignment and deadlines: the pure parts of matching. */
import { proposeCohort } from '../../src/matching/assignment';
import { addWorkingDays, requestDeadlines } from '../../src/matching/deadlines';
import { scorePair, type MatchProfile, type PairScore, type ScoringPolicy } from '../../src/matching/scoring';
import { pickShortlists, shortlistRoom } from '../../src/matching/shortlist';

const WEIGHTS = { specialty: 3, interests: 1, stage: 2, region: 2, preferences: 2, choice: 4 };
const policy = (region: ScoringPolicy['region'] = 'ignore'): ScoringPolicy => ({ weights: WEIGHTS, region });

function profile(id: number, over: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id,
    email: `p${id}@x.example`,
    specialty: 'cardiology',
    family: 'medicine',
    region: 'North East',
    stage: 2,
    senior: false,
    interests: [],
    supervises: [],
    supervisedBy: [],
    preferences: [],
    ...over,
  };
}
const free = { freePlaces: 1, history: null, choiceRank: null };

function points(s: PairScore): number {
  if (!s.eligible) throw new Error(`vetoed: ${s.vetoes.map((v) => v.text).join(', ')}`);
  return s.points;
}

describe('vetoes', () => {
  const trainee = profile(1);
  test('the e-mentor is never the trainee’s supervisor or assessor, in either direction, from either profile', () => {
    for (const [t, m] of [
      [trainee, profile(2, { supervises: ['p1@x.example'] })],
      [profile(1, { supervisedBy: ['p2@x.example'] }), profile(2)],
      [profile(1, { supervises: ['p2@x.example'] }), profile(2)],
      [trainee, profile(2, { supervisedBy: ['p1@x.example'] })],
    ]) {
      const s = scorePair(t, m, free, policy());
      expect(s.eligible).toBe(false);
      if (!s.eligible) expect(s.vetoes.map((v) => v.code)).toEqual(['supervision']);
    }
  });
  test('no free place, a past decline or silence, the same person', () => {
    const codes = (s: PairScore) => (s.eligible ? [] : s.vetoes.map((v) => v.code));
    expect(codes(scorePair(trainee, profile(2), { ...free, freePlaces: 0 }, policy()))).toEqual(['no_free_place']);
    expect(codes(scorePair(trainee, profile(2), { ...free, history: 'declined' }, policy()))).toEqual(['declined']);
    expect(codes(scorePair(trainee, profile(2), { ...free, history: 'no_answer' }, policy()))).toEqual(['no_answer']);
    expect(codes(scorePair(trainee, profile(1), free, policy()))).toEqual(['same_person']);
  });
  test('every veto that applies is kept, so a refusal can say why', () => {
    const s = scorePair(
      trainee,
      profile(2, { supervises: ['p1@x.example'] }),
      { freePlaces: 0, history: 'declined', choiceRank: 1 },
      policy(),
    );
    expect(s.eligible ? [] : s.vetoes.map((v) => v.code)).toEqual(['supervision', 'no_free_place', 'declined']);
  });
});

describe('weighted criteria, each with its reason', () => {
  test('same specialty scores the weight; a related one half; another family none', () => {
    expect(points(scorePair(profile(1), profile(2, { stage: 2 }), free, policy()))).toBe(3);
    expect(points(scorePair(profile(1), profile(2, { specialty: 'neurology', stage: 2 }), free, policy()))).toBe(1.5);
    expect(points(scorePair(profile(1), profile(2, { specialty: 'urology', family: 'surgery', stage: 2 }), free, policy()))).toBe(0);
  });
  test('shared interests count per tag, up to three', () => {
    const t = profile(1, { specialty: 'x', family: 'a', interests: ['research', 'teaching', 'leadership', 'exams', 'portfolio'] });
    const m = (interests: string[]) => profile(2, { specialty: 'y', family: 'b', stage: 2, interests });
    expect(points(scorePair(t, m(['research']), free, policy()))).toBe(1);
    expect(points(scorePair(t, m(['research', 'teaching', 'leadership', 'exams', 'portfolio']), free, policy()))).toBe(3);
  });
  test('career stage: two or more stages on scores the weight, one stage half, none otherwise', () => {
    const t = profile(1, { specialty: 'x', family: 'a', stage: 3 });
    const m = (stage: number) => profile(2, { specialty: 'y', family: 'b', stage });
    expect([5, 4, 3, 1].map((s) => points(scorePair(t, m(s), free, policy())))).toEqual([2, 1, 0, 0]);
  });
  test('region is a policy: prefer the same, prefer a different one, or ignore it', () => {
    const t = profile(1, { specialty: 'x', family: 'a' });
    const same = profile(2, { specialty: 'y', family: 'b', stage: 2, region: 'North East' });
    const other = profile(3, { specialty: 'y', family: 'b', stage: 2, region: 'Wales' });
    expect([same, other].map((m) => points(scorePair(t, m, free, policy('ignore'))))).toEqual([0, 0]);
    expect([same, other].map((m) => points(scorePair(t, m, free, policy('prefer-same'))))).toEqual([2, 0]);
    expect([same, other].map((m) => points(scorePair(t, m, free, policy('prefer-different'))))).toEqual([0, 2]);
  });
  test('opt-in preferences count when met; the trainee’s choices weigh in (first full, second half)', () => {
    const t = profile(1, { specialty: 'x', family: 'a', preferences: ['other-region', 'senior-mentor'] });
    const m = profile(2, { specialty: 'y', family: 'b', stage: 2, region: 'Wales', senior: true });
    expect(points(scorePair(t, m, free, policy()))).toBe(4);
    expect(points(scorePair(profile(1, { specialty: 'x', family: 'a' }), m, { ...free, choiceRank: 1 }, policy()))).toBe(4);
    expect(points(scorePair(profile(1, { specialty: 'x', family: 'a' }), m, { ...free, choiceRank: 2 }, policy()))).toBe(2);
  });
  test('reasons add up to the score and come best first', () => {
    const t = profile(1, { interests: ['research', 'teaching'], stage: 1 });
    const m = profile(2, { interests: ['research', 'teaching'], stage: 5, region: 'Wales' });
    const s = scorePair(t, m, { ...free, choiceRank: 1 }, policy('prefer-different'));
    if (!s.eligible) throw new Error('vetoed');
    expect(s.reasons.map((r) => r.text)).toEqual([
      "the trainee's first choice",
      'same specialty (cardiology)',
      'shared interests: research, teaching',
      'further on in training',
      'another region (Wales), for a fresh perspective',
    ]);
    expect(s.reasons.reduce((n, r) => n + r.points, 0)).toBe(s.points);
  });
});

describe('the cohort assignment', () => {
  const ok = (p: number): PairScore => ({ eligible: true, points: p, reasons: [] });
  const no: PairScore = { eligible: false, vetoes: [{ code: 'supervision', text: 'x' }] };

  test('it optimises the cohort, not first come best served', () => {
    // Greedy gives trainee 1 mentor A (9), leaving trainee 2 with B (1): 10. Best: 8 + 8 = 16.
    const r = proposeCohort({
      traineeIds: [1, 2],
      mentors: [
        { id: 10, freePlaces: 1 },
        { id: 11, freePlaces: 1 },
      ],
      scores: [
        [ok(9), ok(8)],
        [ok(8), ok(1)],
      ],
    });
    expect(r.placements.map((p) => [p.traineeId, p.mentorId])).toEqual([
      [1, 11],
      [2, 10],
    ]);
    expect(r.totalPoints).toBe(16);
  });
  test('each e-mentor is one column per free place, and vetoed pairs are never chosen', () => {
    const r = proposeCohort({
      traineeIds: [1, 2, 3],
      mentors: [
        { id: 10, freePlaces: 2 },
        { id: 11, freePlaces: 0 },
      ],
      scores: [
        [ok(1), ok(9)],
        [ok(2), ok(9)],
        [no, ok(9)],
      ],
    });
    expect(r.placements.map((p) => [p.traineeId, p.mentorId])).toEqual([
      [1, 10],
      [2, 10],
    ]);
    expect(r.unplaced).toEqual([{ traineeId: 3, why: 'no_eligible_mentor' }]);
  });
  test('best-total never trades score for a placement; place-most does', () => {
    const input = {
      traineeIds: [1, 2],
      mentors: [
        { id: 10, freePlaces: 1 },
        { id: 11, freePlaces: 1 },
      ],
      scores: [
        [ok(10), ok(0)],
        [ok(0), no],
      ],
    };
    // Trainee 2 can only have mentor 10, whom trainee 1 suits far better.
    expect(proposeCohort({ ...input, objective: 'best-total' }).placements.map((p) => p.traineeId)).toEqual([1]);
    expect(proposeCohort({ ...input, objective: 'place-most' }).placements.map((p) => [p.traineeId, p.mentorId])).toEqual([
      [1, 11],
      [2, 10],
    ]);
  });
  test('at equal totals, more trainees are placed', () => {
    const r = proposeCohort({ traineeIds: [1, 2], mentors: [{ id: 10, freePlaces: 2 }], scores: [[ok(0)], [ok(0)]] });
    expect(r.placements).toHaveLength(2);
  });
  test('nobody to place, or nowhere to place them', () => {
    expect(proposeCohort({ traineeIds: [], mentors: [{ id: 10, freePlaces: 1 }], scores: [] }).placements).toEqual([]);
    expect(proposeCohort({ traineeIds: [1], mentors: [], scores: [[]] }).unplaced).toEqual([{ traineeId: 1, why: 'no_eligible_mentor' }]);
    expect(proposeCohort({ traineeIds: [1, 2], mentors: [{ id: 10, freePlaces: 1 }], scores: [[ok(5)], [ok(1)]] }).unplaced).toEqual([
      { traineeId: 2, why: 'places_taken' },
    ]);
  });
});

describe('short lists', () => {
  const ok = (p: number): PairScore => ({ eligible: true, points: p, reasons: [] });
  test('a popular e-mentor is shared out: at most twice their free places, trainees with fewest options first', () => {
    // Mentor 10 (1 free place: room 2) suits everyone best.
    const picks = pickShortlists({
      trainees: [1, 2, 3].map((id) => ({ id, wanted: 2, exclude: new Set<number>() })),
      mentors: [
        { id: 10, room: shortlistRoom(1, 0) },
        { id: 11, room: 10 },
      ],
      scores: [
        [ok(9), ok(1)],
        [ok(9), ok(1)],
        [ok(9), { eligible: false, vetoes: [] }],
      ],
    });
    const shown10 = [1, 2, 3].filter((id) => picks.get(id)!.some((p) => p.mentorId === 10));
    expect(shown10).toHaveLength(2);
    expect(shown10).toContain(3); // trainee 3 has no other option, so gets the popular one
  });
  test('room counts the open short lists an e-mentor is already in', () => {
    expect(shortlistRoom(2, 0)).toBe(4);
    expect(shortlistRoom(2, 3)).toBe(1);
    expect(shortlistRoom(1, 5)).toBe(0);
    expect(shortlistRoom(0, 0)).toBe(0);
  });
  test('already shown e-mentors are excluded (MORE shows new ones)', () => {
    const picks = pickShortlists({
      trainees: [{ id: 1, wanted: 3, exclude: new Set([10]) }],
      mentors: [
        { id: 10, room: 5 },
        { id: 11, room: 5 },
      ],
      scores: [[ok(9), ok(1)]],
    });
    expect(picks.get(1)!.map((p) => p.mentorId)).toEqual([11]);
  });
});

describe('working-day deadlines', () => {
  const tz = 'Europe/London';
  test('five working days skip the weekend and keep the local time', () => {
    expect(addWorkingDays(new Date('2027-01-04T10:00:00Z'), 5, tz).toISOString()).toBe('2027-01-11T10:00:00.000Z'); // Mon → Mon
    expect(addWorkingDays(new Date('2027-01-08T15:30:00Z'), 1, tz).toISOString()).toBe('2027-01-11T15:30:00.000Z'); // Fri → Mon
    expect(addWorkingDays(new Date('2027-01-09T10:00:00Z'), 1, tz).toISOString()).toBe('2027-01-11T10:00:00.000Z'); // Sat → Mon
  });
  test('across a clock change the local time holds', () => {
    expect(addWorkingDays(new Date('2027-03-26T10:00:00Z'), 1, tz).toISOString()).toBe('2027-03-29T09:00:00.000Z'); // BST starts 28 March
  });
  test('one reminder half way (rounded up), none when that is the deadline', () => {
    const d = requestDeadlines(new Date('2027-01-04T10:00:00Z'), 5, tz);
    expect(d.remindAt?.toISOString()).toBe('2027-01-07T10:00:00.000Z');
    expect(d.expiresAt.toISOString()).toBe('2027-01-11T10:00:00.000Z');
    expect(requestDeadlines(new Date('2027-01-04T10:00:00Z'), 1, tz).remindAt).toBeNull();
  });
});
