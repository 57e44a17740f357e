import { decodeRaw } from '../../src/db/inbound';
import { processPendingInbound } from '../../src/inbox/process';
import { rawMessageId, storeInbound } from '../../src/inbox/store';
import { makeWorld, type World } from '../support/world';

const NOW = new Date('2027-01-04T10:00:00Z');
const msg = (id: string, body: string) => Buffer.from(`Message-ID: ${id}\r\nFrom: a@b.example\r\nSubject: hi\r\n\r\n${body}\r\n`);

describe('storing received mail', () => {
  let w: World;
  beforeEach(() => (w = makeWorld()));
  afterEach(() => w.close());
  const store = (raw: Buffer, uid: number | null = null) =>
    storeInbound(w.deps.db, { raw, ref: { source: 'imap:INBOX', uidvalidity: uid === null ? null : 7, uid } }, NOW);

  test('keeps the raw bytes (compressed) with Message-ID and SHA-256, and moves the cursor in the same transaction', () => {
    const r = store(msg('<a@x>', 'one'), 12);
    expect(r).toEqual({ id: 1, state: 'new' });
    const row = w.deps.db.prepare('SELECT message_id, sha256, size, raw, raw_encoding, uid, uidvalidity FROM inbound').get() as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      message_id: '<a@x>',
      uid: 12,
      uidvalidity: 7,
      raw_encoding: 'deflate-d1',
      size: msg('<a@x>', 'one').length,
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(decodeRaw(row.raw as Buffer, 'deflate-d1').equals(msg('<a@x>', 'one'))).toBe(true);
    expect(w.deps.db.prepare('SELECT * FROM mailbox_cursor').get()).toEqual({ mailbox: 'imap:INBOX', uidvalidity: 7, last_uid: 12 });
  });

  test('the same bytes are stored once; the same Message-ID with other bytes is kept but not acted on', () => {
    store(msg('<a@x>', 'one'));
    expect(store(msg('<a@x>', 'one'))).toEqual({ id: null, state: 'seen_before' });
    expect(store(msg('<a@x>', 'changed'))).toEqual({ id: 2, state: 'duplicate' });
    expect(w.deps.db.prepare('SELECT COUNT(*) AS n FROM inbound').get()).toEqual({ n: 2 });
  });

  test('reads a folded Message-ID header', () => {
    expect(rawMessageId(Buffer.from('Subject: x\r\nMessage-ID:\r\n <folded@x>\r\n\r\nbody'))).toBe('<folded@x>');
    expect(rawMessageId(Buffer.from('Subject: x\r\n\r\nMessage-ID: <in-body@x>'))).toBeNull();
  });

  test('a message that fails to process keeps its error code and is retried on the next tick', async () => {
    store(msg('<b@x>', 'hello'));
    const realDb = w.deps.db;
    // The processing transaction fails once, as a busy database would.
    const original = realDb.transaction.bind(realDb);
    let failures = 1;
    (realDb as unknown as { transaction: unknown }).transaction = (fn: () => unknown) =>
      original(() => {
        if (failures-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return fn();
      });
    await processPendingInbound(w.deps, NOW);
    expect(realDb.prepare('SELECT state, error_code, attempts FROM inbound').get()).toEqual({
      state: 'failed',
      error_code: 'SQLITE_BUSY',
      attempts: 1,
    });
    await processPendingInbound(w.deps, NOW);
    expect(realDb.prepare('SELECT state, error_code, attempts FROM inbound').get()).toEqual({
      state: 'held',
      error_code: null,
      attempts: 2,
    });
  });
});
