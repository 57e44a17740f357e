/**
 * The profiles CSV: one row per trainee or e-mentor. Pure. Every problem is named with its
 * line, and when there is any, no row is returned, so nothing is applied (as for the roster).
 */
import { parse } from 'csv-parse/sync';
import { MentormailError } from '../errors';
import { isValidAddress, normaliseAddress } from '../mail/address';
import { EMPTY_PROFILE, readField, type Conflicts, type FieldName, type ProfileFields } from './profile';
import type { Vocabulary } from './vocabulary';

export const PROFILE_COLUMNS = [
  'email',
  'name',
  'role',
  'specialty',
  'region',
  'grade',
  'interests',
  'capacity',
  'supervises',
  'supervised_by',
  'bio',
  'preferences',
] as const;
const REQUIRED_COLUMNS = ['email', 'name', 'role'] as const;

export interface ProfileRow {
  line: number;
  email: string;
  name: string;
  role: 'trainee' | 'mentor';
  /** null: the row names the person only; their profile is to come by email. */
  profile: ProfileFields | null;
  conflicts: Conflicts;
}

const ROLES: Record<string, 'trainee' | 'mentor'> = {
  trainee: 'trainee',
  mentee: 'trainee',
  'e-mentee': 'trainee',
  mentor: 'mentor',
  'e-mentor': 'mentor',
};

const PROFILE_FIELDS: FieldName[] = ['specialty', 'region', 'grade', 'interests', 'capacity', 'bio', 'preferences'];

function readRow(
  record: Record<string, string>,
  line: number,
  vocabulary: Vocabulary,
  file: string,
): { row: ProfileRow; problems: string[] } {
  const problems: string[] = [];
  const email = normaliseAddress(record.email ?? '');
  const name = (record.name ?? '').replace(/\s+/g, ' ').trim();
  const role = ROLES[(record.role ?? '').trim().toLowerCase()];
  if (!isValidAddress(email)) problems.push(`email "${record.email ?? ''}" is not a valid email address`);
  if (!name) problems.push('name is empty');
  if (!role) problems.push(`role "${record.role ?? ''}" must be mentor or trainee (also e-mentor, mentee)`);

  const profile: ProfileFields = { ...EMPTY_PROFILE };
  const conflicts: Conflicts = { supervises: [], supervised_by: [] };
  for (const field of [...PROFILE_FIELDS, 'supervises', 'supervised_by'] as FieldName[]) {
    const result = readField(vocabulary, field, record[field] ?? '', file);
    if (!result.ok) problems.push(result.problem);
    else if (field === 'supervises' || field === 'supervised_by') conflicts[field] = result.value as string[];
    else (profile as unknown as Record<string, unknown>)[field] = result.value;
  }
  for (const field of ['supervises', 'supervised_by'] as const)
    if (conflicts[field].includes(email)) problems.push(`${field} lists the person themselves`);

  const given = PROFILE_FIELDS.some((f) => (record[f] ?? '').trim() !== '');
  if (given) {
    const needed: FieldName[] = ['specialty', 'region', 'grade', ...(role === 'mentor' ? (['capacity'] as FieldName[]) : [])];
    const empty = needed.filter((f) => (record[f] ?? '').trim() === '');
    if (empty.length > 0)
      problems.push(
        `${empty.join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty (a profile needs specialty, region and grade; an e-mentor also capacity)`,
      );
  }
  if (role === 'trainee' && (record.capacity ?? '').trim() !== '') problems.push('capacity is for e-mentors; leave it empty for a trainee');

  return { row: { line, email, name, role: role ?? 'trainee', profile: given ? profile : null, conflicts }, problems };
}

export function parseProfilesCsv(
  text: string,
  vocabulary: Vocabulary,
  fileName = 'profiles.csv',
  vocabularyFile = 'templates/profiles.yml',
): ProfileRow[] {
  type Parsed = { record: Record<string, string>; info: { lines: number } };
  const clean = text.replace(/^\uFEFF/, '');
  let records: Parsed[];
  let header: string[] = [];
  try {
    records = parse<Parsed>(clean, {
      columns: (h: string[]) => (header = h.map((c) => c.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new MentormailError('PROFILES_INVALID', `${fileName}: not a readable CSV file`, [
      `line ${e.lines ?? '?'}: ${e.message.replace(/^Invalid Record Length: /, '')}`,
    ]);
  }
  const absent = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0) {
    throw new MentormailError('PROFILES_INVALID', `${fileName}: nothing was imported`, [
      `line 1: missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (the header must include ${REQUIRED_COLUMNS.join(',')}; the others are ${PROFILE_COLUMNS.slice(3).join(',')})`,
    ]);
  }
  const problems: string[] = [];
  const rows: ProfileRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const { row, problems: rowProblems } = readRow(record, info.lines, vocabulary, vocabularyFile);
    problems.push(...rowProblems.map((p) => `line ${info.lines}: ${p}`));
    const earlier = seen.get(row.email);
    if (earlier !== undefined && row.email) problems.push(`line ${info.lines}: ${row.email} is already on line ${earlier}`);
    else seen.set(row.email, info.lines);
    rows.push(row);
  }
  if (problems.length > 0) throw new MentormailError('PROFILES_INVALID', `${fileName}: nothing was imported`, problems);
  return rows;
}
