import type { AddressObject, MailParserOptions } from 'mailparser';
import { parseMime, type CappedMail } from './parseMime';

/** One attachment as received; `content` is kept for the worker but never printed. */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Shown inside the body (a `cid:` image such as a signature logo) rather than attached. */
  inline: boolean;
  /** Empty when `omitted`. */
  content: Buffer;
  /** Larger than what could be kept (ReadOptions.keepAttachmentBytes): only its name and size are known. */
  omitted: boolean;
}

/** What could be read from one raw message. Every field has a safe empty value. */
export interface InboundMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Sender address, trimmed and lower case. */
  from: string | null;
  fromName: string | null;
  /** Every address in Delivered-To, X-Original-To, To and Cc, lower case, without repeats. */
  recipients: string[];
  subject: string;
  date: Date | null;
  /** The text/plain parts ('' when there are none). */
  text: string;
  /** The text/html parts ('' when there are none). */
  html: string;
  /** Lower-case header name → first value, unfolded (and decoded where mailparser decodes it). */
  headers: ReadonlyMap<string, string>;
  /** Top-level MIME type, lower case, and its parameters (names lower case). */
  contentType: { value: string; params: Record<string, string> };
  attachments: InboundAttachment[];
  /** The raw message was larger than MAX_PARSE_BYTES and only its start was parsed. */
  truncated: boolean;
  /** Set when the MIME parser gave up and only the headers (and a plain body) were read. */
  parseError: string | null;
}

/**
 * Larger messages are parsed from their start only (the raw message is kept whole elsewhere).
 * Above the 150 MB that is read at all (inbox/source.ts), so any message read is parsed whole:
 * attachments past keepAttachmentBytes stream through without being held.
 */
export const MAX_PARSE_BYTES = 160 * 1024 * 1024;
/** Attachment bytes kept when the caller does not say (parse-reply): room for what is relayed. */
export const KEEP_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Real mail has a few dozen MIME parts; thousands (or deep nesting) only slow the parser down. */
const MAX_MIME_PARTS = 250;
/** mailparser works in chunks, so a timer can still fire while it runs. */
export const PARSE_TIMEOUT_MS = 3000;
/**
 * Plus this per MB: a large message takes time to decode even when it is not hostile, and on a
 * busy machine far longer (a 41 MB reply went past 250 ms per MB and lost its text).
 */
const PARSE_TIMEOUT_MS_PER_MB = 1000;
const MAX_HEADER_BYTES = 256 * 1024;
const MAX_FALLBACK_BODY_CHARS = 1024 * 1024;

const ADDRESS_IN_TEXT = /[^\s<>"'(),;:[\]]{1,200}@[^\s<>"'(),;:[\]]{1,200}/g;

function normaliseAddress(address: string): string {
  return address.trim().replace(/^<|>$/g, '').toLowerCase();
}

function addressesIn(value: string): string[] {
  return (value.slice(0, 10_000).match(ADDRESS_IN_TEXT) ?? []).map(normaliseAddress);
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function parseMessageIds(value: string | string[] | undefined): string[] {
  const all = ([] as string[]).concat(value ?? []).join(' ');
  return (all.slice(0, 20_000).match(/<[^<>\s]{1,500}>/g) ?? []).slice(0, 200);
}

function parseContentType(value: string): { value: string; params: Record<string, string> } {
  const [type, ...rest] = value.slice(0, 2000).split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    params[part.slice(0, eq).trim().toLowerCase()] = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
  }
  return { value: (type ?? '').trim().toLowerCase() || 'text/plain', params };
}

function validDate(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

interface HeaderLine {
  key: string;
  value: string;
}

/** Header lines split and unfolded without any MIME parsing: the fallback for unparseable mail. */
function readHeaderBlock(raw: Buffer): { lines: HeaderLine[]; body: string } {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const match = /\r?\n\r?\n/.exec(head);
  const headerText = match ? head.slice(0, match.index) : head;
  const bodyStart = match ? match.index + match[0].length : raw.length;
  const lines: HeaderLine[] = [];
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 100) continue;
    lines.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  const bodyBytes = raw.subarray(bodyStart, bodyStart + MAX_FALLBACK_BODY_CHARS);
  const utf8 = bodyBytes.toString('utf8');
  return { lines, body: utf8.includes('\uFFFD') ? bodyBytes.toString('latin1') : utf8 };
}

function firstAddress(obj: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  for (const group of ([] as AddressObject[]).concat(obj ?? [])) {
    for (const entry of group.value ?? []) {
      if (entry.address) return { address: normaliseAddress(entry.address), name: entry.name ?? '' };
      for (const member of entry.group ?? []) {
        if (member.address) return { address: normaliseAddress(member.address), name: member.name ?? '' };
      }
    }
  }
  return null;
}

function allAddresses(obj: AddressObject | AddressObject[] | undefined): string[] {
  const out: string[] = [];
  for (const group of ([] as AddressObject[]).concat(obj ?? [])) {
    for (const entry of group.value ?? []) {
      if (entry.address) out.push(normaliseAddress(entry.address));
      for (const member of entry.group ?? []) if (member.address) out.push(normaliseAddress(member.address));
    }
  }
  return out;
}

function headerMap(lines: HeaderLine[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, value } of lines) if (!map.has(key)) map.set(key, value);
  return map;
}

