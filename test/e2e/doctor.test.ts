import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { fetchAll } from '../harness/mailbox';
import { mentormailFor, type Mentormail } from './support';

jest.setTimeout(180_000);

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const lines = (out: string) => out.split('\n');

describe('mentormail doctor, against real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    servers = await startMailServers({ users: ['bot', 'coordinator'] });
    mm = mentormailFor(servers);
    env = { ...mm.env };
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });
  afterEach(() => {
    for (const k of Object.keys(mm.env)) delete mm.env[k];
    Object.assign(mm.env, env);
  });

  test('without a database: says where it looked and to run init, and creates nothing', async () => {
    const r = await mm.cli('doctor', '--wait', '30');
    expect(r.code).toBe(1);
    expect(lines(r.out)).toContain(`FAIL  database: there is no database at ${mm.env.MENTORMAIL_DB}`);
    expect(fs.existsSync(mm.env.MENTORMAIL_DB!)).toBe(false);
  });

  test('all well: every line ok, the test message found over IMAP and deleted, exit 0', async () => {
    expect((await mm.cli('init')).code).toBe(0);
    const r = await mm.cli('doctor', '--wait', '30');
    expect(r.out).toMatch(
      /^ok {4}configuration: mail servers SMTP 127\.0\.0\.1:\d+, IMAP 127\.0\.0\.1:\d+, bot address bot@example\.test$/m,
    );
    expect(r.out).toMatch(/^ok {4}database: .*mentormail\.db, \d+ of \d+ migrations applied, writable$/m);
    expect(r.out).toMatch(/^skip {2}encryption key: /m);
    expect(r.out).toMatch(/^skip {2}local mail folder: not used/m);
    expect(r.out).toMatch(/^ok {4}SMTP: 127\.0\.0\.1:\d+: connected, no TLS \(allowed on loopback only\), no login configured$/m);
    expect(r.out).toMatch(
      /^ok {4}IMAP: 127\.0\.0\.1:\d+: no TLS \(allowed on loopback only\), logged in as bot, INBOX has 0 messages \(0 unseen\)$/m,
    );
    expect(r.out).toMatch(
      /^ok {4}plus-addressing: mail to bot\+doctor-[0-9a-f]{10}@example\.test reached INBOX \(and was deleted again\)$/m,
    );
    expect(lines(r.out).at(-1)).toBe('All 5 checks passed.');
    expect(r.code).toBe(0);
    expect(await fetchAll(servers, 'bot')).toEqual([]); // the test message is gone
    // A tick afterwards finds nothing of the doctor's.
    await mm.tick('2027-01-04T10:00:00Z');
    expect((await mm.cli('status', '--json')).out).toMatch(/"inbound": \{\}/);
  });

  test('a wrong IMAP password: the IMAP line says so and what to check, the password never shown, exit 1', async () => {
    mm.env.IMAP_URL = `imap://bot:wrong-horse-battery@${servers.host}:${servers.imapPort}`;
    const r = await mm.cli('doctor', '--wait', '30');
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual(
      expect.arrayContaining([
        `FAIL  IMAP: logging in to ${servers.host}:${servers.imapPort} failed: the server refused the login`,
        '        what to do: check IMAP_USER/IMAP_PASS (or the user and password in IMAP_URL)',
        'skip  plus-addressing: needs IMAP to pass first',
        '1 of 4 checks failed.',
      ]),
    );
    expect(r.out).not.toContain('wrong-horse-battery');
  });

  test('the SMTP server down: the SMTP line names host:port and what to do, exit 1', async () => {
    const port = await closedPort();
    mm.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const r = await mm.cli('doctor');
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual(
      expect.arrayContaining([
        `FAIL  SMTP: connecting to 127.0.0.1:${port} failed: connection refused`,
        '        what to do: check that the server is running and that the host and port in SMTP_URL are right',
        'skip  plus-addressing: needs SMTP to pass first',
      ]),
    );
  });

  test('plus-addressed mail that does not reach the mailbox read over IMAP: says so and what to turn on, exit 1', async () => {
    // Mail for coordinator+... is delivered to the coordinator, never to the bot mailbox read over IMAP.
    await mm.cli('init');
    mm.env.MENTORMAIL_ADDRESS = servers.address('coordinator');
    const r = await mm.cli('doctor', '--wait', '3');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^FAIL {2}plus-addressing: mail to coordinator\+doctor-[0-9a-f]{10}@example\.test did not arrive in INBOX within 3 s$/m,
    );
    expect(r.out).toMatch(
      /^ {8}what to do: turn on plus-addressing for coordinator@example\.test \(Postfix and Dovecot: recipient_delimiter = \+/m,
    );
  });

  test('a missing mailbox, and a login the SMTP server does not offer', async () => {
    mm.env.IMAP_MAILBOX = 'Replies';
    mm.env.SMTP_URL = `smtp://bot:secret@${servers.host}:${servers.smtpPort}`;
    const r = await mm.cli('doctor');
    expect(lines(r.out)).toEqual(
      expect.arrayContaining([
        `FAIL  SMTP: ${servers.host}:${servers.smtpPort} does not offer a login, but a user is configured`,
        `FAIL  IMAP: ${servers.host}:${servers.imapPort} has no mailbox "Replies"`,
        '        what to do: check IMAP_MAILBOX, or create the mailbox',
      ]),
    );
    expect(r.out).not.toContain('secret');
  });
});

describe('mentormail doctor in local-folder mode', () => {
  test('checks the folders, and names files dropped where they are not read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-doctor-'));
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const { program, exitCode } = buildProgram((l) => out.push(l), { PATH: process.env.PATH }, dir, { logger: memoryLogger() });
      await program.parseAsync(['node', 'mentormail', ...args]);
      return { code: exitCode(), out: out.join('\n') };
    };
    try {
      await cli('init');
      const good = await cli('doctor');
      expect(good.out).toMatch(/^ok {4}local mail folder: .*outbox, inbox\/tmp, inbox\/new and processed are writable/m);
      expect(good.out).toMatch(/^skip {2}SMTP: not used: local mail folder$/m);
      expect(good.out).toMatch(/^skip {2}plus-addressing: not used: local mail folder$/m);
      expect(good.code).toBe(0);
      fs.writeFileSync(path.join(dir, 'data', 'mail', 'inbox', 'reply.eml'), 'From: a@b.example\n\nhi\n');
      const bad = await cli('doctor');
      expect(bad.out).toContain(
        `FAIL  local mail folder: 1 file in ${path.join(dir, 'data', 'mail', 'inbox')} will not be read (reply.eml)`,
      );
      expect(bad.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
