/**
 * The only way the coordinator's figures (health, the report) read the database: these
 * queries over the views of migration 010, which have no content column. Nothing in
 * src/health/ or src/report/ runs SQL of its own; test/unit/healthPrivacy.test.ts checks that
 * these queries name only the views, that the views draw on no content column, and that no
 * other file there touches the database.
 */
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { Role } from '../db/people';

export interface PairRow {
  pair_id: number;
  trainee_id: number;
  mentor_id: number;
  start_date: string;
  created_at: string;
  how_matched: 'chose' | 'assigned' | null;
  trainee_status: 'active' | 'paused' | 'withdrawn';
  trainee_status_since: string;
  ref: string | null;
}

export interface RoundRow {
  round_id: number;
  pair_id: number;
  number: number;
  mentor_id: number;
  state: string;
  sent_at: string | null;
  answered_at: string | null;
  forwarded_at: string | null;
  feedback_at: string | null;
  lapsed_at: string | null;
}

export interface MessageRow {
  message_id: number;
  pair_id: number;
  round_id: number | null;
  author_role: Role;
  kind: 'answers' | 'feedback' | 'message';
  words: number | null;
  created_at: string;
}

export interface PulseRow {
  round_id: number;
  pair_id: number;
  person_id: number;
  role: Role;
  item: string;
  score: number;
  answered_at: string;
}

export interface EvaluationStatusRow {
  evaluation_id: number;
  year: number;
  person_id: number;
  role: Role;
  state: string;
  sent_at: string | null;
  answered_at: string | null;
  completed_at: string | null;
}

export interface EvaluationValueRow {
  evaluation_id: number;
  year: number;
  role: Role;
  item: string;
  value: number | null;
}

/** Everything the figures are made from: timestamps, counts, states and numbers. */
export interface HealthData {
  pairs: PairRow[];
  rounds: RoundRow[];
  messages: MessageRow[];
  pulse: PulseRow[];
  evaluationStatus: EvaluationStatusRow[];
  evaluationValues: EvaluationValueRow[];
}

/** The views the coordinator's figures may read (and nothing else). */
export const COORDINATOR_VIEWS = [
  'health_pairs',
  'health_rounds',
  'health_messages',
  'health_pulse',
  'evaluation_status',
  'evaluation_values',
] as const;

/** Every query, by what it fills. Ordered, so the same data always gives the same figures. */
export const VIEW_QUERIES: Readonly<Record<keyof HealthData, string>> = {
  pairs: `SELECT pair_id, trainee_id, mentor_id, start_date, created_at, how_matched, trainee_status, trainee_status_since, ref
            FROM health_pairs ORDER BY pair_id`,
  rounds: `SELECT round_id, pair_id, number, mentor_id, state, sent_at, answered_at, forwarded_at, feedback_at, lapsed_at
             FROM health_rounds ORDER BY pair_id, number`,
  messages: `SELECT message_id, pair_id, round_id, author_role, kind, words, created_at FROM health_messages ORDER BY created_at, message_id`,
  pulse: `SELECT round_id, pair_id, person_id, role, item, score, answered_at FROM health_pulse ORDER BY answered_at, round_id, person_id, item`,
  evaluationStatus: `SELECT evaluation_id, year, person_id, role, state, sent_at, answered_at, completed_at
                       FROM evaluation_status ORDER BY year, evaluation_id`,
  evaluationValues: `SELECT evaluation_id, year, role, item, value FROM evaluation_values ORDER BY year, evaluation_id, item`,
};

/** Reads the views; the result is plain data, so everything after this is pure. */
export function readHealthData(db: Db): HealthData {
  const all = <T>(key: keyof HealthData) => stmt(db, VIEW_QUERIES[key]).all() as T[];
  return {
    pairs: all<PairRow>('pairs'),
    rounds: all<RoundRow>('rounds'),
    messages: all<MessageRow>('messages'),
    pulse: all<PulseRow>('pulse'),
    evaluationStatus: all<EvaluationStatusRow>('evaluationStatus'),
    evaluationValues: all<EvaluationValueRow>('evaluationValues'),
  };
}
