import type { Db } from './open';
import { stmt } from './statements';

export type Role = 'trainee' | 'mentor';
export type ParticipationStatus = 'active' | 'paused' | 'withdrawn';

export interface Person {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: ParticipationStatus;
  paused_until: string | null;
  status_since: string;
  address_failing_since: string | null;
}

const COLUMNS = 'id, email, name, role, status, paused_until, status_since, address_failing_since';

export function findPersonByEmail(db: Db, email: string): Person | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM people WHERE email = ?`).get(email) as Person | undefined;
}

export function getPerson(db: Db, id: number): Person {
  const p = stmt(db, `SELECT ${COLUMNS} FROM people WHERE id = ?`).get(id) as Person | undefined;
  if (!p) throw new Error(`person ${id} not found`);
  return p;
}

export function listPeople(db: Db): Person[] {
  return stmt(db, `SELECT ${COLUMNS} FROM people ORDER BY role DESC, name`).all() as Person[];
}

export function insertPerson(db: Db, p: { email: string; name: string; role: Role }, now: Date): number {
  const at = now.toISOString();
  return Number(
    stmt(db, 'INSERT INTO people (email, name, role, status_since, created_at) VALUES (?, ?, ?, ?, ?)').run(p.email, p.name, p.role, at, at)
      .lastInsertRowid,
  );
}

export function renamePerson(db: Db, id: number, name: string): void {
  stmt(db, 'UPDATE people SET name = ? WHERE id = ?').run(name, id);
}

export function setStatus(db: Db, id: number, status: ParticipationStatus, pausedUntil: string | null, now: Date): void {
  stmt(db, 'UPDATE people SET status = ?, paused_until = ?, status_since = ? WHERE id = ?').run(
    status,
    status === 'paused' ? pausedUntil : null,
    now.toISOString(),
    id,
  );
}

export function markAddressFailing(db: Db, id: number, now: Date): boolean {
  return (
    stmt(db, 'UPDATE people SET address_failing_since = ? WHERE id = ? AND address_failing_since IS NULL').run(now.toISOString(), id)
      .changes > 0
  );
}

export function clearAddressFailing(db: Db, id: number): void {
  stmt(db, 'UPDATE people SET address_failing_since = NULL WHERE id = ?').run(id);
}
