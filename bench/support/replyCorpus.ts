/**
 * N trainees who have each been sent a questionnaire (in this process, with mail going
 * nowhere), and their N replies stored in a corpus folder of the bot's mailbox, ready to be
 * copied into INBOX before each run.
 */
import path from 'node:path';
import { tick } from '../../src/jobs';
import type { MailServers } from '../../test/harness/mailServers';
import { count, deployment, installWithRoster, rosterCsv, withOfflineApp, type Deployment } from './deployment';
import { storeCorpus } from './imap';
import { replyTo, type SentQuestionnaire } from './replies';
import type Mail from 'nodemailer/lib/mailer';

export const QUESTIONNAIRE_DAY = '2027-01-04'; // a Monday
/** When the replies are read: the next morning, inside the sending window. */
export const INGEST_NOW = '2027-01-05T10:00:00Z';

export interface ReplyCorpus {
  setup: Deployment;
  corpus: string;
  replies: number;
  /** Total size of the replies as delivered. */
  bytes: number;
}

export async function replyCorpus(
  servers: MailServers,
  dir: string,
  corpus: string,
  n: number,
  extra: (i: number) => Partial<Mail.Options> = () => ({}),
): Promise<ReplyCorpus> {
  const setup = deployment(servers, path.join(dir, 'setup'));
  await installWithRoster(setup, rosterCsv(servers, n, QUESTIONNAIRE_DAY), '2027-01-01T09:00:00Z');
  // The questionnaires as sent (the outbox keeps no body once a message is sent).
  const questionnaires: SentQuestionnaire[] = await withOfflineApp(setup, async (deps, transport) => {
    for (let i = 0; i < 10_000; i++) {
      await tick(deps, new Date(`${QUESTIONNAIRE_DAY}T10:00:00Z`));
      if (count(setup.dbPath, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'") === 0) break;
    }
    return transport.sent.map((m) => ({
      to_address: m.to.address,
      to_name: m.to.name,
      reply_to: m.replyTo ?? m.from.address,
      message_id: m.messageId,
      subject: m.subject,
      text_body: m.text,
      from_name: m.from.name,
    }));
  });
  if (questionnaires.length !== n) throw new Error(`setup: ${questionnaires.length} questionnaires for ${n} trainees`);
  const replies = await Promise.all(questionnaires.map((q, i) => replyTo(q, i + 1, extra(i + 1))));
  await storeCorpus(servers, 'bot', corpus, replies);
  return { setup, corpus, replies: n, bytes: replies.reduce((sum, r) => sum + r.length, 0) };
}
