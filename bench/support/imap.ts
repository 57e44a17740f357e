/** Setting up the bot's mailbox between runs, with imapflow (server-side COPY, so it is quick). */
import { ImapFlow } from 'imapflow';
import type { MailServers } from '../../test/harness/mailServers';

export async function withImap<T>(servers: MailServers, user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
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

async function ensureMailbox(client: ImapFlow, mailbox: string): Promise<void> {
  const list = await client.list();
  if (!list.some((m) => m.path === mailbox)) await client.mailboxCreate(mailbox);
}

/** Empties a mailbox (creating it if needed). */
export async function clearMailbox(servers: MailServers, user: string, mailbox: string): Promise<void> {
  await withImap(servers, user, async (client) => {
    await ensureMailbox(client, mailbox);
    const box = await client.mailboxOpen(mailbox);
    if (box.exists > 0) await client.messageDelete('1:*');
    await client.mailboxClose();
  });
}

/** Appends messages to a mailbox kept as a corpus, emptying it first. */
export async function storeCorpus(servers: MailServers, user: string, mailbox: string, messages: Buffer[]): Promise<void> {
  await clearMailbox(servers, user, mailbox);
  await withImap(servers, user, async (client) => {
    for (const raw of messages) await client.append(mailbox, raw, [], new Date('2027-01-05T09:00:00Z'));
  });
}

/** Replaces INBOX's contents with a copy of the corpus (or of part of it, by sequence numbers). */
export async function inboxFromCorpus(servers: MailServers, user: string, corpus: string, range = '1:*', clear = true): Promise<void> {
  if (clear) await clearMailbox(servers, user, 'INBOX');
  await withImap(servers, user, async (client) => {
    const lock = await client.getMailboxLock(corpus);
    try {
      await client.messageCopy(range, 'INBOX');
    } finally {
      lock.release();
    }
  });
}

/** The INBOX's UIDVALIDITY and the last UID used, to start a seeded database's cursor there. */
export async function inboxCursor(servers: MailServers, user: string): Promise<{ uidvalidity: number; lastUid: number }> {
  return withImap(servers, user, async (client) => {
    const status = await client.status('INBOX', { uidNext: true, uidValidity: true });
    if (!status) throw new Error('STATUS INBOX failed');
    return { uidvalidity: Number(status.uidValidity), lastUid: (status.uidNext ?? 1) - 1 };
  });
}
