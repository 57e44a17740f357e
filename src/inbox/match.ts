import type { Db } from '../db/open';
import { findOutboxByMessageId } from '../db/outbox';
import { findPairByTrainee } from '../db/pairs';
import { findPersonByEmail, getPerson, type Person } from '../db/people';
import { latestRound } from '../db/rounds';
import { findToken, type TokenPurpose } from '../db/tokens';
import { normaliseAddress } from '../mail/address';
import { tokenFromAddress } from '../mail/tokens';
import { stmt } from '../db/statements';

export interface Match {
  via: 'token' | 'thread' | 'sender';
  person: Person;
  purpose: TokenPurpose;
  pairId: number | null;
  roundId: number | null;
}

export type HoldReason = 'sender_mismatch' | 'no_match' | 'ambiguous_sender' | 'own_address';

export type MatchResult = { match: Match } | { held: HoldReason };

export interface MatchInput {
  from: string | null;
  recipients: string[];
  inReplyTo: string | null;
  references: string[];
}

/**
 * Who sent this, about what: by reply token, then by thread headers, then by sender. A token
 * or thread is only honoured from the address it was sent to; anything else is held.
 */
export function matchInbound(db: Db, botAddress: string, mail: MatchInput): MatchResult {
  const from = mail.from ? normaliseAddress(mail.from) : null;
  if (!from) return { held: 'no_match' };
  if (from === normaliseAddress(botAddress)) return { held: 'own_address' };

  for (const recipient of mail.recipients) {
    const token = tokenFromAddress(botAddress, recipient);
    const row = token ? findToken(db, token) : undefined;
    if (!row || row.role === 'coordinator') continue;
    if (row.address !== from) return { held: 'sender_mismatch' };
    return {
      match: { via: 'token', person: getPerson(db, row.person_id), purpose: row.purpose, pairId: row.pair_id, roundId: row.round_id },
    };
  }

  const threadIds = [mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => !!id);
  for (const id of threadIds) {
    const sent = findOutboxByMessageId(db, id);
    if (!sent || sent.person_id === null) continue;
    // The person's address now, which is where it was sent unless `change-email` moved them since.
    const person = getPerson(db, sent.person_id);
    if (person.email !== from) return { held: 'sender_mismatch' };
    const token = sent.reply_to ? tokenFromAddress(botAddress, sent.reply_to) : null;
    const row = token ? findToken(db, token) : undefined;
    return {
      match: {
        via: 'thread',
        person,
        purpose: row?.purpose ?? 'conversation',
        pairId: row?.pair_id ?? null,
        roundId: row?.round_id ?? sent.round_id,
      },
    };
  }

  return matchBySender(db, from);
}

function matchBySender(db: Db, from: string): MatchResult {
  const person = findPersonByEmail(db, from);
  if (!person) return { held: 'no_match' };
  if (person.role === 'trainee') {
    const pair = findPairByTrainee(db, person.id);
    const round = pair ? latestRound(db, pair.id) : undefined;
    // An open questionnaire is what a trainee most likely answers; otherwise it is conversation.
    const purpose: TokenPurpose = round && ['sent', 'answered'].includes(round.state) ? 'answers' : 'conversation';
    return { match: { via: 'sender', person, purpose, pairId: pair?.id ?? null, roundId: round?.id ?? null } };
  }
  // A mentor with several trainees cannot be placed from the address alone.
  const rounds = stmt(
    db,
    `SELECT r.id, r.pair_id FROM rounds r JOIN pairs p ON p.id = r.pair_id
       WHERE p.mentor_id = ? AND r.mentor_id = ? AND r.forwarded_at IS NOT NULL ORDER BY r.id DESC`,
  ).all(person.id, person.id) as { id: number; pair_id: number }[];
  const pairs = new Set(rounds.map((r) => r.pair_id));
  if (pairs.size !== 1) return { held: 'ambiguous_sender' };
  return { match: { via: 'sender', person, purpose: 'conversation', pairId: rounds[0].pair_id, roundId: rounds[0].id } };
}
