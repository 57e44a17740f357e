import type { InboundMail } from '../1-message/readMessage';

/** Who could not be reached, and whether the failure is for good (5.x) or for now (4.x). */
export interface BounceDetails {
  recipients: string[];
  /** Enhanced status code such as "5.1.1", or null if none was given. */
  status: string | null;
  permanent: boolean;
}

const MAX_SCAN_CHARS = 100_000;
const ADDRESS = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}/gi;
const STATUS_CODE = /(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/;
const TRANSIENT_WORDING =
  /\b(?:delayed\b|delay(?=\))|temporar(?:y|ily)\b|will (?:continue|retry|keep trying)\b|still trying\b|not yet been delivered\b)/i;

function dsnFields(report: string): { recipients: string[]; statuses: string[]; actions: string[] } {
  const recipients: string[] = [];
  const statuses: string[] = [];
  const actions: string[] = [];
  const unfolded = report.slice(0, MAX_SCAN_CHARS).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const field = /^([A-Za-z-]{1,40}):\s*(.{0,1000})$/.exec(line);
    if (!field) continue;
    const name = field[1].toLowerCase();
    const value = field[2].trim();
    if (name === 'final-recipient' || (name === 'original-recipient' && recipients.length === 0)) {
      // "rfc822; user@example.org"
      const address = value
        .replace(/^[^;]*;\s*/, '')
        .replace(/^<|>$/g, '')
        .trim()
        .toLowerCase();
      if (address.includes('@') && name === 'final-recipient') recipients.push(address);
    } else if (name === 'status') {
      const code = /^([245])\.\d{1,3}\.\d{1,3}/.exec(value);
      if (code) statuses.push(code[0]);
    } else if (name === 'action') {
      actions.push(value.toLowerCase());
    }
  }
  if (recipients.length === 0) {
    for (const line of unfolded.split(/\r?\n/)) {
      const original = /^original-recipient:\s*(?:[^;]*;)?\s*<?([^\s<>]+@[^\s<>]+)>?/i.exec(line.slice(0, 500));
      if (original) recipients.push(original[1].toLowerCase());
    }
  }
  return { recipients: [...new Set(recipients)], statuses, actions };
}

/**
 * Failed addresses in a classic (non-RFC 3464) bounce: Postfix "<a@b>: host said", Exim's
 * indented list after "failed:", qmail's "<a@b>:", Exchange's "Delivery has failed to these recipients".
 */
function classicRecipients(text: string, exclude: Set<string>): string[] {
  const found: string[] = [];
  const lines = text.slice(0, MAX_SCAN_CHARS).split(/\r?\n/, 2000);
  let afterFailureIntro = false;
  for (const raw of lines) {
    const line = raw.slice(0, 500);
    if (/^\s*(?:-{2,}.*)?(?:original message|received:|return-path:|content-type:)/i.test(line)) break;
    if (
      /(?:following address(?:es|\(es\))?|could not be delivered to|delivery (?:has )?failed to|couldn't be delivered to|was not delivered to|undeliverable to|permanent(?:ly)? (?:error|fatal)|failed recipient)/i.test(
        line,
      )
    ) {
      afterFailureIntro = true;
    }
    const angled = /^\s*<([^\s<>]+@[^\s<>]+)>\s*:?/.exec(line);
    const bare = /^\s{0,8}([^\s<>():,;]+@[^\s<>():,;]+\.[a-z]{2,24})\s*(?:\(|$|:)/i.exec(line);
    const candidate = angled?.[1] ?? (afterFailureIntro ? bare?.[1] : undefined);
    if (candidate) found.push(candidate.toLowerCase().replace(/[.>]+$/, ''));
  }
  return [...new Set(found)].filter((a) => !exclude.has(a));
}

/** The To of the returned original message, when the bounce only quotes it. */
function originalTo(text: string): string[] {
  const m = /^To:\s*(.{1,500})$/im.exec(text.slice(0, MAX_SCAN_CHARS));
  return m ? [...new Set((m[1].match(ADDRESS) ?? []).map((a) => a.toLowerCase()))] : [];
}

/** Reads the failed recipients and status from a DSN report part or a classic bounce body. */
export function readBounce(mail: InboundMail, bodyText: string): BounceDetails {
  const reportParts = mail.attachments
    .filter((a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status')
    .map((a) => a.content.subarray(0, MAX_SCAN_CHARS).toString('utf8'));
  const fields = dsnFields(reportParts.join('\n\n') || bodyText);
  const ownAddresses = new Set([mail.from ?? '', ...mail.recipients]);

  let recipients = fields.recipients;
  if (recipients.length === 0) recipients = classicRecipients(bodyText, ownAddresses);
  if (recipients.length === 0) {
    const returned = mail.attachments
      .filter((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers')
      .map((a) => a.content.subarray(0, MAX_SCAN_CHARS).toString('utf8'))
      .join('\n');
    recipients = originalTo(returned || bodyText).filter((a) => !ownAddresses.has(a));
  }

  const textStatus = STATUS_CODE.exec(bodyText.slice(0, MAX_SCAN_CHARS));
  const status =
    fields.statuses.find((s) => s.startsWith('5')) ??
    fields.statuses[0] ??
    (textStatus ? `${textStatus[1]}.${textStatus[2]}.${textStatus[3]}` : null);
  let permanent: boolean;
  if (status) permanent = status.startsWith('5');
  else if (fields.actions.length > 0) permanent = fields.actions.some((a) => a.startsWith('failed'));
  else permanent = !TRANSIENT_WORDING.test(`${mail.subject}\n${bodyText.slice(0, 5000)}`);
  return { recipients, status, permanent };
}
