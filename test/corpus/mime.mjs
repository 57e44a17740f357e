/**
 * The MIME mechanics the corpus builder needs: header folding, quoted-printable and base64
 * bodies, multipart trees. Written out by hand (rather than with nodemailer's composer) so each
 * client's own boundary style, header order and encoding choices can be reproduced as they are.
 */
import crypto from 'node:crypto';

/** A deterministic stream of hex per case, so rebuilding the corpus gives the same bytes. */
export function seeded(seed) {
  let counter = 0;
  return (length) => {
    let out = '';
    while (out.length < length) out += crypto.createHash('sha256').update(`${seed}:${counter++}`).digest('hex');
    return out.slice(0, length);
  };
}

/** RFC 2047 encoded word for a display name or subject with non-ASCII characters. */
export function encodedWord(text, encoding = 'B') {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  if (encoding === 'Q') {
    const q = Buffer.from(text, 'utf8')
      .toString('binary')
      .replace(/[^A-Za-z0-9!*+\-/ ]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
      .replace(/ /g, '_');
    return `=?UTF-8?Q?${q}?=`;
  }
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** "Name <address>" with the name quoted or encoded as a client would write it. */
export function mailbox(name, address, { quote = 'auto' } = {}) {
  if (!name) return address;
  const encoded = encodedWord(name);
  if (encoded !== name) return `${encoded} <${address}>`;
  const needsQuotes = quote === 'always' || /[,.;:@()<>[\]"]/.test(name);
  return `${needsQuotes ? `"${name.replace(/"/g, '\\"')}"` : name} <${address}>`;
}

/** Folds a header at spaces so no line passes 78 characters. */
export function foldHeader(name, value) {
  const words = `${name}: ${value}`.split(' ');
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > 78) {
      lines.push(line);
      line = ` ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** Quoted-printable (RFC 2045) with soft breaks at 76 characters. */
export function quotedPrintable(text) {
  const bytes = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
  const out = [];
  let line = '';
  const push = (chunk) => {
    if (line.length + chunk.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += chunk;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      // Trailing whitespace before a hard break must be encoded.
      if (/[ \t]$/.test(line)) line = line.slice(0, -1) + (line.endsWith(' ') ? '=20' : '=09');
      out.push(line);
      line = '';
      i++;
      continue;
    }
    const safe = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9;
    push(safe ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  if (line !== '') out.push(/[ \t]$/.test(line) ? line.slice(0, -1) + (line.endsWith(' ') ? '=20' : '=09') : line);
  return out.join('\r\n');
}

export function base64Body(text, lineLength = 76) {
  const b64 = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  return b64.match(new RegExp(`.{1,${lineLength}}`, 'g')).join('\r\n');
}

function encodeBody(body, encoding) {
  if (encoding === 'quoted-printable') return quotedPrintable(body);
  if (encoding === 'base64') return base64Body(body);
  return body.replace(/\r?\n/g, '\r\n');
}

/**
 * A leaf part: { type, charset, encoding, body, params, disposition, headers }.
 * Header lines come back without the trailing blank line.
 */
export function leaf({
  type,
  charset = 'utf-8',
  encoding = '7bit',
  body,
  params = '',
  disposition,
  extraHeaders = [],
  order = 'type-first',
}) {
  const contentType = `Content-Type: ${type}${charset ? `; charset="${charset}"` : ''}${params}`;
  const cte = `Content-Transfer-Encoding: ${encoding}`;
  const headers = order === 'type-first' ? [contentType, cte] : [cte, contentType];
  if (disposition) headers.push(`Content-Disposition: ${disposition}`);
  headers.push(...extraHeaders);
  return { headers, body: encodeBody(body, encoding) };
}

/** A multipart part; `parts` are leaf() or multipart() results. */
export function multipart(subtype, boundary, parts, { preamble = '', extraParams = '' } = {}) {
  const headers = [`Content-Type: multipart/${subtype};${extraParams} boundary="${boundary}"`];
  const lines = [];
  if (preamble) lines.push(preamble, '');
  for (const part of parts) {
    lines.push(`--${boundary}`, ...part.headers, '', part.body);
  }
  lines.push(`--${boundary}--`, '');
  return { headers, body: lines.join('\r\n') };
}

/** Top-level headers (an array of [name, value] or raw strings) + a part → the raw message. */
export function message(headerList, part, { mimeVersion = 'MIME-Version: 1.0', mimeFirst = false } = {}) {
  const lines = [];
  const raw = headerList.filter((h) => h !== null && h !== undefined).map((h) => (Array.isArray(h) ? foldHeader(h[0], h[1]) : h));
  if (mimeFirst && mimeVersion) lines.push(mimeVersion);
  lines.push(...raw);
  if (!mimeFirst && mimeVersion) lines.push(mimeVersion);
  lines.push(...part.headers);
  return `${lines.join('\r\n')}\r\n\r\n${part.body}${part.body.endsWith('\r\n') ? '' : '\r\n'}`;
}

export function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
