/**
 * Seeded random cohorts for the matching property tests and the benchmark: profiles drawn
 * from the shipped vocabulary, some supervision conflicts, some declined pairs, capacities
 * 0 to 3. The same seed always gives the same cohort.
 */
import { proposeCohort, type CohortInput, type CohortProposal } from '../../src/matching/assignment';
import { scorePair, type MatchProfile, type PairScore, type ScoringPolicy } from '../../src/matching/scoring';
import { PREFERENCES, type Preference } from '../../src/matching/profile';
import { loadVocabulary } from '../../src/matching/vocabulary';

/** mulberry32: small, fast, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomCohort {
  trainees: MatchProfile[];
  mentors: (MatchProfile & { freePlaces: number })[];
  /** `${traineeId}:${mentorId}` pairs where the mentor declined (or did not answer) before. */
  declined: Set<string>;
  policy: ScoringPolicy;
}

export function randomCohort(seed: number, size: { trainees: number; mentors: number }): RandomCohort {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const vocabulary = loadVocabulary();
  const specialties = [...vocabulary.specialties.values()];
  const regions = [...vocabulary.regions.values()];
  const interests = [...vocabulary.interests.values()];
  const preferences = Object.keys(PREFERENCES) as Preference[];
  const some = <T>(xs: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(xs))),
  ];
  const person = (id: number, stageFrom: number, stageTo: number): MatchProfile => {
    const specialty = pick(specialties);
    const stage = stageFrom + Math.floor(rnd() * (stageTo - stageFrom + 1));
    return {
      id,
      email: `p${id}@cohort.example`,
      specialty: specialty.name,
      family: specialty.family,
      region: pick(regions),
      stage,
      senior: stage >= 10,
      interests: some(interests, 5),
      supervises: [],
      supervisedBy: [],
      preferences: some(preferences, 2),
    };
  };
  const trainees = Array.from({ length: size.trainees }, (_, i) => person(i + 1, 1, 8));
  const mentors = Array.from({ length: size.mentors }, (_, i) => ({ ...person(10_000 + i, 3, 14), freePlaces: Math.floor(rnd() * 4) }));
  // Supervision both ways, and declines: about one trainee in five has one of each.
  const declined = new Set<string>();
  for (const t of trainees) {
    if (rnd() < 0.2 && mentors.length > 0) pick(mentors).supervises.push(t.email);
    if (rnd() < 0.2 && mentors.length > 0) t.supervisedBy.push(pick(mentors).email);
    if (rnd() < 0.2 && mentors.length > 0) declined.add(`${t.id}:${pick(mentors).id}`);
  }
  const region = pick(['ignore', 'prefer-same', 'prefer-different'] as const);
  const w = () => Math.floor(rnd() * 6);
  return {
    trainees,
    mentors,
    declined,
    policy: { region, weights: { specialty: w(), interests: w(), stage: w(), region: w(), preferences: w(), choice: w() } },
  };
}

export function cohortScores(c: RandomCohort): PairScore[][] {
  return c.trainees.map((t) =>
    c.mentors.map((m) =>
      scorePair(
        t,
        m,
        { freePlaces: m.freePlaces, history: c.declined.has(`${t.id}:${m.id}`) ? 'declined' : null, choiceRank: null },
        c.policy,
      ),
    ),
  );
}

export function cohortInput(c: RandomCohort): CohortInput {
  return {
    traineeIds: c.trainees.map((t) => t.id),
    mentors: c.mentors.map((m) => ({ id: m.id, freePlaces: m.freePlaces })),
    scores: cohortScores(c),
  };
}

/** The benchmark case's cohort: 200 trainees, 100 e-mentors (made outside the timed part). */
export function benchCohort(seed = 12): RandomCohort {
  return randomCohort(seed, { trainees: 200, mentors: 100 });
}

/** What the benchmark times: scoring every pair, then the assignment. */
export function proposeFor(cohort: RandomCohort): CohortProposal {
  return proposeCohort(cohortInput(cohort));
}

/** First come, best served: every eligible pair by score, highest first, while places last. */
export function greedyAssignment(input: CohortInput): { placed: number; totalPoints: number; pairs: [number, number][] } {
  const candidates: { i: number; j: number; points: number }[] = [];
  input.scores.forEach((row, i) => row.forEach((s, j) => s.eligible && candidates.push({ i, j, points: s.points })));
  candidates.sort((a, b) => b.points - a.points || a.i - b.i || a.j - b.j);
  const left = input.mentors.map((m) => m.freePlaces);
  const done = new Set<number>();
  const pairs: [number, number][] = [];
  let total = 0;
  for (const c of candidates) {
    if (done.has(c.i) || left[c.j] <= 0) continue;
    done.add(c.i);
    left[c.j]--;
    total += c.points;
    pairs.push([input.traineeIds[c.i], input.mentors[c.j].id]);
  }
  return { placed: pairs.length, totalPoints: Math.round(total * 100) / 100, pairs };
}
