import type { Db } from './open';
import { stmt } from './statements';

export interface Pair {
  id: number;
  trainee_id: number;
  mentor_id: number;
  start_date: string;
}

export function findPairByTrainee(db: Db, traineeId: number): Pair | undefined {
  return stmt(db, 'SELECT id, trainee_id, mentor_id, start_date FROM pairs WHERE trainee_id = ?').get(traineeId) as Pair | undefined;
}

export function getPair(db: Db, id: number): Pair {
  const p = stmt(db, 'SELECT id, trainee_id, mentor_id, start_date FROM pairs WHERE id = ?').get(id) as Pair | undefined;
  if (!p) throw new Error(`pair ${id} not found`);
  return p;
}

/** The pairs an e-mentor currently has (reassigned ones are no longer theirs). */
export function pairsOfMentor(db: Db, mentorId: number): Pair[] {
  return stmt(db, 'SELECT id, trainee_id, mentor_id, start_date FROM pairs WHERE mentor_id = ? ORDER BY id').all(mentorId) as Pair[];
}

export function listPairs(db: Db): Pair[] {
  return stmt(db, 'SELECT id, trainee_id, mentor_id, start_date FROM pairs ORDER BY id').all() as Pair[];
}

export function insertPair(db: Db, p: Omit<Pair, 'id'>, now: Date): number {
  const at = now.toISOString();
  return Number(
    stmt(db, 'INSERT INTO pairs (trainee_id, mentor_id, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      p.trainee_id,
      p.mentor_id,
      p.start_date,
      at,
      at,
    ).lastInsertRowid,
  );
}

export function updatePair(db: Db, id: number, change: { mentor_id: number; start_date: string }, now: Date): void {
  stmt(db, 'UPDATE pairs SET mentor_id = ?, start_date = ?, updated_at = ? WHERE id = ?').run(
    change.mentor_id,
    change.start_date,
    now.toISOString(),
    id,
  );
}
