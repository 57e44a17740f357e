import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { lazy } from '../lazy';
import { PROJECT_ROOT } from '../paths';
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
  /** The message as received (stored compressed; see decodeRaw). */
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

// Larger messages are mostly attachments in formats already compressed (PDF, JPEG, ZIP): deflate
// saves little there, and would hold a second copy of the whole message in memory.
const COMPRESS_UP_TO_BYTES = 1024 * 1024;

/**
 * Replies quote the email they answer, and that is our own wording: raw-dictionary-1.txt holds
 * it (rendered from the shipped templates), so deflate finds it there. A reply then keeps about
 * 500 bytes instead of 1,500 with plain gzip. The file is frozen, since every row compressed
 * with it needs it byte for byte: new wording goes in a raw-dictionary-2.txt, a new encoding.
 */
const DICTIONARY_1 = { file: 'raw-dictionary-1.txt', sha256: '0eaebd62bacf93f19519c4b198b09e8c8f19fa7ccaeb4e9802fb725be909f2e0' };
const dictionary1 = lazy(() => {
  const bytes = fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'db', DICTIONARY_1.file));
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== DICTIONARY_1.sha256)
    throw new Error(`${DICTIONARY_1.file} has been edited; stored mail needs it as it was`);
  return bytes;
});

function compress(raw: Buffer): { raw: Buffer; raw_encoding: string | null } {
  if (raw.length > COMPRESS_UP_TO_BYTES) return { raw, raw_encoding: null };
  return { raw: zlib.deflateRawSync(raw, { dictionary: dictionary1() }), raw_encoding: 'deflate-d1' };
}

/** Stored raw bytes back as received. An emptied raw (retention) stays empty. */
export function decodeRaw(raw: Buffer, encoding: string | null): Buffer {
  if (encoding === null || raw.length === 0) return raw;
  if (encoding === 'deflate-d1') return zlib.inflateRawSync(raw, { dictionary: dictionary1() });
  throw new Error(`unknown raw_encoding ${encoding}`);
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

/**
 * Messages waiting to be acted on: how many, and each read only when its turn comes, so a batch
 * of large messages is never in memory at once.
 */
export function inboundToProcess(db: Db, maxAttempts: number): { count: number; rows(): Generator<InboundRow> } {
  const ids = stmt(db, "SELECT id FROM inbound WHERE state = 'new' OR (state = 'failed' AND attempts < ?) ORDER BY id").all(
    maxAttempts,
  ) as { id: number }[];
  return {
    count: ids.length,
    *rows() {
      for (const { id } of ids) {
        const row = stmt(db, 'SELECT * FROM inbound WHERE id = ?').get(id) as (InboundRow & { raw_encoding: string | null }) | undefined;
        if (row) yield { ...row, raw: decodeRaw(row.raw, row.raw_encoding) };
      }
    },
  };
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
