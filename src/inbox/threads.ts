import type { Db } from '../db/open';
import type { Thread } from '../mail/emails';
import { stmt } from '../db/statements';

/**
 * Threading on one side of a conversation: reply to the last message we sent this person
 * about this round, referencing the round's first message on their side.
 */
export function threadFor(db: Db, personId: number, roundId: number | null, root: string | null): Thread {
  const last = stmt(
    db,
    `SELECT message_id FROM outbox WHERE person_id = ? AND ${roundId === null ? 'round_id IS NULL' : 'round_id = ?'}
       ORDER BY id DESC LIMIT 1`,
  ).get(...(roundId === null ? [personId] : [personId, roundId])) as { message_id: string } | undefined;
  const references = [...new Set([root, last?.message_id].filter((id): id is string => !!id))];
  return { inReplyTo: last?.message_id ?? root, references };
}

/** Threading for our answer to a message someone sent us. */
export function replyThread(messageId: string | null, references: string[]): Thread {
  return { inReplyTo: messageId, references: [...references, ...(messageId ? [messageId] : [])].slice(-20) };
}
