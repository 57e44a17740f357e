import { parse } from 'csv-parse/sync';
import { MentormailError } from '../errors';
import { isValidAddress, normaliseAddress } from '../mail/address';
import { isValidLocalDate } from '../schedule/calendar';

export const ROSTER_COLUMNS = ['trainee_name', 'trainee_email', 'mentor_name', 'mentor_email', 'start_date'] as const;

export interface RosterRow {
  line: number;
  traineeName: string;
  traineeEmail: string;
  mentorName: string;
  mentorEmail: string;
  startDate: string;
}

/**
 * Reads and checks a whole roster file. Every problem is reported with its line number, and
 * if there is any, nothing from the file is returned (so nothing is applied).
 */
export function parseRoster(text: string, fileName = 'roster.csv'): RosterRow[] {
  type Parsed = { record: Record<string, string>; info: { lines: number } };
  let records: Parsed[];
  try {
    records = parse<Parsed>(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new MentormailError('ROSTER_INVALID', `${fileName}: not a readable CSV file`, [
      `line ${e.lines ?? '?'}: ${e.message.replace(/^Invalid Record Length: /, '')}`,
    ]);
  }
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .split(',')
    .map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const absent = ROSTER_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0) {
    throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, [
      `line 1: missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (the header must include ${ROSTER_COLUMNS.join(',')})`,
    ]);
  }
  const problems: string[] = [];
  const rows: RosterRow[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const row: RosterRow = {
      line,
      traineeName: record.trainee_name ?? '',
      traineeEmail: normaliseAddress(record.trainee_email ?? ''),
      mentorName: record.mentor_name ?? '',
      mentorEmail: normaliseAddress(record.mentor_email ?? ''),
      startDate: record.start_date ?? '',
    };
    const rowProblems = [
      !row.traineeName && 'trainee_name is empty',
      !isValidAddress(row.traineeEmail) && `trainee_email "${record.trainee_email}" is not a valid email address`,
      !row.mentorName && 'mentor_name is empty',
      !isValidAddress(row.mentorEmail) && `mentor_email "${record.mentor_email}" is not a valid email address`,
      !isValidLocalDate(row.startDate) && `start_date "${record.start_date ?? ''}" is not a real date in the form YYYY-MM-DD`,
      row.traineeEmail === row.mentorEmail && row.traineeEmail && 'the trainee and the mentor are the same person',
    ].filter((p): p is string => typeof p === 'string');
    problems.push(...rowProblems.map((p) => `line ${line}: ${p}`));
    rows.push(row);
  }
  problems.push(...crossRowProblems(rows));
  if (problems.length > 0) throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, problems);
  return rows;
}

function crossRowProblems(rows: RosterRow[]): string[] {
  const problems: string[] = [];
  const trainees = new Map<string, RosterRow>();
  const mentors = new Map<string, RosterRow>();
  for (const row of rows) {
    const earlier = trainees.get(row.traineeEmail);
    if (earlier && earlier.mentorEmail !== row.mentorEmail) {
      problems.push(
        `line ${row.line}: trainee ${row.traineeEmail} already has mentor ${earlier.mentorEmail} on line ${earlier.line}; a trainee has one mentor`,
      );
    } else if (earlier && earlier.startDate !== row.startDate) {
      problems.push(`line ${row.line}: trainee ${row.traineeEmail} has start_date ${earlier.startDate} on line ${earlier.line}`);
    }
    if (!earlier) trainees.set(row.traineeEmail, row);
    if (!mentors.has(row.mentorEmail)) mentors.set(row.mentorEmail, row);
  }
  for (const row of rows) {
    const asMentor = mentors.get(row.traineeEmail);
    if (asMentor) problems.push(`line ${row.line}: ${row.traineeEmail} is a trainee here and a mentor on line ${asMentor.line}`);
  }
  return problems;
}
