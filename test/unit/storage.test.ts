import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeRaw } from '../../src/db/inbound';
import { syncToDisk } from '../../src/db/durable';
import { storeInbound } from '../../src/inbox/store';
import { PROJECT_ROOT } from '../../src/paths';
import { importRoster } from '../../src/roster/apply';
import { openDatabase } from '../../src/db/open';
import { flushOutbox } from '../../src/jobs/flushOutbox';
import { queueMail } from '../../src/mail/outbox';
import { FULL_ANSWERS, makeWorld, replyTo } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
// Never change this to make the test pass: add a raw-dictionary-2.txt and a new encoding instead.
const DICTIONARY_SHA256 = '0eaebd62bacf93f19519c4b198b09e8c8f19fa7ccaeb4e9802fb725be909f2e0';

describe('how the database is kept', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-storage-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('commits skip the fsync (synchronous NORMAL, WAL); syncToDisk forces one where it matters', () => {
    const db = openDatabase(path.join(dir, 'a.db'));
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.prepare("INSERT INTO mailbox_cursor (mailbox, uidvalidity, last_uid) VALUES ('imap:INBOX', 1, 1)").run();
    expect(fs.existsSync(path.join(dir, 'a.db-wal'))).toBe(true);
    expect(() => syncToDisk(db)).not.toThrow();
    db.close();
    const memory = openDatabase(':memory:');
    expect(() => syncToDisk(memory)).not.toThrow();
    memory.close();
  });

  test('the last message to a person about a round is found through an index, not by reading the outbox', () => {
    const db = openDatabase(path.join(dir, 'b.db'));
    // The statement threads.ts runs for every reply it handles.
    for (const round of ['round_id = ?', 'round_id IS NULL']) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT message_id FROM outbox WHERE person_id = ? AND ${round} ORDER BY id DESC LIMIT 1`)
        .all(...(round.includes('?') ? [1, 1] : [1])) as { detail: string }[];
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toMatch(/USING INDEX outbox_person_round/);
      expect(details).not.toMatch(/SCAN outbox\b(?! USING)/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});

describe('what the outbox keeps', () => {
  test('a queued message keeps its words beside the row until it is sent, then nothing of them', async () => {
    const w = makeWorld();
    try {
      const q = queueMail(
        w.deps.db,
        { address: w.deps.config.address, fromName: 'E-mentoring' },
        {
          dedupeKey: 'k-bodies',
          kind: 'relay_to_mentor',
          to: { address: 'someone@example.org', name: 'Someone', personId: null },
          email: { subject: 'A message', text: 'Planted-words', html: '<p>Planted-words</p>' },
        },
        new Date('2027-01-04T10:00:00Z'),
      );
      const bodies = () => w.deps.db.prepare('SELECT text_body, html_body FROM outbox_bodies WHERE outbox_id = ?').all(q.id);
      expect(bodies()).toEqual([{ text_body: 'Planted-words', html_body: '<p>Planted-words</p>' }]);
      // The row itself never holds them, so it never takes a page to itself.
      expect(w.deps.db.prepare('SELECT text_body, html_body FROM outbox WHERE id = ?').get(q.id)).toEqual({
        text_body: '',
        html_body: null,
      });
      await flushOutbox.run(w.deps, new Date('2027-01-04T10:00:00Z'));
      expect(w.transport.sent[0].text).toBe('Planted-words');
      expect(w.transport.sent[0].html).toBe('<p>Planted-words</p>');
      expect(bodies()).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('raw mail, compressed', () => {
  test('a reply quoting our questionnaire keeps a fraction of its size, and reads back byte for byte', async () => {
    const w = makeWorld();
    try {
      importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
      await w.tick('2027-01-04T10:00:00Z');
      const raw = await replyTo(w.transport.sent[0], 'priya@trainee.example', FULL_ANSWERS);
      const { id } = storeInbound(
        w.deps.db,
        { raw, ref: { source: 'memory', uidvalidity: null, uid: null } },
        new Date('2027-01-04T11:00:00Z'),
      );
      const row = w.deps.db.prepare('SELECT raw, raw_encoding, size FROM inbound WHERE id = ?').get(id) as {
        raw: Buffer;
        raw_encoding: string;
        size: number;
      };
      expect(row.size).toBe(raw.length);
      expect(row.raw.length).toBeLessThan(raw.length / 3);
      expect(decodeRaw(row.raw, row.raw_encoding).equals(raw)).toBe(true);
    } finally {
      await w.close();
    }
  });

  test('the dictionary is frozen: rows compressed with it need it byte for byte', () => {
    const bytes = fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'db', 'raw-dictionary-1.txt'));
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(DICTIONARY_SHA256);
  });
});
