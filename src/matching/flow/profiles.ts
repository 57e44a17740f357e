/**
 * Profiles into the database: from the coordinator's CSV (checked whole, applied whole, like
 * the roster) and from a person's own email ("Specialty: ..." lines), with what was recorded
 * sent back so they can correct it.
 */
import type { Db } from '../../db/open';
import { findPersonByEmail, insertPerson, renamePerson, type Person } from '../../db/people';
import { conflictsOf, getProfile, saveConflicts, saveProfile } from '../../db/profiles';
import { MentormailError } from '../../errors';
import type { Thread } from '../../mail/emails';
import { queueProfileEmail, type MatchMailDeps } from '../../mail/matchingEmails';
import { parseProfilesCsv } from '../csv';
import {
  EMPTY_PROFILE,
  FIELD_NAMES,
  MAX_BIO_WORDS,
  missingFields,
  PREFERENCES,
  readField,
  type Conflicts,
  type FieldName,
  type ProfileFields,
} from '../profile';
import { FIELD_LABELS, readProfileLines } from '../profileLines';
import { MAX_INTERESTS, type Vocabulary } from '../vocabulary';

export type ProfileChange =
  | { type: 'add_person'; email: string; name: string; role: Person['role'] }
  | { type: 'rename'; email: string; from: string; to: string }
  | { type: 'profile'; email: string; fields: FieldName[] }
  | { type: 'conflicts'; email: string };

const PROFILE_KEYS: (keyof ProfileFields)[] = ['specialty', 'region', 'grade', 'interests', 'capacity', 'bio', 'preferences'];

function changedFields(before: ProfileFields | undefined, after: ProfileFields): FieldName[] {
  return PROFILE_KEYS.filter((k) => JSON.stringify(before ? before[k] : EMPTY_PROFILE[k]) !== JSON.stringify(after[k]) || !before);
}

function sameConflicts(a: Conflicts, b: Conflicts): boolean {
  const norm = (c: Conflicts) => JSON.stringify([[...c.supervises].sort(), [...c.supervised_by].sort()]);
  return norm(a) === norm(b);
}

/** Reads, checks, plans and (unless a dry run) applies a profiles file in one transaction. */
export function importProfiles(
  db: Db,
  vocabulary: Vocabulary,
  csvText: string,
  fileName: string,
  now: Date,
  dryRun: boolean,
): ProfileChange[] {
  const rows = parseProfilesCsv(csvText, vocabulary, fileName);
  const changes: ProfileChange[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const existing = findPersonByEmail(db, row.email);
    if (existing && existing.role !== row.role) {
      problems.push(
        `line ${row.line}: ${row.email} is already on the roster as ${existing.role === 'mentor' ? 'an e-mentor' : 'a trainee'}`,
      );
      continue;
    }
    if (!existing) changes.push({ type: 'add_person', email: row.email, name: row.name, role: row.role });
    else if (existing.name !== row.name) changes.push({ type: 'rename', email: row.email, from: existing.name, to: row.name });
    const stored = existing ? getProfile(db, existing.id) : undefined;
    if (row.profile) {
      const fields = changedFields(stored, row.profile);
      if (fields.length > 0) changes.push({ type: 'profile', email: row.email, fields });
    }
    const before = existing ? conflictsOf(db, existing.id) : { supervises: [], supervised_by: [] };
    if (!sameConflicts(before, row.conflicts)) changes.push({ type: 'conflicts', email: row.email });
  }
  if (problems.length > 0) throw new MentormailError('PROFILES_INVALID', `${fileName}: nothing was imported`, problems);
  if (!dryRun) {
    db.transaction(() => {
      for (const row of rows) {
        const existing = findPersonByEmail(db, row.email);
        const id = existing ? existing.id : insertPerson(db, { email: row.email, name: row.name, role: row.role }, now);
        if (existing && existing.name !== row.name) renamePerson(db, id, row.name);
        if (row.profile && changes.some((c) => c.type === 'profile' && c.email === row.email))
          saveProfile(db, id, row.profile, 'import', now);
        if (changes.some((c) => c.type === 'conflicts' && c.email === row.email)) saveConflicts(db, id, row.conflicts, true);
      }
    })();
  }
  return changes;
}

