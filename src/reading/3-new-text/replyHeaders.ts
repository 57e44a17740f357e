import { ORIGINAL_MESSAGE_MARKER } from '../1-message/htmlToText';
import { isBlank, splitQuote } from '../text/lines';
import {
  ATTRIBUTION_START,
  BEGIN_FORWARD,
  FORWARD_SEPARATOR,
  ORIGINAL_SEPARATOR,
  QUOTING_START,
  RULE_LINE,
  UNKNOWN_SEPARATOR,
  WROTE_END,
  headerField,
  type HeaderField,
} from './headerWords';

/**
 * Lines that introduce quoted or forwarded history: "On … wrote:" in many languages (also
 * wrapped over up to four lines, or typed on after the sender's last sentence), the "Original
 * Message" separators, Outlook's From/Sent/To/Subject block in any field order, and forward
 * markers. A header in a language no list knows is still found by its shape: an address or a
 * date, a colon at the end, and a quote right below it.
 */

export type ReplyHeaderKind = 'attribution' | 'separator' | 'block' | 'forward';

export interface ReplyHeader {
  kind: ReplyHeaderKind;
  /** Lines the header takes, from the line it starts on (a separator and the block under it count as one). */
  span: number;
  /** Text the sender typed before the header on its first line ("See you then. On Tue, … wrote:"). */
  before: string;
  /** Found by its shape, not by a known word. */
  byShape: boolean;
}

const MAX_PART_CHARS = 300;
const MAX_ATTRIBUTION_CHARS = 500;
const MAX_ATTRIBUTION_LINES = 4;
const MAX_BLOCK_LINES = 12;
/** Lines looked past (blank ones) for what follows a header. */
const LOOKAHEAD = 3;

