/** Where a received message came from; stored on its inbound row. */
export interface SourceRef {
  source: string;
  uidvalidity: number | null;
  uid: number | null;
}

export interface FetchedMessage {
  raw: Buffer;
  ref: SourceRef;
  /** Set when the message was over the size limit and only its header was fetched. */
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
