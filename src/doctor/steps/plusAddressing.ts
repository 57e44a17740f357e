import crypto from 'node:crypto';
import type { Config, ImapEndpoint } from '../../config';
import type { Db } from '../../db/open';
import { imapClient } from '../../inbox/imapSource';
import { acquireLease, type Lease } from '../../lock';
import { splitAddress } from '../../mail/address';
import { connectionFailure, ServerUnreachableError } from '../../mail/serverProblem';
import { tokenAddress } from '../../mail/tokens';
import { smtpTransport } from '../../mail/transport';
import { fail, ok, type DoctorStep, type StepResult } from '../types';
import { mailboxTokens, type AccessTokens } from '../../oauth';
import { silentLogger } from '../../log';

const LEASE_WAIT_MS = 30_000;
const POLL_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The worker lease, so that no tick reads (and files) the test message while it is in the mailbox. */
async function leaseWithin(db: Db, ms: number): Promise<Lease | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const lease = acquireLease(db);
    if (lease || Date.now() >= deadline) return lease;
    await sleep(500);
  }
}

/** Waits for the message with `messageId` in the mailbox, deletes it, and says whether it came. */
async function findAndDelete(endpoint: ImapEndpoint, messageId: string, waitMs: number, tokens?: AccessTokens): Promise<boolean> {
  const client = await imapClient(endpoint, tokens ? await tokens.get() : undefined);
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(endpoint.mailbox);
    try {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
        if (uids.length > 0) {
          await client.messageDelete(uids, { uid: true });
          return true;
        }
        if (Date.now() >= deadline) return false;
        await sleep(POLL_MS);
        await client.noop(); // lets the server tell us about newly delivered mail
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * Replies come back to bot+TOKEN@domain. This sends one message to such an address, from the
 * bot to itself, and looks for it over IMAP; then deletes it.
 */
export async function checkPlusAddressing(config: Config, db: Db, waitMs: number): Promise<StepResult> {
  const t = config.transport;
  if (t.kind !== 'server') throw new Error('plus-addressing step in local mode');
  const tag = `doctor-${crypto.randomBytes(5).toString('hex')}`;
  const to = tokenAddress(config.address, tag);
  const messageId = `<${tag}.${crypto.randomBytes(8).toString('hex')}@${splitAddress(config.address).domain}>`;
  const lease = await leaseWithin(db, LEASE_WAIT_MS);
  if (!lease) return fail('a tick has been running for over 30 s', 'run mentormail doctor again when it has finished');
  // MAIL_AUTH=oauth2: both logins use the bot mailbox's token, as a tick does.
  const tokens =
    t.auth.kind === 'oauth2' ? mailboxTokens(t.auth.provider, t.imap.user ?? config.address, { db, logger: silentLogger }) : undefined;
  const transport = smtpTransport(t.smtp, tokens);
  try {
    try {
      await transport.send({
        envelopeFrom: config.address,
        from: { name: config.fromName, address: config.address },
        to: { name: null, address: to },
        replyTo: null,
        subject: `mentormail doctor: checking ${to}`,
        text: `mentormail doctor sent this to ${to} to check that plus-addresses reach this mailbox. It deletes it once found; if you see it, delete it.\n`,
        html: null,
        messageId,
        inReplyTo: null,
        references: [],
        headers: {},
        attachments: [],
        date: new Date(),
      });
    } catch (err) {
      if (err instanceof ServerUnreachableError) return fail(err.message, 'see the SMTP line above');
      const e = err as { responseCode?: number; code?: string };
      return fail(
        `the SMTP server refused mail to ${to} (${e.responseCode ? `${e.responseCode}` : (e.code ?? 'refused')})`,
        'the server may not accept plus-addresses; see "Pointing it at a real mailbox" in the README',
      );
    }
    let arrived: boolean;
    try {
      arrived = await findAndDelete(t.imap, messageId, waitMs, tokens);
    } catch (err) {
      const failure = connectionFailure('IMAP', err);
      return fail(
        `looking for the message over IMAP failed: ${failure?.reason ?? (err as Error).name}`,
        failure?.fix ?? 'see the IMAP line above',
      );
    }
    if (!arrived)
      return fail(
        `mail to ${to} did not arrive in ${t.imap.mailbox} within ${Math.round(waitMs / 1000)} s`,
        `turn on plus-addressing for ${config.address} (Postfix and Dovecot: recipient_delimiter = +; Microsoft 365 and Google: on by default), or wait longer: mentormail doctor --wait 300. Without it, replies are matched only by their threading headers and sender`,
      );
    return ok(`mail to ${to} reached ${t.imap.mailbox} (and was deleted again)`);
  } finally {
    transport.close();
    lease.release();
  }
}

export const plusAddressingStep: DoctorStep = {
  name: 'plus-addressing',
  // With MAIL_AUTH=oauth2 the logins are the OAuth2 steps', not the password ones.
  needs: (ctx) => {
    const t = ctx.config?.transport;
    return t?.kind === 'server' && t.auth.kind === 'oauth2'
      ? ['database', 'IMAP login with the OAuth2 token', 'SMTP login with the OAuth2 token']
      : ['database', 'SMTP', 'IMAP'];
  },
  skipUnless: (ctx) => (ctx.config?.transport.kind === 'server' ? null : 'not used: local mail folder'),
  run: (ctx) => checkPlusAddressing(ctx.config!, ctx.db!, ctx.waitMs),
};
