import crypto from 'node:crypto';
import type { Db } from '../db/open';
import { findInboundByHash, findInboundByMessageId, insertInbound } from '../db/inbound';
import type { FetchedMessage } from './source';
import { stmt } from '../db/statements';

export type StoreResult = { id: number; state: 'new' | 'duplicate' | 'ignored' } | { id: null; state: 'seen_before' };

/** The Message-ID header, read straight from the raw header block (before any parsing). */
export function rawMessageId(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, end >= 0 ? end : Math.min(raw.length, 64 * 1024)).toString('latin1');
  const m = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]{1,500}>)/im.exec(head);
  return m ? m[1] : null;
}

export function cursorOf(db: Db, mailbox: string): { uidvalidity: number; lastUid: number } | null {
  const row = stmt(db, 'SELECT uidvalidity, last_uid FROM mailbox_cursor WHERE mailbox = ?').get(mailbox) as
    { uidvalidity: number; last_uid: number } | undefined;
  return row ? { uidvalidity: row.uidvalidity, lastUid: row.last_uid } : null;
}

/**
 * Stores a received message, raw, before anything acts on it; in the same transaction moves
 * the mailbox cursor past it. The exact same bytes are stored once; the same Message-ID with
 * other bytes is kept too (nothing is lost) but marked duplicate and not acted on.
 */
export function storeInbound(db: Db, message: FetchedMessage, now: Date): StoreResult {
  const sha256 = crypto.createHash('sha256').update(message.raw).digest('hex');
  const messageId = rawMessageId(message.raw);
  return db.transaction((): StoreResult => {
    const { ref } = message;
    if (ref.uid !== null && ref.uidvalidity !== null) {
      stmt(
        db,
        `INSERT INTO mailbox_cursor (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)
         ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity,
           last_uid = CASE WHEN mailbox_cursor.uidvalidity = excluded.uidvalidity THEN MAX(mailbox_cursor.last_uid, excluded.last_uid) ELSE excluded.last_uid END`,
      ).run(ref.source, ref.uidvalidity, ref.uid);
    }
    if (findInboundByHash(db, sha256)) return { id: null, state: 'seen_before' };
    const state = message.truncated ? 'ignored' : messageId && findInboundByMessageId(db, messageId) ? 'duplicate' : 'new';
    const id = insertInbound(
      db,
      {
        source: ref.source,
        uidvalidity: ref.uidvalidity,
        uid: ref.uid,
        message_id: messageId,
        sha256,
        size: message.raw.length,
        raw: message.raw,
        state,
        error_code: message.truncated ? 'MESSAGE_TOO_LARGE' : null,
      },
      now,
    );
    return { id, state };
  })();
}
