import { imapSource, type ImapClient, type MailboxCursor } from '../../src/inbox/imapSource';
import type { FetchedMessage } from '../../src/inbox/source';
import { silentLogger } from '../../src/log';

/** A fake IMAP server-side mailbox that records the order of commands it is sent. */
function fakeMailbox(messages: { uid: number; size?: number }[], uidValidity = 7) {
  const calls: string[] = [];
  let fetching = false;
  const seen = new Set<number>();
  const state = { uidValidity, messages, failNextConnect: false };
  const uids = (range: string) => range.split(',').map(Number);
  const make = (): ImapClient =>
    ({
      on: () => undefined,
      async connect() {
        calls.push('connect');
        if (state.failNextConnect) {
          state.failNextConnect = false;
          throw Object.assign(new Error('socket closed'), { code: 'ECONNRESET' });
        }
      },
      async logout() {
        calls.push('logout');
      },
      close() {},
      get mailbox() {
        return { uidValidity: BigInt(state.uidValidity) };
      },
      async getMailboxLock() {
        calls.push('lock');
        return { path: 'INBOX', release: () => calls.push('release') };
      },
      async search(q: { uid: string }) {
        if (fetching) throw new Error('command inside a fetch loop');
        calls.push(`search ${q.uid}`);
        const from = Number(q.uid.split(':')[0]);
        const found = state.messages.filter((m) => m.uid >= from).map((m) => m.uid);
        return found.length > 0 ? found : [state.messages.at(-1)?.uid].filter(Boolean); // `N:*` matches the last message
      },
      async *fetch(range: string, query: { source?: boolean; headers?: boolean; size?: boolean }) {
        if (fetching) throw new Error('nested fetch');
        calls.push(`fetch ${range} ${Object.keys(query).join('+')}`);
        fetching = true;
        try {
          for (const uid of uids(range)) {
            const m = state.messages.find((x) => x.uid === uid)!;
            yield {
              uid,
              size: m.size ?? 100,
              source: query.source ? Buffer.from(`Message-ID: <${uid}@x>\r\n\r\nbody ${uid}`) : undefined,
              headers: query.headers ? Buffer.from(`Message-ID: <${uid}@x>\r\n\r\n`) : undefined,
            };
          }
        } finally {
          fetching = false;
        }
      },
      async fetchOne(uid: string, query: { source?: boolean }) {
        if (fetching) throw new Error('command inside a fetch loop');
        calls.push(`fetchOne ${uid} ${Object.keys(query).join('+')}`);
        return { uid: Number(uid), source: Buffer.from(`Message-ID: <${uid}@x>\r\n\r\nbody ${uid}`) };
      },
      async messageFlagsAdd(range: string) {
        if (fetching) throw new Error('command inside a fetch loop');
        calls.push(`seen ${range}`);
        uids(range).forEach((u) => seen.add(u));
        return true;
      },
      async messageMove(range: string, to: string) {
        calls.push(`move ${range} ${to}`);
        return false;
      },
    }) as unknown as ImapClient;
  return { calls, seen, state, make };
}

function sourceFor(
  box: ReturnType<typeof fakeMailbox>,
  cursor: { value: MailboxCursor | null },
  maxMessageBytes = 1000,
  processedMailbox?: string,
) {
  return imapSource({
    endpoint: { host: '127.0.0.1', port: 1, tls: 'none' },
    mailbox: 'INBOX',
    processedMailbox,
    maxMessageBytes,
    cursor: () => cursor.value,
    logger: silentLogger,
    connect: box.make,
  });
}

