/**
 * A real person's reply is never dropped for its size (issue 9 item 6): it is kept whole, its
 * text is acted on, what is too big to relay is left out, and the sender is told what.
 */
import crypto from 'node:crypto';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const MB = 1024 * 1024;
jest.setTimeout(300_000);

describe('a large reply', () => {
  let w: World;
  const to = (address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
  beforeEach(async () => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
  });
  afterEach(() => w.close());

  test('30 MB of attachment: the answers are stored and forwarded, the scan is named back to the trainee, the message kept whole', async () => {
    const scan = crypto.randomBytes(30 * MB);
    const raw = await replyTo(to(PRIYA)[0], PRIYA, FULL_ANSWERS, {
      attachments: [
        { filename: 'cv.pdf', content: Buffer.alloc(50_000, 7), contentType: 'application/pdf' },
        { filename: 'portfolio-scan.pdf', content: scan, contentType: 'application/pdf' },
      ],
    });
    expect(raw.length).toBeGreaterThan(40 * MB);
    w.source.deliver(raw);
    await w.tick('2027-01-04T11:00:00Z');

    const row = w.deps.db.prepare('SELECT state, outcome, size, raw, raw_encoding, error_code FROM inbound').get() as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({ state: 'processed', outcome: 'answers_stored', size: raw.length, error_code: null });
    // Kept as received: a message this size is mostly attachment, which gzip would barely shrink.
    expect(row.raw_encoding).toBeNull();
    expect((row.raw as Buffer).equals(raw)).toBe(true);

    const [forward] = to(JANE);
    expect(forward.text).toContain('1. Skills acquisition\nSolo laparoscopic appendicectomy');
    expect(forward.attachments.map((a) => [a.filename, a.content.length])).toEqual([['cv.pdf', 50_000]]);
    const notice = to(PRIYA).find((m) => m.subject === 'Your attachment was not passed on');
    expect(notice?.text).toContain('portfolio-scan.pdf');
    expect(notice?.text).not.toContain('cv.pdf');
    expect(to(PRIYA).some((m) => m.subject.startsWith('Thank you'))).toBe(true);
  });

  test('MAX_MESSAGE_MB limits what is relayed: an attachment that would make the relay larger is left out, the text still goes', async () => {
    await w.close();
    w = makeWorld({ MAX_MESSAGE_MB: '1', RELAY_MAX_ATTACHMENT_MB: '10' });
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    w.source.deliver(await replyTo(to(PRIYA)[0], PRIYA, FULL_ANSWERS));
    await w.tick('2027-01-04T11:00:00Z');
    const forward = to(JANE)[0];
    w.source.deliver(
      await replyTo(forward, JANE, 'Some reading for you.', {
        attachments: [
          { filename: 'small.pdf', content: Buffer.alloc(300_000, 1), contentType: 'application/pdf' },
          { filename: 'big.pdf', content: Buffer.alloc(2 * MB, 2), contentType: 'application/pdf' },
        ],
      }),
    );
    await w.tick('2027-01-05T10:00:00Z');
    const relay = to(PRIYA).at(-1)!;
    expect(relay.text).toContain('Some reading for you.');
    expect(relay.attachments.map((a) => a.filename)).toEqual(['small.pdf']);
    expect(to(JANE).at(-1)?.text).toContain('big.pdf');
  });
});
