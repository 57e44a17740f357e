/**
 * Helpers for tests that play a person: read a mailbox over IMAP (imapflow) and send over
 * SMTP (nodemailer), against the servers from startMailServers().
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { MailServers } from './mailServers';

const execFileAsync = promisify(execFile);
const POLL_MS = 250;

export interface ReceivedMail {
  uid: number;
  raw: Buffer;
  parsed: ParsedMail;
}

/** Every message in the mailbox, in UID order. Opens it read-only, so no flag changes. */
export async function fetchAll(servers: MailServers, user: string, mailbox = 'INBOX'): Promise<ReceivedMail[]> {
  return withImap(servers, user, (client) => fetchWith(client, mailbox));
}

/** Polls until `user`'s INBOX holds at least `count` messages, then returns all of them. */
export async function waitForMail(servers: MailServers, user: string, count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
  return withImap(servers, user, async (client) => {
    const deadline = Date.now() + timeoutMs;
    let actual = await countMessages(client);
    while (actual < count && Date.now() < deadline) {
      await sleep(POLL_MS);
      actual = await countMessages(client);
    }
    if (actual < count) {
      const subjects = await describe(client);
      throw new Error(
        `waitForMail: expected at least ${count} message(s) for ${user} within ${timeoutMs} ms, ` + `found ${actual}${subjects}`,
      );
    }
    return fetchWith(client, 'INBOX');
  });
}

/** Watches `user`'s INBOX for `waitMs` and fails if it stops holding exactly `count` messages. */
export async function expectNoNewMail(servers: MailServers, user: string, count: number, waitMs = 3_000): Promise<void> {
  await withImap(servers, user, async (client) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const actual = await countMessages(client);
      if (actual !== count) {
        throw new Error(`expectNoNewMail: expected exactly ${count} message(s) for ${user}, found ${actual}${await describe(client)}`);
      }
      if (Date.now() >= deadline) return;
      await sleep(Math.min(POLL_MS, deadline - Date.now()));
    }
  });
}

/** Sends through the Postfix SMTP port without auth; throws if any recipient is refused. */
export async function sendMail(servers: MailServers, message: Mail.Options): Promise<void> {
  const transport = nodemailer.createTransport({
    host: servers.host,
    port: servers.smtpPort,
    secure: false,
    ignoreTLS: true,
    name: 'client.localhost',
  });
  try {
    const info = await transport.sendMail(message);
    if (info.rejected.length > 0) {
      throw new Error(
        `sendMail: Postfix refused ${info.rejected.map((r) => (typeof r === 'string' ? r : r.address)).join(', ')}: ${info.response}`,
      );
    }
  } finally {
    transport.close();
  }
}

/** Waits until Postfix has nothing left in its queue (delivered, bounced or expired). */
export async function waitForQueueEmpty(servers: MailServers, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let queue = await listQueue(servers);
  while (queue !== '' && Date.now() < deadline) {
    await sleep(POLL_MS);
    queue = await listQueue(servers);
  }
  if (queue !== '') throw new Error(`waitForQueueEmpty: Postfix queue not empty after ${timeoutMs} ms:\n${queue}`);
}

/** One JSON line per queued message; empty output means an empty queue. */
async function listQueue(servers: MailServers): Promise<string> {
  const env = { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}` };
  const { stdout } = await execFileAsync('postqueue', ['-c', servers.postfixConfigDir, '-j'], { env });
  return stdout.trim();
}

async function withImap<T>(servers: MailServers, user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: servers.host,
    port: servers.imapPort,
    secure: false,
    auth: { user, pass: servers.password },
    logger: false,
    disableAutoIdle: true,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function fetchWith(client: ImapFlow, mailbox: string): Promise<ReceivedMail[]> {
  const box = await client.mailboxOpen(mailbox, { readOnly: true });
  if (box.exists === 0) return [];
  // fetchAll collects everything before returning: no IMAP command runs inside a fetch loop.
  const messages = await client.fetchAll('1:*', { uid: true, source: true });
  const received: ReceivedMail[] = [];
  for (const message of messages) {
    if (!message.source) throw new Error(`IMAP returned no source for UID ${message.uid}`);
    received.push({ uid: message.uid, raw: message.source, parsed: await simpleParser(message.source) });
  }
  return received.sort((a, b) => a.uid - b.uid);
}

async function countMessages(client: ImapFlow): Promise<number> {
  const status = await client.status('INBOX', { messages: true });
  return status ? (status.messages ?? 0) : 0;
}

/** Subjects of what is in INBOX, to make a count mismatch easy to diagnose. */
async function describe(client: ImapFlow): Promise<string> {
  const mails = await fetchWith(client, 'INBOX');
  if (mails.length === 0) return '';
  return `:\n${mails.map((m) => `  - uid ${m.uid}: ${m.parsed.subject ?? '(no subject)'} (to ${m.parsed.to ? toText(m.parsed.to) : '?'})`).join('\n')}`;
}

function toText(to: NonNullable<ParsedMail['to']>): string {
  return (Array.isArray(to) ? to : [to]).map((a) => a.text).join(', ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