const ADDRESS = /[^\s<>()"'‹›[\]]{1,100}@[^\s<>()"'‹›[\]]{1,100}\.[a-z]{2,24}|mailto:/iu;
const HAS_DATE = /\d{1,2}[:.h]\d{2}(?!\d)|\b(?:19|20)\d{2}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}年/u;
const STARTS_WITH_DATE = /^(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b/u;
const ENDS_WITH_ADDRESS = /[<‹][^<>‹›\s]+@[^<>‹›\s]+[>›]\s*$/u;
/** Lotus Notes: "… wrote on 02/03/2027 09:14:00:". */
const WROTE_ON = /\b(?:wrote|schrieb|a écrit) (?:on|am|le) [\d/.-]{6,10}[ ,]+[\d:.]{4,8}\s*:\s*$/iu;

/** "On 02/03/2027 09:14, Jane Smith sent:" (some webmail). */
const SENT_END = /\bsent\s*:\s*$/iu;

function contentOf(line: string): string {
  return splitQuote(line).content;
}

/** The next non-blank line after `from` (within a few lines), or -1. */
function nextContent(lines: string[], from: number): number {
  for (let k = from; k < lines.length && k < from + LOOKAHEAD + 1; k++) {
    const { content } = splitQuote(lines[k]);
    if (!isBlank(content)) return k;
  }
  return -1;
}

/** Whether a quote (deeper than the header's own depth) or a header block starts right below. */
function quoteOrBlockBelow(lines: string[], from: number, depth: number): boolean {
  const next = nextContent(lines, from);
  if (next < 0) return false;
  return splitQuote(lines[next]).depth > depth || blockSpan(lines, next, false) > 0;
}

interface Found {
  before: string;
  byShape: boolean;
}

/**
 * How a quote header can begin: "On …", a date ("2027-03-02 …", "02.03.2027, …"), a short
 * weekday then a date ("вт, 2 мар. …", "ti 2. maalisk. …"), a name followed closely by its
 * address ("Jane Smith <jane@…> schrieb am …"), or right-to-left script (Hebrew, Arabic).
 */
/** A weekday or a few words, then a number: "вт, 2 мар.", "Вторник, 2 марта", "Ar Mhái, 2 Márta". */
const WEEKDAY_THEN_DATE = /^[\p{L}.,]{1,12}(?:\s+[\p{L}.,]{1,12}){0,2}\s+\d/u;
const NAME_THEN_ADDRESS = /^["'“\p{Lu}][^.!?:;]{0,80}?[<([‹"]?[^\s<>()"‹›]+@/u;
const RIGHT_TO_LEFT = /^[\u0590-\u08FF]/u;

function strongStart(text: string): boolean {
  return (
    ATTRIBUTION_START.test(text) ||
    QUOTING_START.test(text) ||
    /^\d/.test(text) ||
    WEEKDAY_THEN_DATE.test(text) ||
    NAME_THEN_ADDRESS.test(text) ||
    RIGHT_TO_LEFT.test(text)
  );
}

/** Whether `text` (one or more joined lines) is a whole quote header. */
function attributionIn(text: string, lines: string[], after: number, depth: number): Found | null {
  const dated = ADDRESS.test(text) || HAS_DATE.test(text);
  const strong = strongStart(text);
  if (WROTE_END.test(text) || WROTE_ON.test(text)) {
    // "On Monday my consultant wrote:" with no date or address is the sender's sentence unless a quote follows.
    if (dated && strong) return { before: '', byShape: false };
    return text.length <= 300 && quoteOrBlockBelow(lines, after, depth) ? { before: '', byShape: false } : null;
  }
  if (SENT_END.test(text) && ATTRIBUTION_START.test(text) && dated) return { before: '', byShape: false };
  if (QUOTING_START.test(text) && /[:：]\s*$/.test(text))
    return quoteOrBlockBelow(lines, after, depth) ? { before: '', byShape: false } : null;
  if (strong && /[:：]\s*$/.test(text) && (ADDRESS.test(text) || (HAS_DATE.test(text) && /\d{1,2}[:.h]\d{2}/.test(text)))) {
    return quoteOrBlockBelow(lines, after, depth) ? { before: '', byShape: true } : null;
  }
  if (STARTS_WITH_DATE.test(text) && ENDS_WITH_ADDRESS.test(text)) {
    return quoteOrBlockBelow(lines, after, depth) ? { before: '', byShape: true } : null;
  }
  return null;
}

/** Where, in a line, a quote header might start after the sender's own words: after a sentence's end. */
function inlineStarts(line: string): number[] {
  const starts: number[] = [];
  const re = /[.!?)]\s+(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null && starts.length < 10) {
    const at = m.index + m[0].length;
    if (ATTRIBUTION_START.test(line.slice(at))) starts.push(at);
  }
  return starts;
}

/** "On Tue, 3 Mar 2027 at 09:14, Mentoring <" + "m@example.org> wrote:" and the like. */
function attributionSpan(lines: string[], i: number, deferToNext = true): { span: number; found: Found } | null {
  const depth = splitQuote(lines[i]).depth;
  const first = contentOf(lines[i]).trim();
  if (first === '' || first.length > MAX_ATTRIBUTION_CHARS) return null;
  const tryFrom = (start: string): { span: number; found: Found } | null => {
    let joined = start;
    for (let k = 0; k < MAX_ATTRIBUTION_LINES && i + k < lines.length; k++) {
      if (k > 0) {
        const { depth: d, content } = splitQuote(lines[i + k]);
        const part = content.trim();
        if (part === '' || d !== depth || part.length > MAX_PART_CHARS) return null;
        joined = `${joined} ${part}`;
      }
      if (joined.length > MAX_ATTRIBUTION_CHARS) return null;
      const found = attributionIn(joined, lines, i + k + 1, depth);
      if (!found) continue;
      // "Jane" + "On Tue, … wrote:": the header starts on the next line; the name above it is the sender's.
      if (
        k > 0 &&
        deferToNext &&
        !strongStart(start) &&
        strongStart(contentOf(lines[i + 1]).trim()) &&
        attributionSpan(lines, i + 1, false)
      )
        return null;
      return { span: k + 1, found };
    }
    return null;
  };
  const whole = tryFrom(first);
  if (whole && strongStart(first)) return whole;
  // "See you then. On Tue, … wrote:" (HTML replies merged into one line): keep what comes before.
  for (const at of inlineStarts(first)) {
    const rest = tryFrom(first.slice(at));
    if (rest && !rest.found.byShape) return { span: rest.span, found: { before: first.slice(0, at).trim(), byShape: false } };
  }
  return whole;
}

const VALUE_CONTINUATION = /^\s*(?:<[^<>\s]+@[^<>\s]+>|\[mailto:[^\]\s]+\]|mailto:\S+)\s*$/iu;