function recipientsFrom(lines: HeaderLine[], parsedTo: string[]): string[] {
  const fromTrace = lines.filter((l) => l.key === 'delivered-to' || l.key === 'x-original-to').flatMap((l) => addressesIn(l.value));
  const fromAddressHeaders = lines.filter((l) => l.key === 'to' || l.key === 'cc').flatMap((l) => addressesIn(l.value));
  return [...new Set([...fromTrace, ...parsedTo, ...fromAddressHeaders])];
}

function senderFromHeader(value: string | undefined): { address: string; name: string } | null {
  if (!value) return null;
  const address = addressesIn(value)[0];
  if (!address) return null;
  const name = value
    .replace(/<[^>]*>/g, '')
    .replace(address, '')
    .replace(/["']/g, '')
    .trim();
  return { address, name };
}

function emptyMail(): InboundMail {
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    from: null,
    fromName: null,
    recipients: [],
    subject: '',
    date: null,
    text: '',
    html: '',
    headers: new Map(),
    contentType: { value: 'text/plain', params: {} },
    attachments: [],
    truncated: false,
    parseError: null,
  };
}

/** Only the headers (and a text/plain body) when the MIME parser could not cope. */
function readWithoutMime(raw: Buffer, truncated: boolean, parseError: string): InboundMail {
  const { lines, body } = readHeaderBlock(raw);
  const headers = headerMap(lines);
  const contentType = parseContentType(headers.get('content-type') ?? 'text/plain');
  const sender = senderFromHeader(headers.get('from'));
  const date = headers.has('date') ? validDate(new Date(headers.get('date') as string)) : null;
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const plainBody = contentType.value === 'text/plain' && !encoding.includes('base64') && !encoding.includes('quoted');
  return {
    ...emptyMail(),
    messageId: parseMessageIds(headers.get('message-id'))[0] ?? null,
    inReplyTo: parseMessageIds(headers.get('in-reply-to'))[0] ?? null,
    references: parseMessageIds(headers.get('references')),
    from: sender?.address ?? null,
    fromName: sender?.name || null,
    recipients: recipientsFrom(lines, []),
    subject: headers.get('subject') ?? '',
    date,
    text: plainBody ? body : '',
    headers,
    contentType,
    truncated,
    parseError,
  };
}

function readHeadersOnly(raw: Buffer, truncated: boolean, code: string): InboundMail {
  try {
    return readWithoutMime(raw, truncated, code);
  } catch {
    return { ...emptyMail(), truncated, parseError: code };
  }
}

function fromParsed(parsed: CappedMail, truncated: boolean): InboundMail {
  const lines: HeaderLine[] = (parsed.headerLines ?? []).map((h) => {
    const colon = h.line.indexOf(':');
    return { key: h.key.toLowerCase(), value: unfold(colon >= 0 ? h.line.slice(colon + 1) : '') };
  });
  const headers = headerMap(lines);
  // mailparser decodes encoded words in unstructured headers; prefer its value where it is plain text.
  for (const [key, value] of parsed.headers ?? new Map()) {
    if (typeof value === 'string' && headers.has(key)) headers.set(key, value);
  }
  const sender = firstAddress(parsed.from) ?? senderFromHeader(headers.get('from'));
  const recipients = recipientsFrom(lines, [...allAddresses(parsed.to), ...allAddresses(parsed.cc)]);
  return {
    messageId: parsed.messageId ? (parseMessageIds(parsed.messageId)[0] ?? parsed.messageId) : null,
    inReplyTo: parsed.inReplyTo ? (parseMessageIds(parsed.inReplyTo)[0] ?? parsed.inReplyTo) : null,
    references: parseMessageIds(parsed.references),
    from: sender?.address ?? null,
    fromName: sender?.name || null,
    recipients,
    subject: typeof parsed.subject === 'string' ? parsed.subject : '',
    date: validDate(parsed.date),
    text: typeof parsed.text === 'string' ? parsed.text : '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    headers,
    contentType: parseContentType(lines.find((l) => l.key === 'content-type')?.value ?? 'text/plain'),
    attachments: (parsed.attachments ?? []).map((a) => ({
      filename: a.filename || defaultFilename(a.contentType),
      contentType: (a.contentType || 'application/octet-stream').toLowerCase(),
      size: a.size ?? a.content?.length ?? 0,
      inline: a.related === true || a.contentDisposition === 'inline',
      content: Buffer.isBuffer(a.content) ? a.content : Buffer.alloc(0),
      omitted: a.omitted,
    })),
    truncated,
    parseError: null,
  };
}

function defaultFilename(contentType: string | undefined): string {
  if ((contentType ?? '').toLowerCase() === 'message/rfc822') return 'message.eml';
  const subtype = (contentType ?? '').split('/')[1]?.replace(/[^a-z0-9.+-]/gi, '') ?? '';
  return `attachment${subtype ? `.${subtype.slice(0, 20)}` : ''}`;
}

/** Cuts an oversized message at a line end so the parser sees whole lines. */
function capSize(raw: Buffer, maxBytes: number): { bytes: Buffer; truncated: boolean } {
  if (raw.length <= maxBytes) return { bytes: raw, truncated: false };
  const cut = raw.lastIndexOf(0x0a, maxBytes);
  return { bytes: raw.subarray(0, cut > 0 ? cut + 1 : maxBytes), truncated: true };
}

const PARSER_OPTIONS: MailParserOptions & { maxChildNodes: number } = {
  // Not in the typings, but passed through to the MIME splitter, which refuses more parts than this.
  maxChildNodes: MAX_MIME_PARTS,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  keepDeliveryStatus: true,
};

/** How much of a file is looked at to tell whether it is mail at all. */
const SNIFF_BYTES = 8192;
const HEADER_LINE = /^(?:[!-9;-~]{1,100}:|From )/;

/**
 * Why these bytes cannot be read as an email, or null if they can: empty (or only blank
 * lines), binary (NUL bytes, or mostly control characters), or text that does not start with
 * a mail header. For tools that are handed a file (parse-reply), not for the worker, which
 * keeps every message it receives whatever it holds.
 */
export function unreadableReason(raw: Buffer): 'empty' | 'binary' | 'no headers' | null {
  const head = raw.subarray(0, SNIFF_BYTES);
  if (head.toString('latin1').trim() === '') return 'empty';
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  if (control / head.length > 0.1) return 'binary';
  const firstLine = head
    .toString('latin1')
    .split(/\r?\n/)
    .find((l) => l.trim() !== '');
  return firstLine !== undefined && HEADER_LINE.test(firstLine.trimStart()) ? null : 'no headers';
}

export interface ReadOptions {
  /** Parse only this many bytes of the message (default MAX_PARSE_BYTES). */
  maxParseBytes?: number;
  /** Keep at most this many bytes of attachment content, in order (default KEEP_ATTACHMENT_BYTES). */
  keepAttachmentBytes?: number;
}

/**
 * Raw message → InboundMail. Never throws: garbage gives an object with whatever could be
 * read, and `parseError` says why the MIME structure was not used.
 */
export async function readMessage(raw: Buffer, options: ReadOptions = {}): Promise<InboundMail> {
  const { bytes, truncated } = capSize(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0), options.maxParseBytes ?? MAX_PARSE_BYTES);
  // No end of headers in the first MAX_HEADER_BYTES: not mail the MIME parser should spend time on.
  if (bytes.length > MAX_HEADER_BYTES && !/\r?\n\r?\n/.test(bytes.subarray(0, MAX_HEADER_BYTES).toString('latin1'))) {
    return readHeadersOnly(bytes, truncated, 'HEADERS_TOO_LARGE');
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = PARSE_TIMEOUT_MS + PARSE_TIMEOUT_MS_PER_MB * Math.floor(bytes.length / (1024 * 1024));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('PARSE_TIMEOUT')), timeoutMs);
    });
    // mailparser is loaded there, not at start-up: most commands never read a message.
    const parsing = parseMime(bytes, PARSER_OPTIONS, options.keepAttachmentBytes ?? KEEP_ATTACHMENT_BYTES);
    // If the timeout wins, a later rejection must not surface as an unhandled one.
    parsing.catch(() => undefined);
    const parsed = await Promise.race([parsing, timeout]);
    return fromParsed(parsed, truncated);
  } catch (err) {
    return readHeadersOnly(
      bytes,
      truncated,
      err instanceof Error && err.message === 'PARSE_TIMEOUT' ? 'PARSE_TIMEOUT' : 'MIME_UNPARSEABLE',
    );
  } finally {
    if (timer) clearTimeout(timer);
  }
}
