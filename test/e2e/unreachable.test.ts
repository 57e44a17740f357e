import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { waitForMail } from '../harness/mailbox';
import { CLI_ENTRY, runTs } from '../support/childProcess';
import { mentormailFor, writeRoster, type Mentormail } from './support';

jest.setTimeout(180_000);

/** A port on 127.0.0.1 with nothing listening: bound once by us, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a tick that cannot reach a mail server fails loudly, naming the server', () => {
  let servers: MailServers;
  let mm: Mentormail;
  let down: number;
  let smtpUrl: string;
  let imapUrl: string;
  const pending = () => {
    const db = new Database(path.join(mm.dir, 'mentormail.db'), { readonly: true });
    try {
      return db.prepare("SELECT state, attempts FROM outbox WHERE kind = 'questionnaire'").all() as { state: string; attempts: number }[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    servers = await startMailServers({ users: ['bot', 'coordinator', 'priya', 'jane'] });
    mm = mentormailFor(servers);
    smtpUrl = mm.env.SMTP_URL!;
    imapUrl = mm.env.IMAP_URL!;
    down = await closedPort();
    const roster = writeRoster(
      mm,
      `trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,${servers.address('priya')},Dr Jane Smith,${servers.address('jane')},2027-01-04\n`,
    );
    expect((await mm.cli('init')).code).toBe(0);
    expect((await mm.cli('import', roster)).code).toBe(0);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });
  afterEach(() => {
    mm.env.SMTP_URL = smtpUrl;
    mm.env.IMAP_URL = imapUrl;
  });

  test('SMTP down: non-zero exit, one line with host:port and why; the questionnaire waits without using up a retry', async () => {
    mm.env.SMTP_URL = `smtp://127.0.0.1:${down}`;
    const r = await mm.cli('tick', '--now', '2027-01-04T10:00:00Z');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(
      `could not use the SMTP server 127.0.0.1:${down}: connection refused (check that the server is running and that the host and port in SMTP_URL are right)`,
    );
    expect(pending()).toEqual([{ state: 'pending', attempts: 0 }]);

    mm.env.SMTP_URL = smtpUrl; // the server is back: the next tick sends it
    await mm.tick('2027-01-04T10:10:00Z');
    await waitForMail(servers, 'priya', 1);
    expect(pending().map((r) => r.state)).toEqual(['sent']);
  });

  test('IMAP refusing the login: non-zero exit naming the IMAP server and the variables to check, never the password', async () => {
    mm.env.IMAP_URL = `imap://bot:not-the-password@${servers.host}:${servers.imapPort}`;
    const r = await mm.cli('tick', '--now', '2027-01-04T10:20:00Z');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(
      `could not use the IMAP server ${servers.host}:${servers.imapPort}: the server refused the login (check IMAP_USER/IMAP_PASS`,
    );
    expect(r.out).not.toContain('not-the-password');
  });

  test('as a real process, as cron runs it: exit status 1 and one line on stderr', async () => {
    const r = await runTs(CLI_ENTRY, ['tick', '--now', '2027-01-04T10:30:00Z'], {
      cwd: mm.dir,
      env: { ...mm.env, IMAP_URL: `imap://bot:${encodeURIComponent(servers.password)}@127.0.0.1:${down}` },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Tick at 2027-01-04T10:30:00\.000Z: 0 received, 0 sent\.\n$/);
    const errors = r.stderr.split('\n').filter((l) => l && !l.startsWith('{')); // JSON lines are the log
    expect(errors).toEqual([
      `mentormail: could not use the IMAP server 127.0.0.1:${down}: connection refused (check that the server is running and that the host and port in IMAP_URL are right)`,
    ]);
    expect(r.stderr).not.toContain(servers.password);
  });
});
