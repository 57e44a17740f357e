import type { Db } from '../db/open';
import { findPairByTrainee } from '../db/pairs';
import { findPersonByEmail, getPerson, type Role } from '../db/people';
import { addressChangeFrom } from './addresses';
import type { RosterRow } from './csv';

export type RosterChange =
  | { type: 'add_person'; email: string; name: string; role: Role }
  | { type: 'rename'; email: string; from: string; to: string }
  | { type: 'add_pair'; trainee: string; mentor: string; startDate: string }
  | { type: 'reassign'; trainee: string; from: string; to: string }
  | { type: 'move_start'; trainee: string; from: string; to: string };

export interface RosterPlan {
  changes: RosterChange[];
  problems: string[];
}

/** What importing these rows would change, against the database; empty when already applied. */
export function planRoster(db: Db, rows: RosterRow[]): RosterPlan {
  const changes: RosterChange[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const person = (email: string, name: string, role: Role, line: number) => {
    const existing = findPersonByEmail(db, email);
    const moved = existing ? undefined : addressChangeFrom(db, email);
    if (moved)
      problems.push(
        `line ${line}: ${email} was changed to ${moved.new_email} on ${moved.changed_at.slice(0, 10)} (mentormail change-email); write the new address in the roster file`,
      );
    else if (existing && existing.role !== role)
      problems.push(`line ${line}: ${email} is already on the roster as ${existing.role === 'mentor' ? 'an e-mentor' : 'a trainee'}`);
    else if (!existing && !seen.has(email)) changes.push({ type: 'add_person', email, name, role });
    else if (existing && existing.name !== name && !seen.has(email)) changes.push({ type: 'rename', email, from: existing.name, to: name });
    seen.add(email);
  };
  for (const row of rows) {
    person(row.traineeEmail, row.traineeName, 'trainee', row.line);
    person(row.mentorEmail, row.mentorName, 'mentor', row.line);
    const trainee = findPersonByEmail(db, row.traineeEmail);
    const pair = trainee ? findPairByTrainee(db, trainee.id) : undefined;
    if (!pair) {
      if (!changes.some((c) => c.type === 'add_pair' && c.trainee === row.traineeEmail)) {
        changes.push({ type: 'add_pair', trainee: row.traineeEmail, mentor: row.mentorEmail, startDate: row.startDate });
      }
      continue;
    }
    const mentor = getPerson(db, pair.mentor_id);
    if (mentor.email !== row.mentorEmail)
      changes.push({ type: 'reassign', trainee: row.traineeEmail, from: mentor.email, to: row.mentorEmail });
    if (pair.start_date !== row.startDate)
      changes.push({ type: 'move_start', trainee: row.traineeEmail, from: pair.start_date, to: row.startDate });
  }
  return { changes, problems };
}

export function describeChange(c: RosterChange): string {
  switch (c.type) {
    case 'add_person':
      return `add ${c.role === 'mentor' ? 'e-mentor' : 'trainee'} ${c.name} <${c.email}>`;
    case 'rename':
      return `rename ${c.email}: "${c.from}" to "${c.to}"`;
    case 'add_pair':
      return `pair trainee ${c.trainee} with e-mentor ${c.mentor}, first questionnaire on ${c.startDate}`;
    case 'reassign':
      return `reassign trainee ${c.trainee} from ${c.from} to ${c.to} (future rounds only)`;
    case 'move_start':
      return `move ${c.trainee}'s start date from ${c.from} to ${c.to}`;
  }
}
