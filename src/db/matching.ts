import type { Reason } from '../matching/scoring';
import type { Db } from './open';
import { stmt } from './statements';

// ------------------------------------------------------------------------------------------
// Short lists and choices

export interface ShortlistEntry {
  trainee_id: number;
  letter: string;
  mentor_id: number;
  list_number: number;
  points: number;
  reasons: Reason[];
}

export function shortlistOf(db: Db, traineeId: number): ShortlistEntry[] {
  return (
    stmt(
      db,
      'SELECT trainee_id, letter, mentor_id, list_number, points, reasons_json FROM shortlist_entries WHERE trainee_id = ? ORDER BY letter',
    ).all(traineeId) as (Omit<ShortlistEntry, 'reasons'> & { reasons_json: string })[]
  ).map(({ reasons_json, ...e }) => ({ ...e, reasons: JSON.parse(reasons_json) as Reason[] }));
}

export function insertShortlistEntry(db: Db, e: ShortlistEntry, now: Date): void {
  stmt(
    db,
    'INSERT INTO shortlist_entries (trainee_id, letter, mentor_id, list_number, points, reasons_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(e.trainee_id, e.letter, e.mentor_id, e.list_number, e.points, JSON.stringify(e.reasons), now.toISOString());
}

/**
 * How many open short lists each e-mentor is in: lists of trainees still waiting (not paired,
 * not withdrawn, not left to the coordinator by NONE).
 */
export function openShortlistCounts(db: Db): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT e.mentor_id, COUNT(DISTINCT e.trainee_id) AS n FROM shortlist_entries e
       JOIN people t ON t.id = e.trainee_id LEFT JOIN profiles p ON p.person_id = e.trainee_id
      WHERE t.status != 'withdrawn' AND p.by_hand_since IS NULL
        AND NOT EXISTS (SELECT 1 FROM pairs WHERE pairs.trainee_id = e.trainee_id)
      GROUP BY e.mentor_id`,
  ).all() as { mentor_id: number; n: number }[];
  return new Map(rows.map((r) => [r.mentor_id, r.n]));
}

export function setChoices(db: Db, traineeId: number, mentorIds: number[], now: Date): void {
  stmt(db, 'DELETE FROM match_choices WHERE trainee_id = ?').run(traineeId);
  const add = stmt(db, 'INSERT INTO match_choices (trainee_id, rank, mentor_id, chosen_at) VALUES (?, ?, ?, ?)');
  mentorIds.forEach((m, i) => add.run(traineeId, i + 1, m, now.toISOString()));
}

/** The trainee's choices, first choice first. */
export function choicesOf(db: Db, traineeId: number): number[] {
  return (stmt(db, 'SELECT mentor_id FROM match_choices WHERE trainee_id = ? ORDER BY rank').all(traineeId) as { mentor_id: number }[]).map(
    (r) => r.mentor_id,
  );
}

export function allChoices(db: Db): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of stmt(db, 'SELECT trainee_id, mentor_id FROM match_choices ORDER BY trainee_id, rank').all() as {
    trainee_id: number;
    mentor_id: number;
  }[])
    map.set(r.trainee_id, [...(map.get(r.trainee_id) ?? []), r.mentor_id]);
  return map;
}

// ------------------------------------------------------------------------------------------
// Proposals

export type ProposalState = 'open' | 'approved' | 'superseded';

export interface Proposal {
  id: number;
  state: ProposalState;
  start_date: string | null;
  token: string | null;
  outbox_id: number | null;
  created_at: string;
}

export interface ProposalRow {
  trainee_id: number;
  mentor_id: number | null;
  points: number | null;
  trainee_rank: number | null;
  reasons: Reason[];
  /** Why nobody was proposed (a fixed phrase, never free text). */
  note: string | null;
}

export function insertProposal(db: Db, p: { start_date: string | null; token: string }, now: Date): number {
  stmt(db, "UPDATE match_proposals SET state = 'superseded', decided_at = ? WHERE state = 'open'").run(now.toISOString());
  return Number(
    stmt(db, 'INSERT INTO match_proposals (start_date, token, created_at) VALUES (?, ?, ?)').run(p.start_date, p.token, now.toISOString())
      .lastInsertRowid,
  );
}

export function insertProposalRow(db: Db, proposalId: number, r: ProposalRow): void {
  stmt(
    db,
    'INSERT INTO match_proposal_rows (proposal_id, trainee_id, mentor_id, points, trainee_rank, reasons_json, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(proposalId, r.trainee_id, r.mentor_id, r.points, r.trainee_rank, JSON.stringify(r.reasons), r.note);
}

export function getProposal(db: Db, id: number): Proposal | undefined {
  return stmt(db, 'SELECT id, state, start_date, token, outbox_id, created_at FROM match_proposals WHERE id = ?').get(id) as
    Proposal | undefined;
}

export function openProposal(db: Db): Proposal | undefined {
  return stmt(
    db,
    "SELECT id, state, start_date, token, outbox_id, created_at FROM match_proposals WHERE state = 'open' ORDER BY id DESC LIMIT 1",
  ).get() as Proposal | undefined;
}

export function findProposalByToken(db: Db, token: string): Proposal | undefined {
  return stmt(db, 'SELECT id, state, start_date, token, outbox_id, created_at FROM match_proposals WHERE token = ?').get(token) as
    Proposal | undefined;
}

export function findProposalByOutbox(db: Db, outboxId: number): Proposal | undefined {
  return stmt(db, 'SELECT id, state, start_date, token, outbox_id, created_at FROM match_proposals WHERE outbox_id = ?').get(outboxId) as
    Proposal | undefined;
}

export function setProposalOutbox(db: Db, id: number, outboxId: number): void {
  stmt(db, 'UPDATE match_proposals SET outbox_id = ? WHERE id = ?').run(outboxId, id);
}

/** Approving one proposal closes every open one: the coordinator has decided. */
export function closeProposals(db: Db, approvedId: number | null, now: Date): void {
  stmt(
    db,
    "UPDATE match_proposals SET state = CASE WHEN id = ? THEN 'approved' ELSE 'superseded' END, decided_at = ? WHERE state = 'open'",
  ).run(approvedId, now.toISOString());
}

export function proposalRows(db: Db, proposalId: number): ProposalRow[] {
  return (
    stmt(
      db,
      'SELECT trainee_id, mentor_id, points, trainee_rank, reasons_json, note FROM match_proposal_rows WHERE proposal_id = ? ORDER BY trainee_id',
    ).all(proposalId) as (Omit<ProposalRow, 'reasons'> & { reasons_json: string })[]
  ).map(({ reasons_json, ...r }) => ({ ...r, reasons: JSON.parse(reasons_json) as Reason[] }));
}

// ------------------------------------------------------------------------------------------
// Requests to e-mentors

export type RequestState = 'pending' | 'accepted' | 'declined' | 'expired' | 'full' | 'cancelled';

export interface MatchRequest {
  id: number;
  trainee_id: number;
  mentor_id: number;
  proposal_id: number | null;
  state: RequestState;
  start_date: string | null;
  points: number | null;
  trainee_rank: number | null;
  reasons: Reason[];
  requested_at: string;
  remind_at: string | null;
  expires_at: string;
  decided_at: string | null;
  pair_id: number | null;
}

type RequestRow = Omit<MatchRequest, 'reasons'> & { reasons_json: string };
const fromRequestRow = ({ reasons_json, ...r }: RequestRow): MatchRequest => ({ ...r, reasons: JSON.parse(reasons_json) as Reason[] });

export function insertRequest(
  db: Db,
  r: Pick<
    MatchRequest,
    'trainee_id' | 'mentor_id' | 'proposal_id' | 'start_date' | 'points' | 'trainee_rank' | 'reasons' | 'remind_at' | 'expires_at'
  >,
  now: Date,
): number {
  return Number(
    stmt(
      db,
      `INSERT INTO match_requests (trainee_id, mentor_id, proposal_id, start_date, points, trainee_rank, reasons_json, requested_at, remind_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.trainee_id,
      r.mentor_id,
      r.proposal_id,
      r.start_date,
      r.points,
      r.trainee_rank,
      JSON.stringify(r.reasons),
      now.toISOString(),
      r.remind_at,
      r.expires_at,
    ).lastInsertRowid,
  );
}

