import { countWords } from '../health/words';
import type { Db } from './open';
import type { Role } from './people';
import { stmt } from './statements';

export interface RecordEntry {
  id: number;
  round_id: number | null;
  pair_id: number;
  author_id: number;
  author_role: Role;
  kind: 'answers' | 'feedback' | 'message';
  body_text: string;
  inbound_id: number;
  created_at: string;
}

/**
 * Adds to the written record; one entry per inbound message (a retry adds nothing). Its word
 * count is kept beside it, so the coordinator's health figures never need the text.
 */
export function recordMessage(db: Db, m: Omit<RecordEntry, 'id' | 'created_at'>, now: Date): number | null {
  const res = stmt(
    db,
    `INSERT OR IGNORE INTO messages (round_id, pair_id, author_id, author_role, kind, body_text, words, inbound_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.round_id, m.pair_id, m.author_id, m.author_role, m.kind, m.body_text, countWords(m.body_text), m.inbound_id, now.toISOString());
  return res.changes > 0 ? Number(res.lastInsertRowid) : null;
}

export function setRelayed(db: Db, messageId: number, outboxId: number): void {
  stmt(db, 'UPDATE messages SET relayed_outbox_id = ? WHERE id = ?').run(outboxId, messageId);
}
