import zlib from 'node:zlib';
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
  /** Bytes as received. */
  size: number;
  /** The message as received (stored compressed; see rawOf). */
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

// Larger messages are mostly attachments in formats already compressed (PDF, JPEG, ZIP): gzip
// saves little there, and would hold a second copy of the whole message in memory.
const COMPRESS_UP_TO_BYTES = 1024 * 1024;

/**
 * Raw mail is kept gzip-compressed: replies are text that shrinks to about 45%, and compressing
 * one takes well under a millisecond.
 */
function compress(raw: Buffer): { raw: Buffer; raw_encoding: string | null } {
  return raw.length <= COMPRESS_UP_TO_BYTES ? { raw: zlib.gzipSync(raw), raw_encoding: 'gzip' } : { raw, raw_encoding: null };
}

/** The stored row's raw bytes as received. */
function rawOf(row: { raw: Buffer; raw_encoding: string | null }): Buffer {
  // An emptied raw (retention) stays empty.
  return row.raw_encoding === 'gzip' && row.raw.length > 0 ? zlib.gunzipSync(row.raw) : row.raw;
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
      `INSERT INTO inbound (source, uidvalidity, uid, message_id, sha256, size, raw, raw_encoding, state, error_code, received_at)
         VALUES (@source, @uidvalidity, @uid, @message_id, @sha256, @size, @raw, @raw_encoding, @state, @error_code, @at)`,
    ).run({ error_code: null, ...row, ...compress(row.raw), at: now.toISOString() }).lastInsertRowid,
  );
}

/** Messages waiting to be acted on, read one at a time: a batch can hold large messages. */
export function* inboundToProcess(db: Db, maxAttempts: number): Generator<InboundRow> {
  const ids = stmt(db, "SELECT id FROM inbound WHERE state = 'new' OR (state = 'failed' AND attempts < ?) ORDER BY id").all(
    maxAttempts,
  ) as {
    id: number;
  }[];
  for (const { id } of ids) {
    const row = stmt(db, 'SELECT * FROM inbound WHERE id = ?').get(id) as (InboundRow & { raw_encoding: string | null }) | undefined;
    if (row) yield { ...row, raw: rawOf(row) };
  }
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
