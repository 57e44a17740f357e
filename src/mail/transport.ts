import fs from 'node:fs';
import path from 'node:path';
import type nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { ServerEndpoint } from '../config';

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

/** nodemailer is loaded, and the transporter made, on the first send: an idle tick sends nothing. */
function onFirstUse<T extends Transporter<unknown>>(make: (mailer: typeof nodemailer) => T): { get(): Promise<T>; close(): void } {
  let made: Promise<T> | undefined;
  let transporter: T | undefined;
  return {
    get: () =>
      (made ??= import('nodemailer').then((m) => {
        transporter = make(m.default);
        return transporter;
      })),
    close: () => transporter?.close(),
  };
}

export function smtpTransport(endpoint: ServerEndpoint): MailTransport {
  const transporter = onFirstUse((mailer) =>
    mailer.createTransport({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.tls === 'implicit',
      requireTLS: endpoint.tls === 'starttls',
      ignoreTLS: endpoint.tls === 'none',
      auth: endpoint.user ? { user: endpoint.user, pass: endpoint.pass ?? '' } : undefined,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    }),
  );
  return {
    async send(mail) {
      await (await transporter.get()).sendMail(toNodemailer(mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * The embedded default: each message becomes an .eml file. Named by Message-ID and written
 * through a temporary file, so a retried send replaces rather than duplicates.
 */
export function localFolderTransport(outboxDir: string): MailTransport {
  const transporter = onFirstUse((mailer) => mailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  return {
    async send(mail) {
      const info = await (await transporter.get()).sendMail(toNodemailer(mail));
      fs.mkdirSync(outboxDir, { recursive: true });
      const name = `${mail.date.toISOString().replace(/[:.]/g, '-')}_${mail.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}.eml`;
      const tmp = path.join(outboxDir, `.${name}.tmp`);
      fs.writeFileSync(tmp, info.message as Buffer);
      fs.renameSync(tmp, path.join(outboxDir, name));
    },
    close: () => transporter.close(),
  };
}