/**
 * Outlook's From/Sent/To/Subject block (and GMX's, Lotus Notes', Samsung's, in any order and
 * language): how many lines it takes, or 0. After a separator two fields are enough.
 */
export function blockSpan(lines: string[], i: number, afterSeparator: boolean): number {
  if (!headerField(contentOf(lines[i]))) return 0;
  const fields = new Set<HeaderField>();
  let count = 0;
  let end = i;
  let evidence = false;
  for (let k = i; k < lines.length && k < i + MAX_BLOCK_LINES; k++) {
    const content = contentOf(lines[k]);
    if (isBlank(content)) break;
    const field = headerField(content);
    if (field) {
      fields.add(field.field);
      count++;
      end = k + 1;
      if (ADDRESS.test(field.value) || HAS_DATE.test(field.value)) evidence = true;
      continue;
    }
    // "From: Jane Smith" + "<jane@example.org>" on the next line.
    if (count > 0 && VALUE_CONTINUATION.test(content)) {
      evidence = true;
      end = k + 1;
      continue;
    }
    break;
  }
  const others = [...fields].filter((f) => f !== 'from').length;
  // "From: bob@example.com" + "Date: Wed, 16 May 2012 00:15:02 -0600", then the original: two fields, both telling.
  if (count === 2 && fields.has('from') && fields.has('date') && evidence && bothTelling(lines, i, end)) return end - i;
  const enough = afterSeparator
    ? count >= 2 && (fields.has('from') || fields.has('subject'))
    : count >= 3 &&
      (evidence || (count >= 4 && fields.has('subject'))) &&
      (fields.has('from') ? others >= 2 : fields.has('date') && fields.has('to') && fields.has('subject'));
  return enough ? end - i : 0;
}

function bothTelling(lines: string[], from: number, end: number): boolean {
  return lines.slice(from, end).every((l) => {
    const field = headerField(contentOf(l));
    return field !== null && (ADDRESS.test(field.value) || HAS_DATE.test(field.value));
  });
}

/** A header (attribution or block) starting at the first non-blank line after `from`, and where it ends. */
function headerBelow(lines: string[], from: number): number {
  const next = nextContent(lines, from);
  if (next < 0) return -1;
  const block = blockSpan(lines, next, true);
  if (block > 0) return next + block;
  const attribution = attributionSpan(lines, next);
  return attribution ? next + attribution.span : -1;
}

function separatorSpan(lines: string[], i: number): number {
  const content = contentOf(lines[i]);
  if (content.length > 200) return 0;
  const trimmed = content.trim();
  const known = ORIGINAL_SEPARATOR.test(trimmed) || trimmed === ORIGINAL_MESSAGE_MARKER;
  const ruled = /[-=_]{2,}/.test(trimmed);
  if (known && ruled) {
    const end = headerBelow(lines, i + 1);
    return end > 0 ? end - i : 1;
  }
  if (known || UNKNOWN_SEPARATOR.test(trimmed) || RULE_LINE.test(trimmed)) {
    const end = headerBelow(lines, i + 1);
    return end > 0 ? end - i : 0;
  }
  return 0;
}

/** The reply header starting at line i, if there is one. */
export function replyHeaderAt(lines: string[], i: number): ReplyHeader | null {
  const content = contentOf(lines[i]);
  if (content.length > MAX_ATTRIBUTION_CHARS * 2 || isBlank(content)) return null;
  const trimmed = content.trim();
  if (FORWARD_SEPARATOR.test(trimmed) || BEGIN_FORWARD.test(trimmed)) return { kind: 'forward', span: 1, before: '', byShape: false };
  const separator = separatorSpan(lines, i);
  if (separator > 0) return { kind: 'separator', span: separator, before: '', byShape: false };
  const attribution = attributionSpan(lines, i);
  if (attribution) return { kind: 'attribution', span: attribution.span, ...attribution.found };
  const block = blockSpan(lines, i, false);
  if (block > 0) return { kind: 'block', span: block, before: '', byShape: false };
  return null;
}

/** Kept for callers that only need the length: the lines a header at i takes, or 0. */
export function replyHeaderSpan(lines: string[], i: number): number {
  return replyHeaderAt(lines, i)?.span ?? 0;
}
