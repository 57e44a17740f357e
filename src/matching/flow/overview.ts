/**
 * Matching for `status` and `people`: how many trainees are waiting, proposed, requested or
 * matched, and who. Names and states only: never a bio or anything else people wrote.
 */
import type { Config } from '../../config';
import { anyoneInMatching } from '../../db/matching';
import type { Db } from '../../db/open';
import { loadCohort, type TraineeState } from './cohort';

export const OVERVIEW_STATES = ['waiting', 'proposed', 'requested', 'matched', 'by_hand', 'incomplete'] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];

export interface MatchingOverview {
  trainees: Record<OverviewState, { count: number; names: string[] }>;
  mentors: { with_profile: number; free_places: number };
}

export function matchingOverview(db: Db, config: Pick<Config, 'profilesPath' | 'matching'>): MatchingOverview {
  const trainees = Object.fromEntries(OVERVIEW_STATES.map((s) => [s, { count: 0, names: [] as string[] }])) as MatchingOverview['trainees'];
  if (!anyoneInMatching(db)) return { trainees, mentors: { with_profile: 0, free_places: 0 } };
  const cohort = loadCohort(db, config);
  for (const t of cohort.trainees) {
    const state: TraineeState = t.state;
    if (!(OVERVIEW_STATES as readonly string[]).includes(state)) continue;
    const entry = trainees[state as OverviewState];
    entry.count++;
    entry.names.push(t.person.name);
  }
  return {
    trainees,
    mentors: { with_profile: cohort.mentors.length, free_places: cohort.mentors.reduce((n, m) => n + (m.match ? m.free : 0), 0) },
  };
}

const LABELS: Record<OverviewState, string> = {
  waiting: 'waiting',
  proposed: 'proposed',
  requested: 'e-mentor asked',
  matched: 'matched',
  by_hand: 'to match by hand',
  incomplete: 'profile incomplete',
};

/** Lines for `status`; empty when nobody is in matching. */
export function formatMatchingOverview(o: MatchingOverview): string[] {
  const total = OVERVIEW_STATES.reduce((n, s) => n + o.trainees[s].count, 0);
  if (total === 0 && o.mentors.with_profile === 0) return [];
  return [
    `Matching: ${OVERVIEW_STATES.map((s) => `${o.trainees[s].count} ${LABELS[s]}`).join(', ')}; e-mentors with a profile: ${o.mentors.with_profile}, free places: ${o.mentors.free_places}`,
    ...OVERVIEW_STATES.filter((s) => s !== 'matched' && o.trainees[s].count > 0).map(
      (s) => `  ${LABELS[s]}: ${o.trainees[s].names.join(', ')}`,
    ),
  ];
}
