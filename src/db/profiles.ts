import type { Conflicts, Preference, ProfileFields } from '../matching/profile';
import type { Db } from './open';
import { stmt } from './statements';

export interface StoredProfile extends ProfileFields {
  person_id: number;
  by_hand_since: string | null;
  source: 'import' | 'email';
  updated_at: string;
}

interface ProfileRow {
  person_id: number;
  specialty: string | null;
  region: string | null;
  grade: string | null;
  interests_json: string;
  capacity: number | null;
  bio: string;
  preferences_json: string;
  by_hand_since: string | null;
  source: 'import' | 'email';
  updated_at: string;
}

function fromRow(r: ProfileRow): StoredProfile {
  return {
    person_id: r.person_id,
    specialty: r.specialty,
    region: r.region,
    grade: r.grade,
    interests: JSON.parse(r.interests_json) as string[],
    capacity: r.capacity,
    bio: r.bio,
    preferences: JSON.parse(r.preferences_json) as Preference[],
    by_hand_since: r.by_hand_since,
    source: r.source,
    updated_at: r.updated_at,
  };
}

export function getProfile(db: Db, personId: number): StoredProfile | undefined {
  const r = stmt(db, 'SELECT * FROM profiles WHERE person_id = ?').get(personId) as ProfileRow | undefined;
  return r ? fromRow(r) : undefined;
}

export function listProfiles(db: Db): StoredProfile[] {
  return (stmt(db, 'SELECT * FROM profiles ORDER BY person_id').all() as ProfileRow[]).map(fromRow);
}

/** Creates or replaces a profile's fields; a NONE (by hand) mark stays as it was. */
export function saveProfile(db: Db, personId: number, p: ProfileFields, source: 'import' | 'email', now: Date): void {
  stmt(
    db,
    `INSERT INTO profiles (person_id, specialty, region, grade, interests_json, capacity, bio, preferences_json, source, updated_at)
       VALUES (@person_id, @specialty, @region, @grade, @interests_json, @capacity, @bio, @preferences_json, @source, @at)
     ON CONFLICT (person_id) DO UPDATE SET specialty = @specialty, region = @region, grade = @grade, interests_json = @interests_json,
       capacity = @capacity, bio = @bio, preferences_json = @preferences_json, source = @source, updated_at = @at`,
  ).run({
    person_id: personId,
    specialty: p.specialty,
    region: p.region,
    grade: p.grade,
    interests_json: JSON.stringify(p.interests),
    capacity: p.capacity,
    bio: p.bio,
    preferences_json: JSON.stringify(p.preferences),
    source,
    at: now.toISOString(),
  });
}

export function setByHand(db: Db, personId: number, since: Date | null): void {
  stmt(db, 'UPDATE profiles SET by_hand_since = ? WHERE person_id = ?').run(since ? since.toISOString() : null, personId);
}

export function conflictsOf(db: Db, personId: number): Conflicts {
  const rows = stmt(db, 'SELECT other_email, relation FROM profile_conflicts WHERE person_id = ? ORDER BY other_email').all(personId) as {
    other_email: string;
    relation: keyof Conflicts;
  }[];
  return {
    supervises: rows.filter((r) => r.relation === 'supervises').map((r) => r.other_email),
    supervised_by: rows.filter((r) => r.relation === 'supervised_by').map((r) => r.other_email),
  };
}

export function allConflicts(db: Db): Map<number, Conflicts> {
  const map = new Map<number, Conflicts>();
  for (const r of stmt(db, 'SELECT person_id, other_email, relation FROM profile_conflicts ORDER BY person_id, other_email').all() as {
    person_id: number;
    other_email: string;
    relation: keyof Conflicts;
  }[]) {
    const c = map.get(r.person_id) ?? { supervises: [], supervised_by: [] };
    c[r.relation].push(r.other_email);
    map.set(r.person_id, c);
  }
  return map;
}

/** Adds conflicts; `replace` first removes the person's existing ones (the coordinator's file is the whole truth). */
export function saveConflicts(db: Db, personId: number, conflicts: Conflicts, replace: boolean): void {
  if (replace) stmt(db, 'DELETE FROM profile_conflicts WHERE person_id = ?').run(personId);
  const add = stmt(db, 'INSERT OR IGNORE INTO profile_conflicts (person_id, other_email, relation) VALUES (?, ?, ?)');
  for (const relation of ['supervises', 'supervised_by'] as const)
    for (const email of conflicts[relation]) add.run(personId, email, relation);
}
