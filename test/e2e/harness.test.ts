/** Proves the mail-server harness: plus-addressed delivery, DSN bounces, clean stop. */
import net from 'node:net';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, sendMail, waitForMail, waitForQueueEmpty } from '../harness/mailbox';

jest.setTimeout(120_000);

describe('mail server harness', () => {
  let servers: MailServers | undefined;

  beforeAll(async () => {
    servers = await startMailServers({ users: ['alice', 'bot'] });
  });

  afterAll(async () => {
    await servers?.stop();
  });

  function mail(): MailServers {
    if (!servers) throw new Error('servers not started');
    return servers;
  }

  it('delivers plus-addressed mail to the base user with Delivered-To', async () => {
    const s = mail();
    await sendMail(s, {
      from: s.address('alice'),
      to: 'bot+abc123@example.test',
      subject: 'Plus addressing',
      text: 'Hello bot',
    });
    const [received] = await waitForMail(s, 'bot', 1);
    expect(received.parsed.subject).toBe('Plus addressing');
    // mailparser turns Delivered-To into an address object, so check the raw header too.
    expect(received.raw.toString('utf8')).toMatch(/^Delivered-To: bot\+abc123@example\.test\r?$/m);
    expect((received.parsed.headers.get('delivered-to') as { text: string }).text).toContain('bot+abc123@');
    expect(await fetchAll(s, 'alice')).toHaveLength(0);
  });

  it('bounces mail for an unknown user with an RFC 3464 DSN to the envelope sender', async () => {
    const s = mail();
    await sendMail(s, {
      from: s.address('bot'),
      envelope: { from: s.address('bot'), to: s.address('nobody') },
      to: s.address('nobody'),
      subject: 'To nobody',
      text: 'Nobody home',
    });
    const inbox = await waitForMail(s, 'bot', 2, 30_000);
    const bounce = inbox[1];
    const contentType = bounce.parsed.headers.get('content-type') as { value: string; params: Record<string, string> };
    expect(contentType.value).toBe('multipart/report');
    expect(contentType.params['report-type']).toBe('delivery-status');
    expect(bounce.raw.toString('utf8')).toMatch(/Final-Recipient: rfc822; ?nobody@example\.test/i);
    await waitForQueueEmpty(s);
    await expectNoNewMail(s, 'bot', 2, 1_000);
  });

  it('refuses mail for other domains at RCPT, so nothing leaves loopback', async () => {
    const s = mail();
    await expect(sendMail(s, { from: s.address('alice'), to: 'someone@elsewhere.invalid', subject: 'x', text: 'x' })).rejects.toThrow(
      /Relay access denied|refused/i,
    );
  });

  it('stops both servers and frees their ports', async () => {
    const s = mail();
    await s.stop();
    servers = undefined;
    expect(await isFree(s.smtpPort)).toBe(true);
    expect(await isFree(s.imapPort)).toBe(true);
  });
});

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
