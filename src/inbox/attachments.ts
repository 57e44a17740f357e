import type { Config } from '../config';
import type { OutboxAttachment } from '../db/outbox';
import type { InboundAttachment } from '../reading';

// Room left in a relayed message for its headers and text (the body is rarely more than a few KB).
const BODY_ALLOWANCE = 256 * 1024;

/**
 * The attachment bytes one relayed message may carry: RELAY_MAX_ATTACHMENT_MB, and no more than
 * keeps the message as sent under MAX_MESSAGE_MB (base64 makes attachments a third larger).
 * This is what is relayed; what is read is not limited by it (see inbox/source.ts).
 */
export function relayBudget(config: Pick<Config, 'relayMaxAttachmentBytes' | 'maxMessageBytes'>): number {
  return Math.max(0, Math.min(config.relayMaxAttachmentBytes, Math.floor(((config.maxMessageBytes - BODY_ALLOWANCE) * 3) / 4)));
}

/** Attachments in order while they fit the budget; the rest are named back to the sender. */
export function splitAttachments(
  attachments: Pick<InboundAttachment, 'filename' | 'contentType' | 'content' | 'size' | 'omitted'>[],
  limitBytes: number,
): { relayed: OutboxAttachment[]; refused: string[] } {
  const relayed: OutboxAttachment[] = [];
  const refused: string[] = [];
  let total = 0;
  for (const a of attachments) {
    // An omitted attachment was not even kept when the message was read: it did not fit then.
    if (!a.omitted && total + a.content.length <= limitBytes) {
      total += a.content.length;
      relayed.push({ filename: a.filename, content_type: a.contentType, content: a.content });
    } else refused.push(a.filename);
  }
  return { relayed, refused };
}
