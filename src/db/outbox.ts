import type { Db } from './open';
import { stmt } from './statements';

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxRow {
  id: number;
  dedupe_key: string;
  kind: string;
  person_id: number | null;
  round_id: number | null;
  to_address: string;
  to_name: string | null;
  from_name: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string;
  in_reply_to: string | null;
  references_ids: string | null;
  headers_json: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
}

export interface OutboxAttachment {
  filename: string;
  content_type: string;
  content: Buffer;
}

export type NewOutboxRow = Omit<OutboxRow, 'id' | 'state' | 'attempts' | 'last_error' | 'next_attempt_at' | 'created_at' | 'sent_at'>;

export function findOutboxByKey(db: Db, dedupeKey: string): OutboxRow | undefined {
  return stmt(db, 'SELECT * FROM outbox WHERE dedupe_key = ?').get(dedupeKey) as OutboxRow | undefined;
}

export function findOutboxByMessageId(db: Db, messageId: string): OutboxRow | undefined {
  return stmt(db, 'SELECT * FROM outbox WHERE message_id = ?').get(messageId) as OutboxRow | undefined;
}

/** The bodies live in outbox_bodies until sent (migration 005); the row's own columns stay empty. */
export function insertOutbox(db: Db, row: NewOutboxRow, attachments: OutboxAttachment[], now: Date): number {
  const at = now.toISOString();
  const id = Number(
    stmt(
      db,
      `INSERT INTO outbox (dedupe_key, kind, person_id, round_id, to_address, to_name, from_name, reply_to, subject, text_body,
           html_body, message_id, in_reply_to, references_ids, headers_json, next_attempt_at, created_at)
         VALUES (@dedupe_key, @kind, @person_id, @round_id, @to_address, @to_name, @from_name, @reply_to, @subject, @text_body,
           @html_body, @message_id, @in_reply_to, @references_ids, @headers_json, @at, @at)`,
    ).run({ ...row, text_body: '', html_body: null, at }).lastInsertRowid,
  );
  stmt(db, 'INSERT INTO outbox_bodies (outbox_id, text_body, html_body) VALUES (?, ?, ?)').run(id, row.text_body, row.html_body);
  const add = stmt(db, 'INSERT INTO outbox_attachments (outbox_id, position, filename, content_type, content) VALUES (?, ?, ?, ?, ?)');
  attachments.forEach((a, i) => add.run(id, i, a.filename, a.content_type, a.content));
  return id;
}

/** What a queued row says: from outbox_bodies, or from the row itself for rows queued before migration 005. */
export function bodyOf(db: Db, row: Pick<OutboxRow, 'id' | 'text_body' | 'html_body'>): { text: string; html: string | null } {
  const body = stmt(db, 'SELECT text_body, html_body FROM outbox_bodies WHERE outbox_id = ?').get(row.id) as
    { text_body: string; html_body: string | null } | undefined;
  return body ? { text: body.text_body, html: body.html_body } : { text: row.text_body, html: row.html_body };
}

export function attachmentsOf(db: Db, outboxId: number): OutboxAttachment[] {
  return stmt(db, 'SELECT filename, content_type, content FROM outbox_attachments WHERE outbox_id = ? ORDER BY position').all(
    outboxId,
  ) as OutboxAttachment[];
}

export function dueOutbox(db: Db, now: Date, limit: number): OutboxRow[] {
  return stmt(db, "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?").all(
    now.toISOString(),
    limit,
  ) as OutboxRow[];
}

/**
 * Once sent, the message's words live in the recipient's mailbox and in the written record
 * (messages, answers); the outbox keeps only what it needs to thread and count: Message-ID,
 * recipient, kind, state and dates. Bodies are emptied and attachments deleted.
 */
export function markSent(db: Db, id: number, now: Date): void {
  db.transaction(() => {
    stmt(
      db,
      "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, text_body = '', html_body = NULL WHERE id = ?",
    ).run(now.toISOString(), id);
    stmt(db, 'DELETE FROM outbox_attachments WHERE outbox_id = ?').run(id);
    stmt(db, 'DELETE FROM outbox_bodies WHERE outbox_id = ?').run(id);
  })();
}

export function markAttemptFailed(db: Db, id: number, error: string, retryAt: Date | null): void {
  stmt(
    db,
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, state = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?",
  ).run(error, retryAt?.toISOString() ?? null, retryAt?.toISOString() ?? null, id);
}
