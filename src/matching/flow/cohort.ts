/**
 * The matching side of the database, read once into plain data the pure parts work on:
 * profiles, who is waiting, each e-mentor's free places, each trainee's choices and history.
 *
 * src/matching/flow/ is where matching meets the database and the mail; everything in
 * src/matching/ outside it is pure.
 */
import type { Config } from '../../config';
import { allChoices, allRequests, mentorLoads, openProposal, openRequestCounts, proposalRows, type MatchRequest } from '../../db/matching';
import type { Db } from '../../db/open';
import { listPairs } from '../../db/pairs';
import { listPeople, type Person } from '../../db/people';
import { allConflicts, listProfiles, type StoredProfile } from '../../db/profiles';
import { EMPTY_PROFILE, missingFields, type Conflicts } from '../profile';
import {
  pairVetoes,
  scorePair,
  type MatchProfile,
  type PairContext,
  type PairScore,
  type ScoringPolicy,
  type Veto,
  type VetoProfile,
} from '../scoring';
import { bandOf, loadVocabulary, nameKey, readGrade, type Vocabulary } from '../vocabulary';

/**
 * Where a trainee is in matching. waiting: ready to be matched; proposed: in the open
 * proposal; requested: an e-mentor has been asked; matched: has an e-mentor; by_hand: replied
 * NONE; incomplete: their profile lacks something; paused or withdrawn: not matched now.
 */
export type TraineeState = 'waiting' | 'proposed' | 'requested' | 'matched' | 'by_hand' | 'incomplete' | 'paused' | 'withdrawn';

export interface CohortTrainee {
  person: Person;
  profile: StoredProfile;
  /** null when the profile is incomplete. */
  match: MatchProfile | null;
  conflicts: Conflicts;
  state: TraineeState;
  choices: number[];
  history: Map<number, PairContext['history']>;
  openRequest: MatchRequest | null;
}

export interface CohortMentor {
  person: Person;
  profile: StoredProfile;
  match: MatchProfile | null;
  conflicts: Conflicts;
  capacity: number;
  /** Trainees they have now. */
  load: number;
  /** Requests waiting for their answer. */
  open: number;
  free: number;
}

export interface Cohort {
  trainees: CohortTrainee[];
  mentors: CohortMentor[];
  policy: ScoringPolicy;
  vocabulary: Vocabulary;
}

export function vocabularyFor(config: Pick<Config, 'profilesPath'>): Vocabulary {
  return loadVocabulary(config.profilesPath);
}

export function policyFor(config: Pick<Config, 'matching'>): ScoringPolicy {
  return { weights: config.matching.weights, region: config.matching.region };
}

/** A complete profile as the scoring sees it; null while something needed is missing. */
export function toMatchProfile(person: Person, profile: StoredProfile, conflicts: Conflicts, vocabulary: Vocabulary): MatchProfile | null {
  if (missingFields(profile, person.role).length > 0) return null;
  const specialty = vocabulary.specialties.get(nameKey(profile.specialty as string));
  const grade = readGrade(vocabulary, profile.grade as string);
  // A vocabulary edited since the profile was recorded may no longer know its words.
  if (!specialty || !grade) return null;
  const topBand = vocabulary.bands[vocabulary.bands.length - 1];
  return {
    id: person.id,
    email: person.email,
    specialty: specialty.name,
    family: specialty.family,
    region: profile.region as string,
    stage: grade.stage,
    senior: grade.stage >= topBand.from,
    interests: profile.interests,
    supervises: conflicts.supervises,
    supervisedBy: conflicts.supervised_by,
    preferences: profile.preferences,
  };
}

export function historyOf(requests: MatchRequest[]): Map<number, PairContext['history']> {
  const history = new Map<number, PairContext['history']>();
  for (const r of requests) {
    if (r.state === 'declined') history.set(r.mentor_id, 'declined');
    else if (r.state === 'expired') history.set(r.mentor_id, 'no_answer');
  }
  return history;
}

