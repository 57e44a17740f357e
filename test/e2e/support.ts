import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import type Mail from 'nodemailer/lib/mailer';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import type { MailServers } from '../harness/mailServers';
import { sendMail } from '../harness/mailbox';

export interface Mentormail {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Every log line written by every command so far. */
  logs: string[];
  /** Runs `mentormail ...args` in-process; resolves with its output and exit code. */
  cli(...args: string[]): Promise<{ code: number; out: string }>;
  tick(now: string): Promise<void>;
  close(): void;
}

/** mentormail configured against the harness servers, with its own database in a temp folder. */
export function mentormailFor(servers: MailServers, extraEnv: Record<string, string> = {}): Mentormail {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-e2e-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    MENTORMAIL_DB: path.join(dir, 'mentormail.db'),
    MENTORMAIL_ADDRESS: servers.address('bot'),
    MENTORMAIL_COORDINATOR: servers.address('coordinator'),
    SMTP_URL: `smtp://${servers.host}:${servers.smtpPort}`,
    IMAP_URL: `imap://bot:${encodeURIComponent(servers.password)}@${servers.host}:${servers.imapPort}`,
    ...extraEnv,
  };
  const logger = memoryLogger();
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program, exitCode } = buildProgram((l) => lines.push(l), env, dir, { logger });
    let code: number;
    try {
      await program.parseAsync(['node', 'mentormail', ...args]);
      code = exitCode();
    } catch (err) {
      lines.push(String((err as Error).message));
      code = 1;
    }
    return { code, out: lines.join('\n') };
  };
  return {
    dir,
    env,
    logs: logger.lines,
    cli,
    async tick(now: string) {
      const r = await cli('tick', '--now', now);
      if (r.code !== 0) throw new Error(`tick at ${now} failed: ${r.out}`);
    },
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function writeRoster(m: Mentormail, csv: string): string {
  const file = path.join(m.dir, 'roster.csv');
  fs.writeFileSync(file, csv);
  return file;
}

/** Replies to a received message the way a mail client does: to Reply-To, threaded, quoted. */
export async function replyAsClient(
  servers: MailServers,
  from: string,
  original: ParsedMail,
  text: string,
  headers: Record<string, string> = {},
  extra: Partial<Mail.Options> = {},
): Promise<void> {
  const replyTo = original.replyTo?.value[0]?.address ?? original.from?.value[0]?.address;
  if (!replyTo) throw new Error('nothing to reply to');
  const refs = [
    ...(Array.isArray(original.references) ? original.references : original.references ? [original.references] : []),
    original.messageId,
  ].filter((x): x is string => !!x);
  const quotedOriginal = (original.text ?? '')
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  await sendMail(servers, {
    from,
    to: replyTo,
    subject: `Re: ${original.subject ?? ''}`,
    inReplyTo: original.messageId,
    references: refs,
    text: `${text}\n\nOn Mon, 4 Jan 2027 at 10:00, ${original.from?.value[0]?.name ?? 'E-mentoring'} <${replyTo}> wrote:\n${quotedOriginal}\n`,
    headers,
    ...extra,
  });
}
