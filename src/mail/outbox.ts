import crypto from 'node:crypto';
import type { Db } from '../db/open';
import { findOutboxByKey, insertOutbox, type OutboxAttachment } from '../db/outbox';
import { insertToken, type TokenPurpose, type TokenRow } from '../db/tokens';
import { normaliseAddress, splitAddress } from './address';
import type { RenderedEmail } from './templates';
import { newToken, tokenAddress } from './tokens';

export interface Recipient {
  address: string;
  name: string | null;
  personId: number | null;
}

export interface QueueRequest {
  /** What makes this message unique, e.g. `round:7:reminder:2`. Queuing it twice queues it once. */
  dedupeKey: string;
  kind: string;
  to: Recipient;
  roundId?: number | null;
  email: RenderedEmail;
  fromName?: string;
  /** Mint a reply token for the recipient: Reply-To becomes bot+TOKEN@domain. */
  reply?: { role: TokenRow['role']; purpose: TokenPurpose; pairId: number | null; roundId: number | null };
  /** A reply address of the caller's own making, for mail to someone who is not on the roster (the coordinator). */
  replyTo?: string;
  thread?: { inReplyTo: string | null; references: string[] };
  /** For mail to trainees: a List-Unsubscribe mailto that stops them. */
  unsubscribe?: boolean;
  attachments?: OutboxAttachment[];
}

export interface Sender {
  address: string;
  fromName: string;
}

export interface Queued {
  id: number;
  messageId: string;
  created: boolean;
}

export function newMessageId(botAddress: string): string {
  return `<${crypto.randomBytes(16).toString('hex')}@${splitAddress(botAddress).domain}>`;
}

function mintToken(db: Db, sender: Sender, to: Recipient, fields: Omit<TokenRow, 'token' | 'person_id' | 'address'>, now: Date): string {
  if (to.personId === null) throw new Error('reply tokens are only minted for people on the roster');
  const token = newToken();
  insertToken(db, { token, person_id: to.personId, address: normaliseAddress(to.address), ...fields }, now);
  return tokenAddress(sender.address, token);
}

/**
 * Queues a message once. The row, its Message-ID and its reply token are committed before
 * anything is sent; a second call with the same dedupe key returns the first row.
 */
export function queueMail(db: Db, sender: Sender, req: QueueRequest, now: Date): Queued {
  return db.transaction((): Queued => {
    const existing = findOutboxByKey(db, req.dedupeKey);
    if (existing) return { id: existing.id, messageId: existing.message_id, created: false };
    const messageId = newMessageId(sender.address);
    const replyTo = req.reply
      ? mintToken(
          db,
          sender,
          req.to,
          { role: req.reply.role, purpose: req.reply.purpose, pair_id: req.reply.pairId, round_id: req.reply.roundId },
          now,
        )
      : (req.replyTo ?? null);
    const headers: Record<string, string> = {};
    if (req.unsubscribe) {
      const stopAddress = mintToken(db, sender, req.to, { role: 'trainee', purpose: 'unsubscribe', pair_id: null, round_id: null }, now);
      headers['List-Unsubscribe'] = `<mailto:${stopAddress}?subject=STOP>`;
    }
    const id = insertOutbox(
      db,
      {
        dedupe_key: req.dedupeKey,
        kind: req.kind,
        person_id: req.to.personId,
        round_id: req.roundId ?? null,
        to_address: normaliseAddress(req.to.address),
        to_name: req.to.name,
        from_name: req.fromName ?? sender.fromName,
        reply_to: replyTo,
        subject: req.email.subject,
        text_body: req.email.text,
        html_body: req.email.html,
        message_id: messageId,
        in_reply_to: req.thread?.inReplyTo ?? null,
        references_ids: req.thread && req.thread.references.length > 0 ? req.thread.references.join(' ') : null,
        headers_json: JSON.stringify(headers),
      },
      req.attachments ?? [],
      now,
    );
    return { id, messageId, created: true };
  })();
}
