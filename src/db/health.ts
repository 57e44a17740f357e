import crypto from 'node:crypto';
import type { Db } from './open';
import { stmt } from './statements';

/** Whether the daily health look has run for this local date. */
export function healthRanOn(db: Db, localDate: string): boolean {
  return stmt(db, 'SELECT 1 FROM health_runs WHERE local_date = ?').get(localDate) !== undefined;
}

export function markHealthRun(db: Db, localDate: string, now: Date): void {
  stmt(db, 'INSERT OR IGNORE INTO health_runs (local_date, ran_at) VALUES (?, ?)').run(localDate, now.toISOString());
}

/** Gives every pair without one a random reference ("pair-k3x9qa"), for `health --pairs`. */
export function ensurePairRefs(db: Db): void {
  const missing = stmt(db, 'SELECT id FROM pairs WHERE id NOT IN (SELECT pair_id FROM pair_refs) ORDER BY id').all() as { id: number }[];
  const insert = stmt(db, 'INSERT OR IGNORE INTO pair_refs (pair_id, ref) VALUES (?, ?)');
  for (const { id } of missing) {
    // Random, never derived from the id; a collision (about 1 in 2^31 per pair) just draws again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const ref = `pair-${crypto.randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6)}`;
      if (insert.run(id, ref).changes > 0) break;
    }
  }
}

/**
 * How matching made a pair: 'chose' (the trainee picked the e-mentor) or 'assigned'. Pairs from
 * the roster keep NULL and count as assigned. For matching (issue 12) to call when it makes a pair.
 */
export function setHowMatched(db: Db, pairId: number, how: 'chose' | 'assigned'): void {
  stmt(db, 'UPDATE pairs SET how_matched = ? WHERE id = ?').run(how, pairId);
}
