import type { ImapFlow } from 'imapflow';
import type { ServerEndpoint } from '../config';
import { stopsTheTick } from '../errors';
import type { Logger } from '../log';
import { asServerError } from '../mail/serverProblem';
import type { AccessTokens } from '../oauth';
import { imapRefusalDetail, isImapLoginRefused, loginRefused } from '../oauth/mailLogin';
import type { FetchedMessage, InboxSource } from './source';

export interface MailboxCursor {
  uidvalidity: number;
  lastUid: number;
}

/** The narrow part of ImapFlow we use, so tests could supply their own client. */
export type ImapClient = Pick<
  ImapFlow,
  'connect' | 'logout' | 'close' | 'getMailboxLock' | 'search' | 'fetch' | 'fetchOne' | 'messageFlagsAdd' | 'messageMove' | 'mailbox' | 'on'
>;

export interface ImapSourceOptions {
  endpoint: ServerEndpoint;
  mailbox: string;
  processedMailbox?: string;
  /** Larger messages are kept by their header only (MAX_READ_BYTES in the app). */
  maxMessageBytes: number;
  /** Where the last poll got to, read from the database. */
  cursor: () => MailboxCursor | null;
  logger: Logger;
  /** MAIL_AUTH=oauth2: log in with an access token from here instead of the password. */
  tokens?: AccessTokens;
  /** Make a client (given the access token to log in with, if any); the default is a real ImapFlow. */
  connect?: (accessToken?: string) => ImapClient | Promise<ImapClient>;
}

const CHUNK = 20;
// Messages larger than this are fetched and stored one at a time, so a chunk never holds several.
const FETCH_ALONE_BYTES = 1024 * 1024;

/** A real ImapFlow; the package is loaded here, on the first poll, not at start-up. */
export async function imapClient(endpoint: ServerEndpoint, accessToken?: string): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow');
  const user = endpoint.user ?? '';
  return new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    doSTARTTLS: endpoint.tls === 'starttls' ? true : endpoint.tls === 'none' ? false : undefined,
    auth: accessToken !== undefined ? { user, accessToken } : { user, pass: endpoint.pass ?? '' },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: 120_000,
  });
}

/**
 * Polls one mailbox by UID. ImapFlow never reconnects by itself, so each poll makes a fresh
 * connection (a dropped one is simply re-made on the next poll, and retried once here).
 */
export function imapSource(opts: ImapSourceOptions): InboxSource {
  const makeClient = opts.connect ?? ((accessToken?: string) => imapClient(opts.endpoint, accessToken));
  let lastToken: string | undefined;

  async function pollOnce(store: (m: FetchedMessage) => void, durable: () => void): Promise<number> {
    lastToken = opts.tokens ? await opts.tokens.get() : undefined;
    const client = await makeClient(lastToken);
    client.on('error', (err: Error) => opts.logger.log('warn', 'imap.error', { code: (err as { code?: string }).code ?? err.name }));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(opts.mailbox);
      try {
        return await fetchNew(client, store, durable);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  async function fetchNew(client: ImapClient, store: (m: FetchedMessage) => void, durable: () => void): Promise<number> {
    const box = client.mailbox;
    if (!box) throw new Error('mailbox not open');
    const uidvalidity = Number(box.uidValidity);
    const cursor = opts.cursor();
    // A new UIDVALIDITY means old UIDs mean nothing: re-scan; stored messages dedupe by hash.
    const after = cursor && cursor.uidvalidity === uidvalidity ? cursor.lastUid : 0;
    if (cursor && cursor.uidvalidity !== uidvalidity) opts.logger.log('warn', 'imap.uidvalidity_changed', { mailbox: opts.mailbox });
    const found = (await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
    // `N:*` always matches the last message, even when its UID is below N.
    const uids = found.filter((u) => u > after).sort((a, b) => a - b);
    let count = 0;
    for (let i = 0; i < uids.length; i += CHUNK) {
      const chunk = uids.slice(i, i + CHUNK);
      // Collect first: no other IMAP command may run inside a fetch loop (imapflow #159).
      const sizes = new Map<number, number>();
      for await (const m of client.fetch(chunk.join(','), { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
      const ref = (uid: number) => ({ source: `imap:${opts.mailbox}`, uidvalidity, uid });
      const size = (uid: number) => sizes.get(uid) ?? 0;
      const tooLarge = chunk.filter((u) => size(u) > opts.maxMessageBytes);
      const small = chunk.filter((u) => size(u) <= Math.min(FETCH_ALONE_BYTES, opts.maxMessageBytes));
      const fetched = new Map<number, FetchedMessage>();
      if (small.length > 0) {
        for await (const m of client.fetch(small.join(','), { uid: true, source: true }, { uid: true })) {
          if (m.source) fetched.set(m.uid, { raw: m.source, ref: ref(m.uid) });
        }
      }
      if (tooLarge.length > 0) {
        for await (const m of client.fetch(tooLarge.join(','), { uid: true, headers: true }, { uid: true })) {
          fetched.set(m.uid, { raw: m.headers ?? Buffer.alloc(0), ref: ref(m.uid), truncated: true });
        }
      }
      // In UID order; a large message is fetched when its turn comes, stored, and let go, so a
      // chunk never holds more than one.
      const stored: number[] = [];
      for (const uid of chunk) {
        let message = fetched.get(uid);
        if (!message && !small.includes(uid) && !tooLarge.includes(uid)) {
          const m = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          if (m && m.source) message = { raw: m.source, ref: ref(uid) };
        }
        if (!message) continue;
        store(message);
        fetched.delete(uid);
        stored.push(uid);
      }
      // Only now, with every row committed and on disk, tell the server.
      const done = stored.join(',');
      if (done) {
        durable();
        if (opts.processedMailbox) await client.messageMove(done, opts.processedMailbox, { uid: true });
        else await client.messageFlagsAdd(done, ['\\Seen'], { uid: true });
      }
      count += stored.length;
    }
    return count;
  }

  /** The token was refused (expired or revoked early): renew it once; refused again means no access. */
  async function retryWithNewToken(tokens: AccessTokens, store: (m: FetchedMessage) => void, durable: () => void): Promise<number> {
    tokens.reject(lastToken);
    opts.logger.log('warn', 'imap.token_refused_retrying');
    try {
      return await pollOnce(store, durable);
    } catch (err) {
      if (isImapLoginRefused(err)) throw loginRefused('IMAP', tokens.user, imapRefusalDetail(err));
      throw err;
    }
  }

  return {
    async poll(store, durable = () => undefined) {
      try {
        return await pollOnce(store, durable);
      } catch (err) {
        if (stopsTheTick(err)) throw err;
        if (opts.tokens && isImapLoginRefused(err)) return await retryWithNewToken(opts.tokens, store, durable);
        const code = (err as { code?: string }).code ?? (err as Error).name;
        opts.logger.log('warn', 'imap.poll_retry', { code });
        try {
          return await pollOnce(store, durable);
        } catch (again) {
          throw asServerError('IMAP', opts.endpoint, again);
        }
      }
    },
    close: async () => undefined,
  };
}
