import crypto from 'node:crypto';
import fs from 'node:fs';
import type nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { ServerEndpoint } from '../config';
import { stopsTheTick } from '../errors';
import { writeNewFile } from '../files';
import type { AccessTokens } from '../oauth';
import { oauth2Login } from '../oauth/smtpLogin';
import { asServerError } from './serverProblem';

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

/** `tokens`: MAIL_AUTH=oauth2, log in with XOAUTH2 instead of the password. */
export function smtpTransport(endpoint: ServerEndpoint, tokens?: AccessTokens): MailTransport {
  const oauth = tokens ? oauth2Login(endpoint.user ?? tokens.user, tokens) : null;
  const transporter = onFirstUse((mailer) =>
    mailer.createTransport({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.tls === 'implicit',
      requireTLS: endpoint.tls === 'starttls',
      ignoreTLS: endpoint.tls === 'none',
      auth: oauth ? oauth.auth : endpoint.user ? { user: endpoint.user, pass: endpoint.pass ?? '' } : undefined,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    }),
  );
  return {
    async send(mail) {
      const mailer = await transporter.get();
      const send = () => mailer.sendMail(toNodemailer(mail)).then(() => undefined);
      try {
        await (oauth ? oauth.withRenewal(send) : send());
      } catch (err) {
        // A refused token says what to change; a server that cannot be reached is not this
        // message's fault: say which server, and why.
        if (stopsTheTick(err)) throw err;
        throw asServerError('SMTP', endpoint, err);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * The outbox file name for a message: its date, then its whole Message-ID made safe for any
 * file system (only letters, digits and . _ @ + - kept), so names sort by time and never
 * collide. A Message-ID too long for a file name keeps its start and gains a hash of the rest.
 */
export function outboxFileName(date: Date, messageId: string): string {
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@+-]/g, '_');
  const stamp = date.toISOString().replace(/[:.]/g, '-');
  const MAX_ID = 160; // with the stamp and ".eml", well under the usual 255-byte limit
  const safeId =
    id.length <= MAX_ID ? id : `${id.slice(0, MAX_ID - 17)}_${crypto.createHash('sha256').update(messageId).digest('hex').slice(0, 16)}`;
  return `${stamp}_${safeId}.eml`;
}

/**
 * The embedded default: each message becomes an .eml file, written whole through a hidden
 * temporary file. A file is never replaced: a retried send of a message already in the
 * folder leaves the one there (it was sent).
 */
export function localFolderTransport(outboxDir: string): MailTransport {
  const transporter = onFirstUse((mailer) => mailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  return {
    async send(mail) {
      const info = await (await transporter.get()).sendMail(toNodemailer(mail));
      fs.mkdirSync(outboxDir, { recursive: true });
      writeNewFile(outboxDir, outboxFileName(mail.date, mail.messageId), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}
