import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { ServerEndpoint } from '../config';
import type { AccessTokens } from '../oauth';
import { oauth2Login } from '../oauth/smtpLogin';

/** Everything a transport needs to put one message on the wire. */
export interface OutgoingMail {
  envelopeFrom: string;
  from: { name: string; address: string };
  to: { name: string | null; address: string };
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  date: Date;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Bot mail never talks to bots: every message says it is automated. */
export const BOT_HEADERS = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' } as const;

function toNodemailer(mail: OutgoingMail): nodemailer.SendMailOptions {
  return {
    envelope: { from: mail.envelopeFrom, to: [mail.to.address] },
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.references.length > 0 ? mail.references : undefined,
    headers: { ...mail.headers, ...BOT_HEADERS },
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    date: mail.date,
  };
}

/** `tokens`: MAIL_AUTH=oauth2, log in with XOAUTH2 instead of the password. */
export function smtpTransport(endpoint: ServerEndpoint, tokens?: AccessTokens): MailTransport {
  const oauth = tokens ? oauth2Login(endpoint.user ?? tokens.user, tokens) : null;
  const transporter = nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    requireTLS: endpoint.tls === 'starttls',
    ignoreTLS: endpoint.tls === 'none',
    auth: oauth ? oauth.auth : endpoint.user ? { user: endpoint.user, pass: endpoint.pass ?? '' } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const send = () => transporter.sendMail(toNodemailer(mail)).then(() => undefined);
      await (oauth ? oauth.withRenewal(send) : send());
    },
    close: () => transporter.close(),
  };
}

/**
 * The embedded default: each message becomes an .eml file. Named by Message-ID and written
 * through a temporary file, so a retried send replaces rather than duplicates.
 */
export function localFolderTransport(outboxDir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail));
      fs.mkdirSync(outboxDir, { recursive: true });
      const name = `${mail.date.toISOString().replace(/[:.]/g, '-')}_${mail.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}.eml`;
      const tmp = path.join(outboxDir, `.${name}.tmp`);
      fs.writeFileSync(tmp, info.message as Buffer);
      fs.renameSync(tmp, path.join(outboxDir, name));
    },
    close: () => transporter.close(),
  };
}