export function loadCohort(db: Db, config: Pick<Config, 'profilesPath' | 'matching'>): Cohort {
  const vocabulary = vocabularyFor(config);
  const people = new Map(listPeople(db).map((p) => [p.id, p]));
  const profiles = new Map(listProfiles(db).map((p) => [p.person_id, p]));
  const conflicts = allConflicts(db);
  const paired = new Set(listPairs(db).map((p) => p.trainee_id));
  const loads = mentorLoads(db);
  const openCounts = openRequestCounts(db);
  const choices = allChoices(db);
  const requests = allRequests(db);
  const open = openProposal(db);
  const proposed = new Set(
    open
      ? proposalRows(db, open.id)
          .filter((r) => r.mentor_id !== null)
          .map((r) => r.trainee_id)
      : [],
  );
  const noConflicts: Conflicts = { supervises: [], supervised_by: [] };

  const trainees: CohortTrainee[] = [];
  const mentors: CohortMentor[] = [];
  for (const person of people.values()) {
    const stored = profiles.get(person.id);
    if (person.role === 'trainee') {
      if (!stored && paired.has(person.id)) continue; // an imported pair, never part of matching
      const profile = stored ?? { ...EMPTY_PROFILE, person_id: person.id, by_hand_since: null, source: 'import' as const, updated_at: '' };
      const mine = requests.filter((r) => r.trainee_id === person.id);
      const openRequest = mine.find((r) => r.state === 'pending') ?? null;
      const traineeConflicts = conflicts.get(person.id) ?? noConflicts;
      const match = stored ? toMatchProfile(person, stored, traineeConflicts, vocabulary) : null;
      const state: TraineeState = paired.has(person.id)
        ? 'matched'
        : person.status !== 'active'
          ? person.status
          : openRequest
            ? 'requested'
            : profile.by_hand_since
              ? 'by_hand'
              : !match
                ? 'incomplete'
                : proposed.has(person.id)
                  ? 'proposed'
                  : 'waiting';
      trainees.push({
        person,
        profile,
        match,
        conflicts: traineeConflicts,
        state,
        choices: choices.get(person.id) ?? [],
        history: historyOf(mine),
        openRequest,
      });
    } else if (stored) {
      const capacity = stored.capacity ?? 0;
      const load = loads.get(person.id) ?? 0;
      const pending = openCounts.get(person.id) ?? 0;
      const mentorConflicts = conflicts.get(person.id) ?? noConflicts;
      mentors.push({
        person,
        profile: stored,
        match: person.status === 'active' ? toMatchProfile(person, stored, mentorConflicts, vocabulary) : null,
        conflicts: mentorConflicts,
        capacity,
        load,
        open: pending,
        free: Math.max(0, capacity - load - pending),
      });
    }
  }
  trainees.sort((a, b) => a.person.id - b.person.id);
  mentors.sort((a, b) => a.person.id - b.person.id);
  return { trainees, mentors, policy: policyFor(config), vocabulary };
}

/** The pair's score now; an incomplete profile on either side is never matched. */
export function scoreFor(cohort: Cohort, trainee: CohortTrainee, mentor: CohortMentor, freePlaces = mentor.free): PairScore {
  if (!trainee.match || !mentor.match) return { eligible: false, vetoes: [{ code: 'incomplete_profile', text: 'profile incomplete' }] };
  const rank = trainee.choices.indexOf(mentor.person.id);
  return scorePair(
    trainee.match,
    mentor.match,
    { freePlaces, history: trainee.history.get(mentor.person.id) ?? null, choiceRank: rank === -1 ? null : rank + 1 },
    cohort.policy,
  );
}

/** The hard vetoes alone, which hold even when a profile is incomplete (matching by hand). */
export function vetoesFor(trainee: CohortTrainee, mentor: CohortMentor, freePlaces = mentor.free): Veto[] {
  const who = (c: { person: Person; conflicts: Conflicts }): VetoProfile => ({
    id: c.person.id,
    email: c.person.email,
    supervises: c.conflicts.supervises,
    supervisedBy: c.conflicts.supervised_by,
  });
  return pairVetoes(who(trainee), who(mentor), { freePlaces, history: trainee.history.get(mentor.person.id) ?? null });
}

export function scoreMatrix(cohort: Cohort, trainees: CohortTrainee[], mentors: CohortMentor[]): PairScore[][] {
  return trainees.map((t) => mentors.map((m) => scoreFor(cohort, t, m)));
}

/** How an e-mentor looks to a trainee on a short list or in a request: no name, no address. */
export function anonymousView(vocabulary: Vocabulary, profile: StoredProfile, other: StoredProfile | null) {
  const grade = profile.grade ? readGrade(vocabulary, profile.grade) : undefined;
  return {
    specialty: profile.specialty ?? 'not given',
    band: grade ? bandOf(vocabulary, grade.stage) : 'not given',
    region: profile.region ?? 'not given',
    shared: other ? profile.interests.filter((t) => other.interests.includes(t)) : [],
    bio: profile.bio,
  };
}
