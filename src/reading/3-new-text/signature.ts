import { isBlank, normaliseWords } from '../text/lines';
import { CLOSING, DISCLAIMER, DISCLAIMER_HEADING, EXTERNAL_BANNER, JOB_OR_PLACE, MOBILE, WEAK_CLOSING } from './signatureWords';

/**
 * What people put after their text. The sign-off ("Best wishes, Priya", "Mit freundlichen
 * Grüßen") is the person's own voice and stays in conversation; the answers stage leaves it
 * out. Signature blocks (after "-- ", a name with job title, phone or address), device footers
 * ("Sent from my iPhone"), legal disclaimers and external-mail banners always go. Each is
 * recognised line by line or paragraph by paragraph, never across the whole text.
 */

const MAX_SIGNATURE_LINE = 90;
const MAX_SIGNOFF_LINES = 4;
const MAX_BLOCK_LINES = 8;
const MAX_TRAILING_PASSES = 4;

const DELIMITER = /^(?:--|-- |—|__)\s*$/;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.?|x{1,3}|\p{Extended_Pictographic}+|:\)|:-\))$/u;
const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|prof|professor|dott|dra|sr|sra)\.?$/i;

const BULLET = /^\s*(?:[-*•·◦▪‣+–—]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s)/i;
const PHONE =
  /\b(?:tel|telephone|phone|mob|mobile|cell|bleep|ext|extension|fax|pager|switchboard|[tmp])\b\.?\s*[:.]?\s*[+(]?\d|\+?\d[\d ()\-.]{8,20}\d/i;
const EMAIL_OR_URL = /[^\s@]+@[^\s@]+\.[a-z]{2,}|\b(?:https?:\/\/|www\.)\S+/i;

export function isSignatureDelimiter(line: string): boolean {
  return DELIMITER.test(line);
}

/** "Sent from my iPhone", not "Sent from my desk, which is easier than my phone.": a footer has no clause after a comma. */
export function isMobileSignature(line: string): boolean {
  return line.length < 120 && MOBILE.test(line) && !/,\s/.test(line);
}

export function isDisclaimer(line: string): boolean {
  return DISCLAIMER_HEADING.test(line.slice(0, 200)) || DISCLAIMER.test(line.slice(0, 600));
}

export function isExternalBanner(line: string): boolean {
  return line.length < 300 && EXTERNAL_BANNER.test(line);
}

export function isGreeting(line: string): boolean {
  const t = line.trim();
  return (
    t.length <= 60 &&
    /^(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|morning|hallo|liebe[rs]?|bonjour|hola|beste|ciao)\b[^.?!]{0,50}[,!:.]?$/i.test(
      t,
    )
  );
}

/** The sender's name as they might sign: full name, first name, initials. */
export function signatureNames(displayName: string | null): Set<string> {
  const names = new Set<string>();
  if (!displayName) return names;
  let name = displayName.replace(/\(.*?\)|\[.*?\]/g, ' ');
  if (/^[^,]+,\s*[^,]+$/.test(name)) name = name.replace(/^([^,]+),\s*(.+)$/, '$2 $1');
  const words = normaliseWords(name)
    .split(' ')
    .filter((w) => w && !['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor'].includes(w));
  if (words.length === 0) return names;
  names.add(words.join(' '));
  names.add(words[0]);
  if (words.length > 1) {
    names.add(`${words[0]} ${words[words.length - 1]}`);
    names.add(words.map((w) => w[0]).join(''));
  }
  return names;
}

/** A line with its sign-off dressing taken off: "*Jane*", "-- David", "Fiona x". */
function bareName(line: string): string {
  return line
    .trim()
    .replace(/^[-–—~]+\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+x+$/i, '')
    .trim();
}

function isSenderName(line: string, names: Set<string>): boolean {
  const n = normaliseWords(bareName(line));
  return n !== '' && (names.has(n) || names.has(n.replace(/^dr /, '')));
}

/** Up to four capitalised words (or initials, kisses, an emoji): how people sign with their name. */
function nameLike(line: string): boolean {
  const tokens = bareName(line).replace(/[,.]$/, '').split(/\s+/);
  return (
    line.trim().length <= 40 &&
    tokens.length >= 1 &&
    tokens.length <= 4 &&
    tokens.every((tok) => NAME_TOKEN.test(tok) || HONORIFIC.test(tok)) &&
    !CLOSING.test(bareName(line))
  );
}

export function isClosing(line: string, names: Set<string>): boolean {
  const t = bareName(line);
  if (t.length > 60) return false;
  const m = CLOSING.exec(t);
  if (!m) return false;
  const tail = t
    .slice(m[0].length)
    .replace(/^[\s,.!:;\-–—]+/, '')
    .replace(/[\s,.!]+$/, '');
  if (tail === '') return !WEAK_CLOSING.test(m[0]) || /^[\p{L} ]+[,.!]?$/u.test(t);
  // "Many thanks in advance," / "Thanks again for everything,": a short closing phrase ending in a comma.
  if (t.length <= 40 && t.endsWith(',') && !WEAK_CLOSING.test(m[0])) return true;
  if (isSenderName(tail, names)) return true;
  const tokens = tail.split(/\s+/);
  return tokens.length <= 3 && tokens.every((tok) => NAME_TOKEN.test(tok));
}

/** A row of stars, dashes, underscores or equals signs that sets off a signature or disclaimer. */
export function isRule(line: string): boolean {
  return /^\s*([*=_~#-])\1{4,}\s*$/.test(line.slice(0, 400));
}

function signatureLike(line: string): boolean {
  return isBlank(line) || isRule(line) || (line.trim().length <= MAX_SIGNATURE_LINE && !BULLET.test(line));
}

function isContactLine(line: string): boolean {
  const t = line.slice(0, 120);
  return PHONE.test(t) || EMAIL_OR_URL.test(t);
}

/** A line that is only a labelled number, an address or a link ("Mob: 07700 900123"), not a sentence with one in it. */
function isContactOnlyLine(line: string): boolean {
  const t = line.trim().slice(0, 120);
  return (
    /^(?:(?:tel|telephone|phone|mob|mobile|cell|bleep|ext|extension|fax|pager|switchboard|email|e-mail|web|[tmpew])\b\.?\s*[:.]?\s*)?[+(]?\d[\d ()\-./|a-z:]*$/i.test(
      t,
    ) || /^(?:(?:email|e-mail|e|web|w)\s*[:.]?\s*)?(?:[^\s@]+@[^\s@]+\.[a-z]{2,}|(?:https?:\/\/|www\.)\S+)$/i.test(t)
  );
}

/** "Dr Jane Smith | Consultant | Freeman Hospital | 0191 …" */
function isPipedSignatureLine(line: string): boolean {
  return line.split('|').length >= 3 && (isContactLine(line) || JOB_OR_PLACE.test(line));
}

function titleOrContact(line: string): boolean {
  return isContactLine(line) || isContactOnlyLine(line) || JOB_OR_PLACE.test(line) || isPipedSignatureLine(line);
}

/** A paragraph that is a signature block: a name with job title, place, phone or address; or contact lines alone. */
function isSignatureBlock(block: string[], names: Set<string>): boolean {
  if (block.length === 0 || block.length > MAX_BLOCK_LINES || !block.every(signatureLike)) return false;
  if (block.length === 1) return isPipedSignatureLine(block[0]) || isContactOnlyLine(block[0]);
  if (block.every(isContactOnlyLine)) return true;
  const rest = block.slice(1);
  const contact = block.some(isContactLine);
  const titled = rest.filter((l) => JOB_OR_PLACE.test(l)).length;
  const named = isSenderName(block[0], names) || nameLike(block[0]) || JOB_OR_PLACE.test(block[0]);
  if (named && contact) return true;
  if (contact && titled >= 1) return true;
  return named && (titled >= 2 || (titled >= 1 && isSenderName(block[0], names) && !/^\p{Ll}/u.test(block[0].trim())));
}

export interface RunCleanup {
  /** The run without banners, device footers, disclaimers and signature blocks; the sign-off is still in it. */
  kept: string[];
  /** Where the sign-off starts in `kept` (kept.length when there is none): answers end there. */
  signoffFrom: number;
  signature: number;
  signoff: number;
  disclaimer: number;
}

function countNonBlank(lines: string[]): number {
  return lines.filter((l) => !isBlank(l)).length;
}

const isBreak = (line: string): boolean => isBlank(line) || isRule(line);

/** The start of the last paragraph before `end` (blank lines and rules separate paragraphs). */
function paragraphStart(lines: string[], end: number): number {
  let start = end;
  while (start > 0 && !isBreak(lines[start - 1])) start--;
  return start;
}

function trimTrailingBreaks(lines: string[], end: number): number {
  while (end > 0 && isBreak(lines[end - 1])) end--;
  return end;
}

/** Where a sign-off ("Thanks,", "Best wishes, Priya", the sender's name alone) starts the tail, or -1. */
function signOffStart(lines: string[], end: number, names: Set<string>): number {
  let found = -1;
  let seen = 0;
  let closingSeen = false;
  for (let j = end - 1; j >= 0 && seen < MAX_SIGNOFF_LINES; j--) {
    if (isBlank(lines[j])) continue;
    seen++;
    if (!signatureLike(lines[j])) break;
    if (isClosing(lines[j], names)) {
      found = j;
      closingSeen = true;
      continue;
    }
    if (closingSeen) break;
    if (isSenderName(lines[j], names) && lines[j].trim().length <= 40) {
      found = j;
      continue;
    }
    // A name (or "x") below a closing further up: keep looking for the closing.
    if (!nameLike(lines[j])) break;
  }
  return found;
}

/**
 * Cleans one run of the sender's own lines. Delimiters, device footers, disclaimers and banners
 * are removed anywhere; signature blocks and the sign-off only at the end of the sender's text
 * (`trailing`), where they cannot be part of an answer.
 */
export function cleanRun(lines: string[], options: { senderNames: Set<string>; trailing: boolean }): RunCleanup {
  const result: RunCleanup = { kept: [], signoffFrom: 0, signature: 0, signoff: 0, disclaimer: 0 };
  const withoutBanners: string[] = [];
  for (const line of lines) {
    if (isExternalBanner(line)) result.disclaimer++;
    else withoutBanners.push(line);
  }

  let cut = withoutBanners.length;
  for (let i = 0; i < withoutBanners.length; i++) {
    const line = withoutBanners[i];
    if (isSignatureDelimiter(line) || isMobileSignature(line) || isDisclaimer(line)) {
      cut = i;
      break;
    }
  }
  // Lines from a disclaimer on (with any rule drawn above it) count as disclaimer; before it, as signature.
  let disclaimerFrom = withoutBanners.length;
  for (let i = cut; i < withoutBanners.length; i++) {
    if (isDisclaimer(withoutBanners[i])) {
      disclaimerFrom = i;
      break;
    }
  }
  for (let i = Math.min(cut, disclaimerFrom) - 1; i >= 0 && isBreak(withoutBanners[i]); i--) {
    if (isRule(withoutBanners[i])) cut = Math.min(cut, i);
  }
  withoutBanners.forEach((line, i) => {
    if (i < cut || isBlank(line) || isRule(line)) return;
    if (i >= disclaimerFrom) result.disclaimer++;
    else result.signature++;
  });

  let end = trimTrailingBreaks(withoutBanners, cut);
  if (options.trailing) {
    for (let pass = 0; pass < MAX_TRAILING_PASSES && end > 0; pass++) {
      const start = paragraphStart(withoutBanners, end);
      const block = withoutBanners.slice(start, end);
      // "Med vänlig hälsning" + "Erik Lindqvist" + "ST2 Anaesthetics" + address: the closing and name stay.
      const closing = block.findIndex((l) => isClosing(l, options.senderNames));
      if (closing >= 0) {
        let from = closing + 1;
        while (from < block.length && from <= closing + 2 && (nameLike(block[from]) || isSenderName(block[from], options.senderNames)))
          from++;
        const tail = block.slice(from);
        if (tail.length > 0 && tail.every(titleOrContact)) {
          result.signature += countNonBlank(tail);
          end = start + from;
          continue;
        }
        break;
      }
      if (start > 0 && isSignatureBlock(block, options.senderNames)) {
        result.signature += countNonBlank(block);
        end = trimTrailingBreaks(withoutBanners, start);
        continue;
      }
      break;
    }
  }
  result.kept = withoutBanners.slice(0, end);
  result.signoffFrom = result.kept.length;
  if (options.trailing) {
    const signOff = signOffStart(result.kept, result.kept.length, options.senderNames);
    if (signOff >= 0) {
      result.signoffFrom = signOff;
      result.signoff = countNonBlank(result.kept.slice(signOff));
    }
  }
  return result;
}

/**
 * "OK but busy. Sorry, will do the rest later - on call. Tom": the sender's name typed on after
 * their last sentence is a sign-off, not part of the answer.
 */
export function withoutTrailingName(line: string, names: Set<string>): string {
  const m = /^(.*[.!?)])\s+(?:[-–—]\s*)?([\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*)?)(?:\s+x+)?\s*[.!]?\s*$/u.exec(line);
  if (!m || !isSenderName(m[2], names)) return line;
  return m[1];
}