describe('IMAP source', () => {
  test('fetches by UID after the cursor, stores each, and only then flags them seen', async () => {
    const box = fakeMailbox([{ uid: 3 }, { uid: 4 }, { uid: 5 }]);
    const cursor = { value: { uidvalidity: 7, lastUid: 3 } as MailboxCursor | null };
    const stored: FetchedMessage[] = [];
    const n = await sourceFor(box, cursor).poll(
      (m) => {
        expect(box.seen.has(m.ref.uid!)).toBe(false); // not flagged before it is stored
        stored.push(m);
        box.calls.push(`store ${m.ref.uid}`);
      },
      () => box.calls.push('synced to disk'),
    );
    expect(n).toBe(2);
    expect(stored.map((m) => [m.ref.uid, m.ref.uidvalidity])).toEqual([
      [4, 7],
      [5, 7],
    ]);
    expect(box.calls).toEqual([
      'connect',
      'lock',
      'search 4:*',
      'fetch 4,5 uid+size',
      'fetch 4,5 uid+source',
      'store 4',
      'store 5',
      'synced to disk',
      'seen 4,5',
      'release',
      'logout',
    ]);
  });

  test('`N:*` returning the last old message fetches nothing', async () => {
    const box = fakeMailbox([{ uid: 3 }]);
    const n = await sourceFor(box, { value: { uidvalidity: 7, lastUid: 3 } }).poll(() => {
      throw new Error('nothing new should be stored');
    });
    expect(n).toBe(0);
  });

  test('a new UIDVALIDITY re-scans from the start (the store deduplicates)', async () => {
    const box = fakeMailbox([{ uid: 1 }, { uid: 2 }], 8);
    const stored: number[] = [];
    await sourceFor(box, { value: { uidvalidity: 7, lastUid: 40 } }).poll((m) => stored.push(m.ref.uid!));
    expect(stored).toEqual([1, 2]);
    expect(box.calls).toContain('search 1:*');
  });

  test('oversized messages are kept by their header only and marked truncated', async () => {
    const box = fakeMailbox([
      { uid: 1, size: 50 },
      { uid: 2, size: 5000 },
    ]);
    const stored: FetchedMessage[] = [];
    await sourceFor(box, { value: null }, 1000).poll((m) => stored.push(m));
    expect(stored.map((m) => [m.ref.uid, !!m.truncated, m.raw.toString().includes('body')])).toEqual([
      [1, false, true],
      [2, true, false],
    ]);
  });

  test('a large message is read whole, fetched on its own when its turn comes, in UID order', async () => {
    const box = fakeMailbox([{ uid: 1 }, { uid: 2, size: 30_000_000 }, { uid: 3 }]);
    const stored: FetchedMessage[] = [];
    await sourceFor(box, { value: null }, 150_000_000).poll((m) => {
      stored.push(m);
      box.calls.push(`store ${m.ref.uid}`);
    });
    expect(stored.map((m) => [m.ref.uid, !!m.truncated])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(box.calls.slice(3, -2)).toEqual([
      'fetch 1,2,3 uid+size',
      'fetch 1,3 uid+source',
      'store 1',
      'fetchOne 2 uid+source',
      'store 2',
      'store 3',
      'seen 1,2,3',
    ]);
  });

  test('with a processed mailbox, messages are moved there instead of flagged', async () => {
    const box = fakeMailbox([{ uid: 1 }]);
    await sourceFor(box, { value: null }, 1000, 'Processed').poll(() => undefined);
    expect(box.calls).toContain('move 1 Processed');
    expect(box.seen.size).toBe(0);
  });

  test('a dropped connection is made again', async () => {
    const box = fakeMailbox([{ uid: 1 }]);
    box.state.failNextConnect = true;
    const stored: number[] = [];
    await sourceFor(box, { value: null }).poll((m) => stored.push(m.ref.uid!));
    expect(stored).toEqual([1]);
    expect(box.calls.filter((c) => c === 'connect')).toHaveLength(2);
  });

  test('a store that fails leaves the message unflagged on the server', async () => {
    const box = fakeMailbox([{ uid: 1 }]);
    await expect(
      sourceFor(box, { value: null }).poll(() => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(box.seen.size).toBe(0);
  });
});
