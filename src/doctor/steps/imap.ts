import type { ImapFlow } from 'imapflow';
import type { ImapEndpoint } from '../../config';
import { imapClient } from '../../inbox/imapSource';
import { connectionFailure, endpointLabel } from '../../mail/serverProblem';
import { fail, ok, type DoctorStep, type StepResult } from '../types';

function problem(endpoint: ImapEndpoint, stage: string, err: unknown): StepResult {
  const failure = connectionFailure('IMAP', err) ?? { reason: (err as { code?: string }).code ?? 'failed', fix: 'check IMAP_URL' };
  return fail(`${stage} ${endpointLabel(endpoint)} failed: ${failure.reason}`, failure.fix);
}

/** "INBOX has 3 messages (1 unseen)", or the failure when the mailbox does not exist. */
async function describeMailbox(client: ImapFlow, endpoint: ImapEndpoint, name: string, variable: string): Promise<StepResult | string> {
  const missing = fail(`${endpointLabel(endpoint)} has no mailbox "${name}"`, `check ${variable}, or create the mailbox`);
  try {
    const status = await client.status(name, { messages: true, unseen: true });
    return status ? `${name} has ${status.messages ?? 0} messages (${status.unseen ?? 0} unseen)` : missing;
  } catch {
    return missing;
  }
}

/** Logs in to the IMAP server and checks the mailboxes mentormail uses exist. */
export async function checkImap(endpoint: ImapEndpoint): Promise<StepResult> {
  const client = await imapClient(endpoint);
  client.on('error', () => undefined); // reported through the promises
  try {
    await client.connect();
  } catch (err) {
    return problem(endpoint, (err as { authenticationFailed?: boolean }).authenticationFailed ? 'logging in to' : 'connecting to', err);
  }
  try {
    const tls = client.secureConnection ? 'TLS' : 'no TLS (allowed on loopback only)';
    const inbox = await describeMailbox(client, endpoint, endpoint.mailbox, 'IMAP_MAILBOX');
    if (typeof inbox !== 'string') return inbox;
    if (endpoint.processedMailbox) {
      const processed = await describeMailbox(client, endpoint, endpoint.processedMailbox, 'IMAP_PROCESSED_MAILBOX');
      if (typeof processed !== 'string') return processed;
    }
    return ok(`${endpointLabel(endpoint)}: ${tls}, logged in as ${endpoint.user ?? '(no user)'}, ${inbox}`);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export const imapStep: DoctorStep = {
  name: 'IMAP',
  needs: ['configuration'],
  skipUnless: (ctx) => {
    const t = ctx.config?.transport;
    if (t?.kind !== 'server') return 'not used: local mail folder';
    // With MAIL_AUTH=oauth2 there is no password to try: the OAuth2 steps log in with a token.
    return t.auth.kind === 'oauth2' ? 'login checked by the OAuth2 steps below (MAIL_AUTH=oauth2)' : null;
  },
  run: (ctx) => {
    const t = ctx.config!.transport;
    if (t.kind !== 'server') throw new Error('IMAP step in local mode');
    return checkImap(t.imap);
  },
};
