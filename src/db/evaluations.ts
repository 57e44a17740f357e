import type { Db } from './open';
import type { Role } from './people';
import { stmt } from './statements';

export type EvaluationState = 'scheduled' | 'sent' | 'answered' | 'complete' | 'lapsed';

export interface Evaluation {
  id: number;
  year: number;
  person_id: number;
  role: Role;
  state: EvaluationState;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
  completed_at: string | null;
  followup_sent_at: string | null;
  reminders_sent: number;
  last_reminder_at: string | null;
  lapsed_at: string | null;
  thread_id: string | null;
}

// Every column but `comment` (content): nothing that moves surveys along needs it.
const COLUMNS =
  'id, year, person_id, role, state, created_at, sent_at, answered_at, completed_at, followup_sent_at, reminders_sent, last_reminder_at, lapsed_at, thread_id';

/** Adds the person's survey for the year unless they have one; returns whether it was added. */
export function createEvaluation(db: Db, e: { year: number; person_id: number; role: Role }, now: Date): boolean {
  return (
    stmt(db, 'INSERT OR IGNORE INTO evaluations (year, person_id, role, created_at) VALUES (?, ?, ?, ?)').run(
      e.year,
      e.person_id,
      e.role,
      now.toISOString(),
    ).changes > 0
  );
}

export function getEvaluation(db: Db, id: number): Evaluation {
  const e = stmt(db, `SELECT ${COLUMNS} FROM evaluations WHERE id = ?`).get(id) as Evaluation | undefined;
  if (!e) throw new Error(`evaluation ${id} not found`);
  return e;
}

export function evaluationsInState(db: Db, states: EvaluationState[]): Evaluation[] {
  return stmt(db, `SELECT ${COLUMNS} FROM evaluations WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY id`).all(
    ...states,
  ) as Evaluation[];
}

/** The person's latest survey that has gone out: the one a reply answers. */
export function latestSentEvaluation(db: Db, personId: number): Evaluation | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM evaluations WHERE person_id = ? AND sent_at IS NOT NULL ORDER BY year DESC LIMIT 1`).get(
    personId,
  ) as Evaluation | undefined;
}

type Patchable = Omit<Evaluation, 'id' | 'year' | 'person_id' | 'role' | 'created_at'>;

export function updateEvaluation(db: Db, id: number, patch: Partial<Patchable>): void {
  const keys = Object.keys(patch) as (keyof Patchable)[];
  if (keys.length === 0) return;
  stmt(db, `UPDATE evaluations SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
}

export function saveEvaluationAnswers(db: Db, id: number, values: Record<string, number | null>, inboundId: number, now: Date): void {
  const upsert = stmt(
    db,
    `INSERT INTO evaluation_answers (evaluation_id, item, value, inbound_id, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (evaluation_id, item) DO UPDATE SET value = excluded.value, inbound_id = excluded.inbound_id, updated_at = excluded.updated_at`,
  );
  for (const [item, value] of Object.entries(values)) upsert.run(id, item, value, inboundId, now.toISOString());
}

export function answeredItems(db: Db, id: number): Set<string> {
  return new Set(
    (stmt(db, 'SELECT item FROM evaluation_answers WHERE evaluation_id = ?').all(id) as { item: string }[]).map((r) => r.item),
  );
}

/** The person's own words, added to what they wrote before (nothing they write is dropped). */
export function addEvaluationComment(db: Db, id: number, comment: string): void {
  stmt(
    db,
    "UPDATE evaluations SET comment = CASE WHEN comment IS NULL OR comment = '' THEN ? ELSE comment || char(10) || char(10) || ? END WHERE id = ?",
  ).run(comment, comment, id);
}

/** Trainees and e-mentors with a questionnaire sent between the two instants (leavers included). */
export function activeBetween(db: Db, from: Date, to: Date): { person_id: number; role: Role }[] {
  return stmt(
    db,
    `SELECT p.trainee_id AS person_id, 'trainee' AS role FROM rounds r JOIN pairs p ON p.id = r.pair_id
       WHERE r.sent_at >= ? AND r.sent_at < ?
     UNION
     SELECT r.mentor_id AS person_id, 'mentor' AS role FROM rounds r WHERE r.sent_at >= ? AND r.sent_at < ?
     ORDER BY role DESC, person_id`,
  ).all(from.toISOString(), to.toISOString(), from.toISOString(), to.toISOString()) as { person_id: number; role: Role }[];
}
