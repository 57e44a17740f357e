import type { Db } from './open';
import type { Role } from './people';
import { stmt } from './statements';

/** Keeps ratings; a later rating for the same round, person and item replaces the earlier one. */
export function savePulse(
  db: Db,
  r: { roundId: number; personId: number; role: Role; inboundId: number | null },
  scores: { key: string; score: number }[],
  now: Date,
): void {
  const upsert = stmt(
    db,
    `INSERT INTO pulse_answers (round_id, person_id, role, item, score, inbound_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id, person_id, item) DO UPDATE SET score = excluded.score, inbound_id = excluded.inbound_id, answered_at = excluded.answered_at`,
  );
  for (const s of scores) upsert.run(r.roundId, r.personId, r.role, s.key, s.score, r.inboundId, now.toISOString());
}

/** The item keys this person has rated in this round. */
export function pulseItemsKept(db: Db, roundId: number, personId: number): Set<string> {
  const rows = stmt(db, 'SELECT item FROM pulse_answers WHERE round_id = ? AND person_id = ?').all(roundId, personId) as { item: string }[];
  return new Set(rows.map((r) => r.item));
}
