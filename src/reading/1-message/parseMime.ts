/**
 * mailparser's simpleParser, except that attachments are kept only while they fit a budget:
 * past it their bytes stream through and are counted, not held. A reply carrying a 30 MB scan
 * then costs the memory of its text, not of the scan; the scan's name and size are still known,
 * to tell the sender it was not passed on. Otherwise as simpleParser (mailparser 3.9): headers,
 * text and HTML parts, attachments in order.
 */
import { Readable } from 'node:stream';
import type { Attachment, MailParserOptions, ParsedMail } from 'mailparser';

/** An attachment as simpleParser gives it, and whether its content was left out. */
export type CappedAttachment = Attachment & { omitted: boolean };
export type CappedMail = Omit<ParsedMail, 'attachments'> & { attachments: CappedAttachment[] };

// Fed to the parser in slices: one write of a whole 30 MB message made the splitter hold copies of it.
const SLICE_BYTES = 256 * 1024;

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

interface StreamedAttachment extends Omit<Attachment, 'content'> {
  content: NodeJS.ReadableStream | Buffer;
  release(): void;
}

type ParserOutput =
  { type: 'text'; text?: string; html?: string | false; textAsHtml?: string } | (StreamedAttachment & { type: 'attachment' });

/** Parses `bytes`, keeping at most `keepBytes` of attachment content in all (the first that fit, in order). */
export async function parseMime(bytes: Buffer, options: MailParserOptions, keepBytes: number): Promise<CappedMail> {
  const { MailParser } = await import('mailparser');
  return new Promise<CappedMail>((resolve, reject) => {
    let settled = false;
    const settle = (err: unknown, mail?: CappedMail) => {
      if (settled) return;
      settled = true;
      if (err) reject(err instanceof Error ? err : new Error('MIME_UNPARSEABLE'));
      else resolve(mail as CappedMail);
    };
    const attachments: CappedAttachment[] = [];
    const mail: Record<string, unknown> & { headers?: ParsedMail['headers'] } = { attachments };
    const parser = new MailParser(options);
    let kept = 0;
    parser.on('error', settle);
    parser.on('headers', (headers: ParsedMail['headers']) => {
      mail.headers = headers;
      mail.headerLines = (parser as unknown as { headerLines: ParsedMail['headerLines'] }).headerLines;
    });

    let reading = false;
    const read = (): void => {
      reading = true;
      const data = parser.read() as ParserOutput | null;
      if (data === null) {
        reading = false;
        return;
      }
      if (data.type === 'text') {
        for (const key of ['text', 'html', 'textAsHtml'] as const) if (key in data) mail[key] = data[key];
        return read();
      }
      const attachment = data as StreamedAttachment & CappedAttachment;
      attachment.omitted = false;
      attachments.push(attachment);
      const stream = attachment.content as NodeJS.ReadableStream;
      let chunks: Buffer[] = [];
      let size = 0;
      stream.on('readable', () => {
        let chunk: Buffer | null;
        while ((chunk = stream.read() as Buffer | null) !== null) {
          size += chunk.length;
          if (attachment.omitted) continue;
          if (kept + size > keepBytes) {
            attachment.omitted = true;
            chunks = [];
          } else chunks.push(chunk);
        }
      });
      stream.on('end', () => {
        if (!attachment.omitted) kept += size;
        attachment.content = attachment.omitted ? Buffer.alloc(0) : Buffer.concat(chunks, size);
        attachment.size = size;
        attachment.release();
        read();
      });
    };
    parser.on('readable', () => {
      if (!reading) read();
    });
    parser.on('end', () => {
      for (const key of ['subject', 'references', 'date', 'to', 'from', 'cc', 'bcc', 'message-id', 'in-reply-to', 'reply-to']) {
        if (mail.headers?.has(key)) mail[key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = mail.headers.get(key);
      }
      settle(null, mail as unknown as CappedMail);
    });
    const input = Readable.from(slices(bytes));
    input.once('error', settle);
    input.pipe(parser);
  });
}
