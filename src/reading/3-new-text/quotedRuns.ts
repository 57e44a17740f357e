import { isBlank, splitQuote } from '../text/lines';
import { isClosing, isRule, isSignatureDelimiter } from './signature';

/**
 * The sender's lines between `>` quotes: whether a run is really the end of a quoted line that
 * a mail client wrapped without its ">" (a long sentence, a link), and which quoted line a run
 * answers, to show it under in reply_text.
 */

/** A quoted line this long that stops mid-sentence was probably wrapped by the mailer. */
const WRAP_MIN_CHARS = 50;
const MAX_WRAPPED_LINES = 2;
const NUMBERED_HEADING = /^\s*(?:\d{1,2}[.)]|q\d{1,2}\b)\s*\S/i;
const SENTENCE_END = /[.!?:;"'”’)\]]$/u;
/** A link cut in the middle: "https://…/training/", "<https://…", "…?id=". */
const OPEN_LINK = /(?:https?:\/\/|www\.|<)\S*$|[/=&?-]$/iu;
const LINK_CONTINUATION = /^[\w.~%#?=&/+-]+[>)]?(?:\s|$)/u;

function quotedContent(line: string | undefined): string | null {
  if (line === undefined) return null;
  const { depth, content } = splitQuote(line);
  return depth > 0 && !isBlank(content) ? content.trim() : null;
}

/**
 * Whether the unquoted lines [start, end) continue the quoted line right above them: that line
 * stops mid-sentence (long, or inside a link), the run is short, starts as a continuation, and a
 * quote resumes right after it.
 */
export function isWrappedQuote(lines: string[], start: number, end: number): boolean {
  if (end - start > MAX_WRAPPED_LINES || lines.slice(start, end).some(isBlank)) return false;
  const above = quotedContent(lines[start - 1]);
  if (above === null || SENTENCE_END.test(above)) return false;
  const below = lines[end] === undefined ? null : splitQuote(lines[end]);
  if (!below || below.depth === 0) return false;
  const first = lines[start].trim();
  const linkCut = OPEN_LINK.test(above) && LINK_CONTINUATION.test(first);
  const sentenceCut = above.length >= WRAP_MIN_CHARS && /^\p{Ll}/u.test(first);
  return linkCut || sentenceCut;
}

/**
 * The quoted line an own run answers: the nearest numbered heading above it, else the nearest
 * quoted line that says something (not a sign-off, a name, or the footer below a "--").
 */
export function quotedContext(lines: string[], runStart: number, stopAt: number, names: Set<string>): string | null {
  let nearest: string | null = null;
  for (let i = runStart - 1; i >= stopAt; i--) {
    const content = quotedContent(lines[i]);
    if (content === null) continue;
    if (isSignatureDelimiter(content)) {
      // What we saw so far was the footer under the quoted message's signature delimiter.
      nearest = null;
      continue;
    }
    if (NUMBERED_HEADING.test(content)) return content;
    if (nearest === null && !isClosing(content, names) && !isSignOffName(content)) nearest = content;
  }
  return nearest;
}

function isSignOffName(line: string): boolean {
  const tokens = line.replace(/[,.!]$/, '').split(/\s+/);
  return line.length <= 30 && tokens.length <= 3 && tokens.every((t) => /^\p{Lu}[\p{L}'’.-]*$|^x+$/u.test(t));
}

/**
 * The last quoted line after `from` that says something: not blank, and not in the footer a
 * quoted message ends with (its signature after "--", a mailing list's footer after a rule).
 */
export function lastSubstantiveQuote(lines: string[], from: number): number {
  let last = -1;
  let inFooter = false;
  for (let i = from; i < lines.length; i++) {
    const { depth, content } = splitQuote(lines[i]);
    if (depth === 0) {
      if (!isBlank(lines[i])) inFooter = false;
      continue;
    }
    if (isBlank(content)) continue;
    if (isSignatureDelimiter(content.trim()) || isRule(content)) inFooter = true;
    else if (!inFooter) last = i;
  }
  return last;
}
