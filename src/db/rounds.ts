import type { Db } from './open';
import { stmt } from './statements';

export type RoundState = 'scheduled' | 'sent' | 'answered' | 'complete' | 'lapsed' | 'skipped';
/** Why a round was skipped: its trainee was paused or had withdrawn, or a newer round replaced it. */
export type SkipReason = 'paused' | 'withdrawn' | 'superseded';

export interface Round {
  id: number;
  pair_id: number;
  number: number;
  mentor_id: number;
  due_date: string;
  state: RoundState;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
  completed_at: string | null;
  forwarded_at: string | null;
  feedback_at: string | null;
  reminders_sent: number;
  last_reminder_at: string | null;
  remind_not_before: string | null;
  lapsed_at: string | null;
  followup_sent_at: string | null;
  mentor_reminders_sent: number;
  mentor_last_reminder_at: string | null;
  mentor_escalated_at: string | null;
  mentor_remind_not_before: string | null;
  trainee_thread_id: string | null;
  mentor_thread_id: string | null;
  skip_reason: SkipReason | null;
}

export function getRound(db: Db, id: number): Round {
  const r = stmt(db, 'SELECT * FROM rounds WHERE id = ?').get(id) as Round | undefined;
  if (!r) throw new Error(`round ${id} not found`);
  return r;
}

export function latestRound(db: Db, pairId: number): Round | undefined {
  return stmt(db, 'SELECT * FROM rounds WHERE pair_id = ? ORDER BY number DESC LIMIT 1').get(pairId) as Round | undefined;
}

/** The round before this one for the same pair (for goals carried forward). */
export function previousRound(db: Db, round: Round): Round | undefined {
  return stmt(db, 'SELECT * FROM rounds WHERE pair_id = ? AND number < ? ORDER BY number DESC LIMIT 1').get(round.pair_id, round.number) as
    Round | undefined;
}

export function roundsInState(db: Db, states: RoundState[]): Round[] {
  return stmt(db, `SELECT * FROM rounds WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY id`).all(...states) as Round[];
}

/** Inserts the round unless it exists; returns whether it was created. */
export function createRound(
  db: Db,
  r: { pair_id: number; number: number; mentor_id: number; due_date: string; state: RoundState; skip_reason?: SkipReason | null },
  now: Date,
): boolean {
  return (
    stmt(
      db,
      'INSERT OR IGNORE INTO rounds (pair_id, number, mentor_id, due_date, state, skip_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.pair_id, r.number, r.mentor_id, r.due_date, r.state, r.skip_reason ?? null, now.toISOString()).changes > 0
  );
}

type Patchable = Omit<Round, 'id' | 'pair_id' | 'number' | 'created_at'>;

export function updateRound(db: Db, id: number, patch: Partial<Patchable>): void {
  const keys = Object.keys(patch) as (keyof Patchable)[];
  if (keys.length === 0) return;
  stmt(db, `UPDATE rounds SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
}