export function describeProfileChange(c: ProfileChange): string {
  switch (c.type) {
    case 'add_person':
      return `add ${c.role === 'mentor' ? 'e-mentor' : 'trainee'} ${c.name} <${c.email}>`;
    case 'rename':
      return `rename ${c.email}: "${c.from}" to "${c.to}"`;
    case 'profile':
      return `set ${c.email}'s profile: ${c.fields.join(', ')}`;
    case 'conflicts':
      return `set who ${c.email} must never be matched with (supervises, supervised_by)`;
  }
}

function listValue(items: string[]): string {
  return items.join(', ');
}

/** The profile as the person sees it in an email, one "Label: value" line per field. */
export function profileLines(person: Person, profile: ProfileFields, conflicts: Conflicts): { label: string; value: string }[] {
  const shown: FieldName[] =
    person.role === 'mentor'
      ? ['specialty', 'region', 'grade', 'interests', 'capacity', 'bio']
      : ['specialty', 'region', 'grade', 'interests', 'bio', 'preferences'];
  const value = (f: FieldName): string => {
    if (f === 'supervises' || f === 'supervised_by') return listValue(conflicts[f]);
    const v = profile[f];
    return Array.isArray(v) ? listValue(v) : v === null ? '' : String(v);
  };
  const lines = shown.map((f) => ({ label: FIELD_LABELS[f], value: value(f) }));
  for (const f of ['supervises', 'supervised_by'] as const)
    if (conflicts[f].length > 0) lines.push({ label: FIELD_LABELS[f], value: value(f) });
  return lines;
}

export interface EmailedProfile {
  /** Some profile line was found in the email. */
  found: boolean;
  problems: string[];
}

/**
 * Applies the profile lines of an email: each field read, each bad one named back to them.
 * Supervision can only be added by email; removing it is for the coordinator's file.
 */
export function applyEmailedProfile(db: Db, vocabulary: Vocabulary, person: Person, text: string, now: Date): EmailedProfile {
  const { fields } = readProfileLines(text);
  const found = Object.keys(fields) as FieldName[];
  if (found.length === 0) return { found: false, problems: [] };
  const stored = getProfile(db, person.id);
  const profile: ProfileFields = stored ? { ...stored } : { ...EMPTY_PROFILE };
  const added: Conflicts = { supervises: [], supervised_by: [] };
  const problems: string[] = [];
  for (const field of FIELD_NAMES.filter((f) => found.includes(f))) {
    const label = FIELD_LABELS[field];
    if (field === 'capacity' && person.role !== 'mentor') {
      problems.push(`${label}: only e-mentors say how many trainees they will take`);
      continue;
    }
    const result = readField(vocabulary, field, fields[field] ?? '');
    if (!result.ok) problems.push(`${label}: ${result.problem}`);
    else if (field === 'supervises' || field === 'supervised_by')
      added[field] = (result.value as string[]).filter((e) => e !== person.email);
    else if (field === 'capacity' && result.value === null) problems.push(`${label}: say a number from 0 to 3`);
    else (profile as unknown as Record<string, unknown>)[field] = result.value;
  }
  saveProfile(db, person.id, profile, 'email', now);
  saveConflicts(db, person.id, added, false);
  return { found: true, problems };
}

/** The profile email: after an update (`asked` false) or to invite someone to fill it in. */
export function queueProfileView(
  deps: MatchMailDeps,
  vocabulary: Vocabulary,
  person: Person,
  args: { asked: boolean; problems: string[]; dedupeKey: string; thread?: Thread },
  now: Date,
): void {
  const profile = getProfile(deps.db, person.id) ?? { ...EMPTY_PROFILE };
  queueProfileEmail(
    deps,
    person,
    {
      asked: args.asked,
      lines: profileLines(person, profile, conflictsOf(deps.db, person.id)),
      problems: args.problems,
      missing: missingFields(profile, person.role).map((f) => FIELD_LABELS[f]),
      vocabulary: {
        interests: [...vocabulary.interests.values()],
        regions: [...vocabulary.regions.values()],
        preferences: Object.keys(PREFERENCES),
      },
      maxInterests: MAX_INTERESTS,
      maxBioWords: MAX_BIO_WORDS,
    },
    args.dedupeKey,
    args.thread,
    now,
  );
}
