import type { Db } from './open';
import { stmt } from './statements';

export type InboundState = 'new' | 'processed' | 'held' | 'ignored' | 'failed' | 'duplicate';

export interface InboundRow {
  id: number;
  source: string;
  uidvalidity: number | null;
  uid: number | null;
  message_id: string | null;
  sha256: string;
  size: number;
  raw: Buffer;
  received_at: string;
  state: InboundState;
  kind: string | null;
  outcome: string | null;
  error_code: string | null;
  attempts: number;
  person_id: number | null;
  round_id: number | null;
}

export function findInboundByHash(db: Db, sha256: string): { id: number } | undefined {
  return stmt(db, 'SELECT id FROM inbound WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
}

export function findInboundByMessageId(db: Db, messageId: string): { id: number } | undefined {
  return stmt(db, "SELECT id FROM inbound WHERE message_id = ? AND state != 'duplicate' LIMIT 1").get(messageId) as
    { id: number } | undefined;
}

export function insertInbound(
  db: Db,
  row: Pick<InboundRow, 'source' | 'uidvalidity' | 'uid' | 'message_id' | 'sha256' | 'size' | 'raw' | 'state'> & {
    error_code?: string | null;
  },
  now: Date,
): number {
  return Number(
    stmt(
      db,
      `INSERT INTO inbound (source, uidvalidity, uid, message_id, sha256, size, raw, state, error_code, received_at)
         VALUES (@source, @uidvalidity, @uid, @message_id, @sha256, @size, @raw, @state, @error_code, @at)`,
    ).run({ error_code: null, ...row, at: now.toISOString() }).lastInsertRowid,
  );
}

export function inboundToProcess(db: Db, maxAttempts: number): InboundRow[] {
  return stmt(db, "SELECT * FROM inbound WHERE state = 'new' OR (state = 'failed' AND attempts < ?) ORDER BY id").all(
    maxAttempts,
  ) as InboundRow[];
}

export function finishInbound(
  db: Db,
  id: number,
  result: {
    state: InboundState;
    kind: string | null;
    outcome: string;
    person_id?: number | null;
    round_id?: number | null;
    error_code?: string | null;
  },
  now: Date,
): void {
  stmt(
    db,
    `UPDATE inbound SET state = @state, kind = @kind, outcome = @outcome, person_id = @person_id, round_id = @round_id,
       error_code = @error_code, attempts = attempts + 1, processed_at = @at WHERE id = @id`,
  ).run({ person_id: null, round_id: null, error_code: null, ...result, id, at: now.toISOString() });
}

export function failInbound(db: Db, id: number, errorCode: string, now: Date): void {
  stmt(db, "UPDATE inbound SET state = 'failed', error_code = ?, attempts = attempts + 1, processed_at = ? WHERE id = ?").run(
    errorCode,
    now.toISOString(),
    id,
  );
}
