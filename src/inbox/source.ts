/**
 * The largest message read at all: far above MAX_MESSAGE_MB, which limits what is relayed, not
 * what is read, so a person's reply is kept whole and its text acted on however large its
 * attachments. Larger messages are kept by their header only (MESSAGE_TOO_LARGE).
 */
export const MAX_READ_BYTES = 150 * 1024 * 1024;

/** Where a received message came from; stored on its inbound row. */
export interface SourceRef {
  source: string;
  uidvalidity: number | null;
  uid: number | null;
}

export interface FetchedMessage {
  raw: Buffer;
  ref: SourceRef;
  /** Set when the message was over MAX_READ_BYTES and only its header was fetched. */
  truncated?: boolean;
}

/**
 * A mailbox to poll. `poll` hands each new message to `store`, which commits it, and only
 * then marks it done on the server (\Seen or moved), so a crash in between re-delivers it
 * and the store's deduplication skips it.
 */
export interface InboxSource {
  /** `durable` makes what `store` committed survive a power cut; a source calls it before it marks messages done. */
  poll(store: (message: FetchedMessage) => void, durable?: () => void): Promise<number>;
  close(): Promise<void>;
}
