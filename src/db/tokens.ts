import type { Db } from './open';
import type { Role } from './people';
import { stmt } from './statements';

export type TokenPurpose =
  | 'answers'
  | 'conversation'
  | 'unsubscribe'
  | 'notice'
  // Matching: replies to a profile email, a short list, and a request to an e-mentor.
  | 'profile'
  | 'shortlist'
  | 'match_request'
  // "Did you mean to pause/stop?": a YES or NO to a command we were not sure of.
  | 'command_question'
  // A reply to the pulse follow-up; a reply to the end-of-year survey.
  | 'pulse'
  | 'evaluation';

export interface TokenRow {
  token: string;
  person_id: number;
  address: string;
  role: Role | 'coordinator';
  purpose: TokenPurpose;
  pair_id: number | null;
  round_id: number | null;
}

export function insertToken(db: Db, t: TokenRow, now: Date): void {
  stmt(
    db,
    'INSERT INTO tokens (token, person_id, address, role, purpose, pair_id, round_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(t.token, t.person_id, t.address, t.role, t.purpose, t.pair_id, t.round_id, now.toISOString());
}

export function findToken(db: Db, token: string): TokenRow | undefined {
  return stmt(db, 'SELECT token, person_id, address, role, purpose, pair_id, round_id FROM tokens WHERE token = ?').get(token) as
    TokenRow | undefined;
}
