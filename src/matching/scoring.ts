/**
 * How well an e-mentor suits a trainee. Pure: two profiles, the pair's history and the policy
 * in; a decision out. Hard vetoes first (the e-mentor is never the trainee's supervisor or
 * assessor, in either direction), then weighted criteria. Every point keeps its reason, so a
 * short list or a proposal can say why.
 */
import type { Preference } from './profile';

export type RegionPolicy = 'ignore' | 'prefer-same' | 'prefer-different';

export interface MatchWeights {
  /** Same specialty; a related one (same family) gets half. */
  specialty: number;
  /** Per shared interest tag, counting at most MAX_SHARED_INTERESTS. */
  interests: number;
  /** The e-mentor is at least two stages further on; one stage gets half. */
  stage: number;
  /** Same or different region, as the region policy says. */
  region: number;
  /** Per opt-in preference of the trainee that the e-mentor meets. */
  preferences: number;
  /** The trainee's first choice; the second gets half, any later choice a quarter. */
  choice: number;
}

export interface ScoringPolicy {
  weights: MatchWeights;
  region: RegionPolicy;
}

export const MAX_SHARED_INTERESTS = 3;

/** A complete profile, ready to be compared. */
export interface MatchProfile {
  id: number;
  email: string;
  specialty: string;
  family: string;
  region: string;
  stage: number;
  /** Consultant, GP or SAS: in the top band. */
  senior: boolean;
  interests: string[];
  supervises: string[];
  supervisedBy: string[];
  preferences: Preference[];
}

/** What is known about this pair beyond the two profiles. */
export interface PairContext {
  /** The e-mentor's free places now (capacity less current trainees and open requests). */
  freePlaces: number;
  /** What the e-mentor did with an earlier request for this trainee, if any. */
  history: 'declined' | 'no_answer' | null;
  /** Where the trainee ranked this e-mentor (1 = first choice), if they did. */
  choiceRank: number | null;
}

export type Criterion = keyof MatchWeights;
export type VetoCode = 'same_person' | 'supervision' | 'no_free_place' | 'declined' | 'no_answer' | 'incomplete_profile';

export interface Reason {
  criterion: Criterion;
  points: number;
  text: string;
}

export interface Veto {
  code: VetoCode;
  text: string;
}

export type PairScore = { eligible: true; points: number; reasons: Reason[] } | { eligible: false; vetoes: Veto[] };

/** Who a person is, for the vetoes: enough even when the rest of a profile is missing. */
export type VetoProfile = Pick<MatchProfile, 'id' | 'email' | 'supervises' | 'supervisedBy'>;

/** Every hard veto on this pair; capacity and history come from the context. */
export function pairVetoes(trainee: VetoProfile, mentor: VetoProfile, context: Omit<PairContext, 'choiceRank'>): Veto[] {
  const found: Veto[] = [];
  if (trainee.id === mentor.id || trainee.email === mentor.email) found.push({ code: 'same_person', text: 'the same person' });
  if (mentor.supervises.includes(trainee.email) || trainee.supervisedBy.includes(mentor.email))
    found.push({ code: 'supervision', text: 'supervises or assesses the trainee' });
  if (trainee.supervises.includes(mentor.email) || mentor.supervisedBy.includes(trainee.email))
    found.push({ code: 'supervision', text: 'is supervised or assessed by the trainee' });
  if (context.freePlaces <= 0) found.push({ code: 'no_free_place', text: 'no free place' });
  if (context.history === 'declined') found.push({ code: 'declined', text: 'declined this trainee before' });
  if (context.history === 'no_answer') found.push({ code: 'no_answer', text: 'did not answer a request for this trainee' });
  return found;
}

function meets(preference: Preference, trainee: MatchProfile, mentor: MatchProfile): boolean {
  switch (preference) {
    case 'same-specialty':
      return trainee.specialty === mentor.specialty;
    case 'other-specialty':
      return trainee.specialty !== mentor.specialty;
    case 'same-region':
      return trainee.region === mentor.region;
    case 'other-region':
      return trainee.region !== mentor.region;
    case 'senior-mentor':
      return mentor.senior;
  }
}

const PREFERENCE_WORDS: Record<Preference, string> = {
  'same-specialty': 'same specialty',
  'other-specialty': 'another specialty',
  'same-region': 'same region',
  'other-region': 'another region',
  'senior-mentor': 'a senior e-mentor',
};

const round = (n: number) => Math.round(n * 100) / 100;

function criteria(trainee: MatchProfile, mentor: MatchProfile, context: PairContext, policy: ScoringPolicy): Reason[] {
  const w = policy.weights;
  const reasons: Reason[] = [];
  const add = (criterion: Criterion, points: number, text: string) => {
    if (points > 0) reasons.push({ criterion, points: round(points), text });
  };

  if (trainee.specialty === mentor.specialty) add('specialty', w.specialty, `same specialty (${mentor.specialty})`);
  else if (trainee.family === mentor.family) add('specialty', w.specialty / 2, `related specialty (both ${mentor.family})`);

  const shared = trainee.interests.filter((t) => mentor.interests.includes(t));
  if (shared.length > 0)
    add(
      'interests',
      w.interests * Math.min(shared.length, MAX_SHARED_INTERESTS),
      `shared interest${shared.length > 1 ? 's' : ''}: ${shared.join(', ')}`,
    );

  const gap = mentor.stage - trainee.stage;
  if (gap >= 2) add('stage', w.stage, 'further on in training');
  else if (gap === 1) add('stage', w.stage / 2, 'a little further on in training');

  if (policy.region === 'prefer-same' && trainee.region === mentor.region) add('region', w.region, `same region (${mentor.region})`);
  if (policy.region === 'prefer-different' && trainee.region !== mentor.region)
    add('region', w.region, `another region (${mentor.region}), for a fresh perspective`);

  const met = trainee.preferences.filter((p) => meets(p, trainee, mentor));
  if (met.length > 0)
    add('preferences', w.preferences * met.length, `as the trainee asked: ${met.map((p) => PREFERENCE_WORDS[p]).join(', ')}`);

  if (context.choiceRank !== null) {
    const share = context.choiceRank === 1 ? 1 : context.choiceRank === 2 ? 0.5 : 0.25;
    const ordinal = ['first', 'second', 'third'][context.choiceRank - 1] ?? `number ${context.choiceRank}`;
    add('choice', w.choice * share, `the trainee's ${ordinal} choice`);
  }
  return reasons.sort((a, b) => b.points - a.points);
}

/** Scores one trainee with one e-mentor: every veto that applies, or the points and their reasons. */
export function scorePair(trainee: MatchProfile, mentor: MatchProfile, context: PairContext, policy: ScoringPolicy): PairScore {
  const found = pairVetoes(trainee, mentor, context);
  if (found.length > 0) return { eligible: false, vetoes: found };
  const reasons = criteria(trainee, mentor, context, policy);
  return { eligible: true, points: round(reasons.reduce((sum, r) => sum + r.points, 0)), reasons };
}
