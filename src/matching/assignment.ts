/**
 * The whole cohort at once: a capacity-constrained assignment of trainees to e-mentors by the
 * Hungarian method (the munkres package, rather than a hand-written solver). Each e-mentor is
 * one column per free place; vetoed pairs can never be chosen. Pure: scores in, pairs out.
 *
 * Two objectives (MATCH_OBJECTIVE), both folded into one number per pair, placement + points:
 * 'best-total' maximises the cohort's total score (then, among equal totals, places more
 * trainees), so it never scores below first-come-best-served; 'place-most' first places as many
 * trainees as possible, then maximises the total: the placement is worth more than any
 * difference in points a whole cohort can make.
 */
import { lazy } from '../lazy';
import type { PairScore, Reason } from './scoring';

// The solver loads with the first proposal, not with every command.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for the first proposal (see lazy.ts)
const munkres = lazy(() => (require('munkres') as typeof import('munkres')).munkres);

export type MatchObjective = 'best-total' | 'place-most';

export interface CohortInput {
  /** Row i: trainee ids[i]. */
  traineeIds: number[];
  /** Column j: e-mentor ids[j] with their free places. */
  mentors: { id: number; freePlaces: number }[];
  /** scores[i][j]: trainee i with e-mentor j. */
  scores: PairScore[][];
  objective?: MatchObjective;
}

/** Points are rounded to hundredths: placements worth less than that, all together, only break ties. */
const HUNDREDTH = 0.01;

export interface Placement {
  traineeId: number;
  mentorId: number;
  points: number;
  reasons: Reason[];
}

export interface Unplaced {
  traineeId: number;
  /** No e-mentor passes the vetoes, or every one that does was needed by others. */
  why: 'no_eligible_mentor' | 'places_taken';
}

export interface CohortProposal {
  placements: Placement[];
  unplaced: Unplaced[];
  totalPoints: number;
}

export function proposeCohort(input: CohortInput): CohortProposal {
  const { traineeIds, mentors, scores } = input;
  const n = traineeIds.length;
  // A mentor never needs more columns than there are trainees.
  const slots: number[] = mentors.flatMap((m, j) => Array<number>(Math.max(0, Math.min(m.freePlaces, n))).fill(j));
  let maxPoints = 0;
  for (const row of scores) for (const s of row) if (s.eligible && s.points > maxPoints) maxPoints = s.points;
  const most = Math.min(n, slots.length);
  const placementValue = input.objective === 'place-most' ? maxPoints * most + 1 : HUNDREDTH / (most + 1);
  const ceiling = placementValue + maxPoints;

  const assigned = new Map<number, number>();
  if (n > 0 && slots.length > 0) {
    // Cost = ceiling − value: a vetoed pair costs the same as leaving the trainee unplaced.
    const cost = scores.map((row) =>
      slots.map((j) => (row[j].eligible ? ceiling - (placementValue + (row[j] as { points: number }).points) : ceiling)),
    );
    for (const [i, c] of munkres()(cost)) if (scores[i][slots[c]].eligible) assigned.set(i, slots[c]);
  }

  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  traineeIds.forEach((traineeId, i) => {
    const j = assigned.get(i);
    const s = j === undefined ? undefined : scores[i][j];
    if (j !== undefined && s && s.eligible) placements.push({ traineeId, mentorId: mentors[j].id, points: s.points, reasons: s.reasons });
    else
      unplaced.push({
        traineeId,
        why: scores[i].some((x, k) => x.eligible && mentors[k].freePlaces > 0) ? 'places_taken' : 'no_eligible_mentor',
      });
  });
  const totalPoints = Math.round(placements.reduce((sum, p) => sum + p.points, 0) * 100) / 100;
  return { placements, unplaced, totalPoints };
}