export function getRequest(db: Db, id: number): MatchRequest {
  const r = stmt(db, 'SELECT * FROM match_requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!r) throw new Error(`match request ${id} not found`);
  return fromRequestRow(r);
}

export function openRequestFor(db: Db, traineeId: number): MatchRequest | undefined {
  const r = stmt(db, "SELECT * FROM match_requests WHERE trainee_id = ? AND state = 'pending'").get(traineeId) as RequestRow | undefined;
  return r ? fromRequestRow(r) : undefined;
}

export function requestsOfTrainee(db: Db, traineeId: number): MatchRequest[] {
  return (stmt(db, 'SELECT * FROM match_requests WHERE trainee_id = ? ORDER BY id').all(traineeId) as RequestRow[]).map(fromRequestRow);
}

export function openRequestsOfMentor(db: Db, mentorId: number): MatchRequest[] {
  return (stmt(db, "SELECT * FROM match_requests WHERE mentor_id = ? AND state = 'pending' ORDER BY id").all(mentorId) as RequestRow[]).map(
    fromRequestRow,
  );
}

export function allRequests(db: Db): MatchRequest[] {
  return (stmt(db, 'SELECT * FROM match_requests ORDER BY id').all() as RequestRow[]).map(fromRequestRow);
}

/** Open requests whose reminder or deadline has come (indexed on state, expires_at for the deadline). */
export function requestsDue(db: Db, now: Date): MatchRequest[] {
  const at = now.toISOString();
  return (
    stmt(
      db,
      "SELECT * FROM match_requests WHERE state = 'pending' AND (expires_at <= ? OR (remind_at IS NOT NULL AND remind_at <= ?)) ORDER BY id",
    ).all(at, at) as RequestRow[]
  ).map(fromRequestRow);
}

export function decideRequest(
  db: Db,
  id: number,
  state: Exclude<RequestState, 'pending'>,
  now: Date,
  pairId: number | null = null,
): boolean {
  return (
    stmt(db, "UPDATE match_requests SET state = ?, decided_at = ?, pair_id = ?, remind_at = NULL WHERE id = ? AND state = 'pending'").run(
      state,
      now.toISOString(),
      pairId,
      id,
    ).changes > 0
  );
}

export function clearReminder(db: Db, id: number): void {
  stmt(db, 'UPDATE match_requests SET remind_at = NULL WHERE id = ?').run(id);
}

export function addRequestToken(db: Db, token: string, requestId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO match_request_tokens (token, request_id) VALUES (?, ?)').run(token, requestId);
}

export function requestIdForToken(db: Db, token: string): number | undefined {
  return (stmt(db, 'SELECT request_id FROM match_request_tokens WHERE token = ?').get(token) as { request_id: number } | undefined)
    ?.request_id;
}

// ------------------------------------------------------------------------------------------
// Loads

/** Trainees each e-mentor has now (withdrawn trainees no longer count). */
export function mentorLoads(db: Db): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT p.mentor_id, COUNT(*) AS n FROM pairs p JOIN people t ON t.id = p.trainee_id WHERE t.status != 'withdrawn' GROUP BY p.mentor_id`,
  ).all() as { mentor_id: number; n: number }[];
  return new Map(rows.map((r) => [r.mentor_id, r.n]));
}

export function mentorLoad(db: Db, mentorId: number): number {
  return (
    stmt(
      db,
      `SELECT COUNT(*) AS n FROM pairs p JOIN people t ON t.id = p.trainee_id WHERE p.mentor_id = ? AND t.status != 'withdrawn'`,
    ).get(mentorId) as {
      n: number;
    }
  ).n;
}

export function openRequestCounts(db: Db): Map<number, number> {
  const rows = stmt(db, "SELECT mentor_id, COUNT(*) AS n FROM match_requests WHERE state = 'pending' GROUP BY mentor_id").all() as {
    mentor_id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.mentor_id, r.n]));
}

/** Whether anyone is in matching at all: a profile, or a trainee with no e-mentor. Cheap, so views can skip the rest. */
export function anyoneInMatching(db: Db): boolean {
  return (
    (
      stmt(
        db,
        `SELECT EXISTS (SELECT 1 FROM profiles)
           OR EXISTS (SELECT 1 FROM people t WHERE t.role = 'trainee' AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.trainee_id = t.id)) AS n`,
      ).get() as { n: number }
    ).n === 1
  );
}

/** When we last sent this address a "we could not tell what your reply meant" note, if ever. */
export function lastUnclearNote(db: Db, address: string): string | undefined {
  return (
    (
      stmt(db, "SELECT MAX(created_at) AS at FROM outbox WHERE to_address = ? AND kind = 'match_unclear'").get(address) as {
        at: string | null;
      }
    ).at ?? undefined
  );
}
