/**
 * proposals.csv: written by `match propose`, read back (perhaps edited) by `match approve`.
 * Pure. It holds ids, names, addresses, scores and reasons; the bios are the only free text.
 */
import { parse } from 'csv-parse/sync';
import { MentormailError } from '../errors';
import { isValidAddress, normaliseAddress } from '../mail/address';

export const PROPOSAL_COLUMNS = [
  'proposal',
  'trainee',
  'trainee_email',
  'mentor',
  'mentor_email',
  'score',
  'trainee_rank',
  'reasons',
  'note',
  'trainee_bio',
  'mentor_bio',
] as const;

export type ProposalCsvRow = Record<(typeof PROPOSAL_COLUMNS)[number], string | number | null>;

/**
 * One CSV cell (RFC 4180 quoting, a few lines not worth a dependency). A cell that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeProposalsCsv(rows: ProposalCsvRow[]): string {
  const lines = [PROPOSAL_COLUMNS.join(','), ...rows.map((r) => PROPOSAL_COLUMNS.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export interface ApprovalRow {
  /** "line 3", for problems. */
  label: string;
  proposal: number | null;
  traineeEmail: string;
  /** Empty: nobody for this trainee (the row is skipped). */
  mentorEmail: string;
}

/** Reads an approval file: every bad line named, nothing returned if any. */
export function parseApprovalCsv(text: string, fileName = 'proposals.csv'): ApprovalRow[] {
  type Parsed = { record: Record<string, string>; info: { lines: number } };
  let header: string[] = [];
  let records: Parsed[];
  try {
    records = parse<Parsed>(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => (header = h.map((c) => c.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new MentormailError('MATCH_INVALID', `${fileName}: not a readable CSV file`, [
      `line ${e.lines ?? '?'}: ${e.message.replace(/^Invalid Record Length: /, '')}`,
    ]);
  }
  const absent = ['trainee_email', 'mentor_email'].filter((c) => !header.includes(c));
  if (absent.length > 0)
    throw new MentormailError('MATCH_INVALID', `${fileName}: nothing was approved`, [
      `line 1: missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (write the file with mentormail match propose)`,
    ]);
  const problems: string[] = [];
  const rows: ApprovalRow[] = [];
  for (const { record, info } of records) {
    const label = `line ${info.lines}`;
    const traineeEmail = normaliseAddress(record.trainee_email ?? '');
    const mentorEmail = normaliseAddress(record.mentor_email ?? '');
    const proposalText = (record.proposal ?? '').trim();
    if (!isValidAddress(traineeEmail))
      problems.push(`${label}: trainee_email "${record.trainee_email ?? ''}" is not a valid email address`);
    if (mentorEmail && !isValidAddress(mentorEmail))
      problems.push(`${label}: mentor_email "${record.mentor_email}" is not a valid email address`);
    if (proposalText && !/^\d+$/.test(proposalText)) problems.push(`${label}: proposal "${proposalText}" is not a proposal number`);
    rows.push({ label, proposal: /^\d+$/.test(proposalText) ? Number(proposalText) : null, traineeEmail, mentorEmail });
  }
  const proposals = new Set(rows.map((r) => r.proposal).filter((p) => p !== null));
  if (proposals.size > 1) problems.push(`the file mixes rows of proposals ${[...proposals].join(' and ')}; approve one proposal at a time`);
  if (problems.length > 0) throw new MentormailError('MATCH_INVALID', `${fileName}: nothing was approved`, problems);
  return rows;
}
