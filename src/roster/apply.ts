import type { Db } from '../db/open';
import { findPairByTrainee, insertPair, updatePair } from '../db/pairs';
import { findPersonByEmail, insertPerson, renamePerson } from '../db/people';
import { MentormailError } from '../errors';
import { parseRoster } from './csv';
import { planRoster, type RosterChange } from './plan';

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`roster apply: ${what} missing`);
  return value;
}

function applyChange(db: Db, c: RosterChange, now: Date): void {
  switch (c.type) {
    case 'add_person':
      insertPerson(db, { email: c.email, name: c.name, role: c.role }, now);
      return;
    case 'rename':
      renamePerson(db, must(findPersonByEmail(db, c.email), c.email).id, c.to);
      return;
    case 'add_pair':
      insertPair(
        db,
        {
          trainee_id: must(findPersonByEmail(db, c.trainee), c.trainee).id,
          mentor_id: must(findPersonByEmail(db, c.mentor), c.mentor).id,
          start_date: c.startDate,
        },
        now,
      );
      return;
    case 'reassign':
    case 'move_start': {
      const trainee = must(findPersonByEmail(db, c.trainee), c.trainee);
      const pair = must(findPairByTrainee(db, trainee.id), `pair of ${c.trainee}`);
      const mentorId = c.type === 'reassign' ? must(findPersonByEmail(db, c.to), c.to).id : pair.mentor_id;
      updatePair(db, pair.id, { mentor_id: mentorId, start_date: c.type === 'move_start' ? c.to : pair.start_date }, now);
    }
  }
}

/** Reads, checks, plans and (unless a dry run) applies a roster file in one transaction. */
export function importRoster(db: Db, csvText: string, fileName: string, now: Date, dryRun: boolean): RosterChange[] {
  const rows = parseRoster(csvText, fileName);
  const plan = planRoster(db, rows);
  if (plan.problems.length > 0) throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, plan.problems);
  if (!dryRun) db.transaction(() => plan.changes.forEach((c) => applyChange(db, c, now)))();
  return plan.changes;
}
