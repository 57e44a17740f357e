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

/** A heading as people write it ("Trainee Name", "E-mentor email") in our spelling. */
function canonicalHeading(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(e_)?mentee_/, 'trainee_')
    .replace(/^e_mentor_/, 'mentor_')
    .replace(/_e_?mail_address$|_e_mail$|_address$/, '_email');
}

/** Why the header lacks columns, when it can be told: another separator, or other spellings. */
function headerHints(headerLine: string, headings: string[], absent: readonly string[]): string[] {
  const hints: string[] = [];
  for (const [separator, name] of [
    [';', 'semicolons (as Excel saves "CSV" in many languages)'],
    ['\t', 'tabs'],
  ] as const) {
    const split = headerLine.split(separator).map(canonicalHeading);
    if (split.length > 1 && absent.every((c) => split.includes(c))) {
      hints.push(`the columns are separated by ${name}, not commas: save the file as "CSV UTF-8 (comma delimited)" and import that`);
    }
  }
  for (const heading of headings) {
    const canonical = canonicalHeading(heading);
    if (canonical !== heading.trim().toLowerCase() && absent.includes(canonical))
      hints.push(`the heading "${heading.trim()}" should be written ${canonical}`);
  }
  return hints;
}

// It goes into email headers (From: "Name via E-mentoring"): a line break there would start a
// header of its own, and angle brackets would be read as an address.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f<>]/;

function nameProblem(column: string, value: string): string | false {
  if (!UNSAFE_IN_NAME.test(value)) return false;
  if (/[\r\n]/.test(value)) return `${column} contains a line break (a name must be on one line)`;
  if (/[<>]/.test(value)) return `${column} contains "<" or ">" (a name cannot contain them; put the address in the email column)`;
  return `${column} contains a control character`;
}

/**
 * Reads and checks a whole roster file. Every problem is reported with its line number, and
 * if there is any, nothing from the file is returned (so nothing is applied).
 */
export function parseRoster(rawText: string, fileName = 'roster.csv'): RosterRow[] {
  // One kind of line break, so that line numbers are right whatever the file used.
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerLine = text.split('\n', 1)[0];
  let headings: string[];
  try {
    const firstRecord: string[][] = parse(headerLine, { to_line: 1 });
    headings = firstRecord[0] ?? [];
  } catch {
    headings = headerLine.split(',');
  }
  const header = headings.map((h) => h.trim().toLowerCase());
  const absent = ROSTER_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0) {
    throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, [
      `line 1: missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (the header must include ${ROSTER_COLUMNS.join(',')})`,
      ...headerHints(headerLine, headings, absent),
    ]);
  }

  type Parsed = { record: Record<string, string>; info: { lines: number; empty_lines: number } };
  let records: Parsed[];
  try {
    records = parse<Parsed>(text, {
      columns: (names: string[]) => names.map((h) => h.trim().toLowerCase()),
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
  const problems: string[] = [];
  const rows: RosterRow[] = [];
  let previousEnd = 1;
  let previousEmpty = 0;
  for (const { record, info } of records) {
    // csv-parse gives the line a record ends on; a quoted field can span lines, so count from
    // the end of the one before (and the empty lines skipped) to the line it starts on.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
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
      nameProblem('trainee_name', row.traineeName),
      !isValidAddress(row.traineeEmail) && `trainee_email "${record.trainee_email}" is not a valid email address`,
      !row.mentorName && 'mentor_name is empty',
      nameProblem('mentor_name', row.mentorName),
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
