/**
 * Baseline for ingest: the bare pipeline, imapflow fetch + mailparser parse + one pooled
 * nodemailer send per message, then the messages flagged \Seen. Run as its own process:
 * node bareIngest.js <params.json>
 */
import fs from 'node:fs';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';

interface Params {
  host: string;
  smtpPort: number;
  imapPort: number;
  user: string;
  pass: string;
  from: string;
  to: string;
}

async function main(): Promise<void> {
  const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Params;
  const transport = nodemailer.createTransport({ host: p.host, port: p.smtpPort, secure: false, ignoreTLS: true, pool: true });
  const client = new ImapFlow({ host: p.host, port: p.imapPort, secure: false, auth: { user: p.user, pass: p.pass }, logger: false });
  await client.connect();
  const sends: Promise<unknown>[] = [];
  let fetched = 0;
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const sources: Buffer[] = [];
      for await (const m of client.fetch('1:*', { uid: true, source: true })) if (m.source) sources.push(m.source);
      for (const source of sources) {
        const parsed = await simpleParser(source);
        sends.push(transport.sendMail({ from: p.from, to: p.to, subject: `Fwd: ${parsed.subject ?? ''}`, text: parsed.text ?? '' }));
        fetched++;
      }
      if (fetched > 0) await client.messageFlagsAdd('1:*', ['\\Seen']);
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  await Promise.all(sends);
  transport.close();
  process.stdout.write(`${fetched}\n`);
}

void main().catch((err) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
