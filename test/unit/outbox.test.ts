import { flushOutbox, retryAt } from '../../src/jobs/flushOutbox';
import { queueMail } from '../../src/mail/outbox';
import { importRoster } from '../../src/roster/apply';
import { makeWorld, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
// Monday 4 January 2027, 10:00 in London: inside the default window.
const MONDAY_10AM = new Date('2027-01-04T10:00:00Z');

function queueNote(w: World, key: string) {
  return queueMail(
    w.deps.db,
    { address: w.deps.config.address, fromName: 'E-mentoring' },
    {
      dedupeKey: key,
      kind: 'note',
      to: { address: 'someone@example.org', name: null, personId: null },
      email: { subject: 's', text: 't', html: '<p>t</p>' },
    },
    MONDAY_10AM,
  );
}

describe('outbox', () => {
  let w: World;
  beforeEach(() => (w = makeWorld()));
  afterEach(() => w.close());

  test('queuing the same dedupe key twice queues one message with one Message-ID', () => {
    const a = queueNote(w, 'k1');
    const b = queueNote(w, 'k1');
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, messageId: a.messageId, created: false });
    expect(w.deps.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  test('once sent, a message keeps its Message-ID, recipient, kind, state and dates, but not its body or attachments', async () => {
    const q = queueMail(
      w.deps.db,
      { address: w.deps.config.address, fromName: 'E-mentoring' },
      {
        dedupeKey: 'k-body',
        kind: 'relay_to_mentor',
        to: { address: 'someone@example.org', name: 'Someone', personId: null },
        email: { subject: 'A message', text: 'Planted-body-text', html: '<p>Planted-body-text</p>' },
        attachments: [{ filename: 'cv.pdf', content_type: 'application/pdf', content: Buffer.from('Planted-attachment') }],
      },
      MONDAY_10AM,
    );
    await flushOutbox.run(w.deps, MONDAY_10AM);
    expect(w.transport.sent[0].text).toBe('Planted-body-text');
    expect(w.transport.sent[0].attachments[0].content.toString()).toBe('Planted-attachment');
    const row = w.deps.db
      .prepare('SELECT message_id, to_address, kind, state, created_at, sent_at, text_body, html_body FROM outbox WHERE id = ?')
      .get(q.id);
    expect(row).toEqual({
      message_id: q.messageId,
      to_address: 'someone@example.org',
      kind: 'relay_to_mentor',
      state: 'sent',
      created_at: MONDAY_10AM.toISOString(),
      sent_at: MONDAY_10AM.toISOString(),
      text_body: '',
      html_body: null,
    });
    expect(w.deps.db.prepare('SELECT COUNT(*) AS n FROM outbox_attachments').get()).toEqual({ n: 0 });
  });

  test('flushing twice sends once, with the stored Message-ID and bot headers', async () => {
    const q = queueNote(w, 'k2');
    await flushOutbox.run(w.deps, MONDAY_10AM);
    await flushOutbox.run(w.deps, MONDAY_10AM);
    expect(w.transport.sent).toHaveLength(1);
    expect(w.transport.sent[0].messageId).toBe(q.messageId);
  });

  test('a failed send stays pending with its error and is retried after a backoff', async () => {
    queueNote(w, 'k3');
    w.transport.failNext = 1;
    await flushOutbox.run(w.deps, MONDAY_10AM);
    const row = w.deps.db.prepare('SELECT state, attempts, last_error, next_attempt_at FROM outbox').get() as Record<string, unknown>;
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: 'ECONNREFUSED' });
    expect(row.next_attempt_at).toBe(retryAt(1, MONDAY_10AM)!.toISOString());
    await flushOutbox.run(w.deps, new Date(MONDAY_10AM.getTime() + 30_000)); // too early
    expect(w.transport.sent).toHaveLength(0);
    await flushOutbox.run(w.deps, new Date(MONDAY_10AM.getTime() + 60_000));
    expect(w.transport.sent).toHaveLength(1);
    expect(w.deps.db.prepare('SELECT state, attempts, last_error FROM outbox').get()).toEqual({
      state: 'sent',
      attempts: 2,
      last_error: null,
    });
  });

  test('gives up after the last backoff step and marks the row failed', async () => {
    queueNote(w, 'k4');
    let at = MONDAY_10AM;
    w.transport.failNext = 100;
    for (let i = 0; i < 20; i++) {
      await flushOutbox.run(w.deps, at);
      at = new Date(at.getTime() + 86_400_000);
    }
    expect(w.deps.db.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'failed', attempts: 9 });
  });

  test('two ticks at the same moment send one questionnaire', async () => {
    importRoster(w.deps.db, ROSTER, 'roster.csv', MONDAY_10AM, false);
    await w.tick(MONDAY_10AM);
    await w.tick(MONDAY_10AM);
    await w.tick(new Date(MONDAY_10AM.getTime() + 600_000));
    expect(w.transport.sent.map((m) => [m.to.address, m.subject])).toEqual([
      ['priya@trainee.example', 'E-mentoring questionnaire, round 1'],
    ]);
  });

  test('the questionnaire waits for the sending window', async () => {
    importRoster(w.deps.db, ROSTER, 'roster.csv', MONDAY_10AM, false);
    await w.tick('2027-01-04T07:00:00Z'); // 07:00 London: too early
    expect(w.transport.sent).toHaveLength(0);
    await w.tick('2027-01-04T09:00:00Z');
    expect(w.transport.sent).toHaveLength(1);
  });
});

describe('rounds', () => {
  let w: World;
  beforeEach(() => (w = makeWorld({ CYCLE_MONTHS: '1', MAX_REMINDERS: '5' })));
  afterEach(() => w.close());

  test('a new round supersedes an older one still waiting, which is no longer chased', async () => {
    importRoster(w.deps.db, ROSTER, 'roster.csv', MONDAY_10AM, false);
    await w.tick(MONDAY_10AM);
    await w.tick('2027-02-04T10:00:00Z');
    const states = w.deps.db.prepare('SELECT number, state FROM rounds ORDER BY number').all();
    expect(states).toEqual([
      { number: 1, state: 'lapsed' },
      { number: 2, state: 'sent' },
    ]);
    await w.tick('2027-02-11T10:00:00Z');
    // No reminder for round 1; the coordinator hears once that round 1 went unanswered (health).
    expect(w.transport.sent.map((m) => m.subject)).toEqual([
      'E-mentoring questionnaire, round 1',
      'E-mentoring questionnaire, round 2',
      '[e-mentoring] Dr Priya Patel and Dr Jane Smith may need a check-in',
    ]);
  });
});
