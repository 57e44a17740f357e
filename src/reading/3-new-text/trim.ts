import type { InboundMail } from '../1-message/readMessage';
import { bodyText } from '../1-message/htmlToText';
import { isBlank, joinLines, normaliseWords, splitQuote, toLines } from '../text/lines';
import { FORWARD_SUBJECT } from './headerWords';
import { replyHeaderAt, type ReplyHeader } from './replyHeaders';
import {
  cleanRun,
  isDisclaimer,
  isExternalBanner,
  isMobileSignature,
  isSignatureDelimiter,
  signatureNames,
  withoutTrailingName,
} from './signature';
import { isWrappedQuote, lastSubstantiveQuote, quotedContext } from './quotedRuns';

/** Non-blank lines each kind of trimming removed (sign-off lines: recognised, kept in the text, left out of answers); counts only, never the text. */
export interface RemovedCounts {
  quoted: number;
  signature: number;
  signoff: number;
  disclaimer: number;
}

/**
 * How the history below the new text marks the original:
 * 'quoted': with `>` (so unquoted lines in it are the sender's, typed between quotes);
 * 'unmarked': not at all (Outlook), so the sender's lines can only be told by what they are;
 * 'forwarded': a forwarded message, which is content, not history;
 * 'none': there is no history.
 */
export type HistoryStyle = 'none' | 'quoted' | 'unmarked' | 'forwarded';

export interface TrimmedReply {
  /**
   * The sender's new text, as relayed in conversation: the part above the history (sign-off
   * kept, signature blocks gone), lines typed between `>` quotes (each under the quoted line
   * it answers), and a forwarded message in full.
   */
  text: string;
  removed: RemovedCounts;
  /** The new text above the history for the answers stage: sign-off and signature left out. */
  top: string;
  /** From the first quote or reply header on, reply headers, signatures and disclaimers removed, `>` kept. Older history inside an unmarked one is `>`-quoted here. */
  history: string;
  historyStyle: HistoryStyle;
  /** Trimming could not tell the sender's words from history or signature for sure, so it kept more. */
  uncertain: boolean;
}

export interface TrimOptions {
  /** The sender's display name, to recognise it as a signature. */
  senderName?: string | null;
  /**
   * The text of the message being replied to, when known (the worker stores what it sent).
   * With it, lines typed into an unmarked (Outlook) original are told apart and kept.
   */
  originalText?: string | null;
  /** The message's subject: "Fwd:" says a From/Sent block below the text is a forward, not a reply. */
  subject?: string;
  /** Whether a text is (from) one of the scheme's own emails, so an unmarked original is never taken for new text. */
  isOurText?: (text: string) => boolean;
}

/** Lines shorter than this must match an original line exactly; longer ones may be a re-wrapped part of one. */
const MIN_WORDS_FOR_PARTIAL_MATCH = 4;

/** Which lines of an unmarked history the sender typed: those that are not in the original. */
function typedIntoOriginal(region: string[], originalText: string): Set<number> {
  const originalLines = toLines(originalText)
    .map(normaliseWords)
    .filter((l) => l !== '');
  const exact = new Set(originalLines);
  const joined = ` ${originalLines.join(' ')} `;
  const typed = new Set<number>();
  region.forEach((line, i) => {
    const words = normaliseWords(line);
    if (words === '' || exact.has(words)) return;
    if (words.split(' ').length >= MIN_WORDS_FOR_PARTIAL_MATCH && joined.includes(` ${words} `)) return;
    typed.add(i);
  });
  return typed;
}

const NUMBERED_HEADING = /^\s*(?:\d{1,2}[.)]|q\d{1,2}\b)\s*\S/i;

function emptyCounts(): RemovedCounts {
  return { quoted: 0, signature: 0, signoff: 0, disclaimer: 0 };
}

function addCounts(into: RemovedCounts, from: { signature: number; signoff: number; disclaimer: number }): void {
  into.signature += from.signature;
  into.signoff += from.signoff;
  into.disclaimer += from.disclaimer;
}

interface Boundary {
  /** First line of the history (or of the forwarded message). */
  start: number;
  header: ReplyHeader | null;
  forwarded: boolean;
}

function findBoundary(lines: string[], subject: string): Boundary {
  const forwardSubject = FORWARD_SUBJECT.test(subject);
  for (let i = 0; i < lines.length; i++) {
    if (splitQuote(lines[i]).depth > 0) return { start: i, header: null, forwarded: false };
    const header = replyHeaderAt(lines, i);
    if (!header) continue;
    // Outlook forwards with the same From/Sent block as a reply; the subject tells them apart.
    const forwarded = header.kind === 'forward' || (forwardSubject && (header.kind === 'block' || header.kind === 'separator'));
    return { start: i, header, forwarded };
  }
  return { start: lines.length, header: null, forwarded: false };
}

/** Reply header lines inside the history, by index, so they can be dropped. */
function headerLineSet(lines: string[], from: number): { headers: Set<number>; firstHeaderEnd: number } {
  const headers = new Set<number>();
  let firstHeaderEnd = -1;
  for (let i = from; i < lines.length; i++) {
    if (splitQuote(lines[i]).depth > 0) continue;
    const header = replyHeaderAt(lines, i);
    if (header) {
      for (let k = i; k < i + header.span; k++) headers.add(k);
      if (firstHeaderEnd < 0) firstHeaderEnd = i + header.span;
      i += header.span - 1;
    }
  }
  return { headers, firstHeaderEnd };
}

/**
 * The first line of the history after its header says how the original is marked: clients that
 * quote with ">" quote it from the first line; Outlook puts it unmarked right below its block
 * (even when the original itself contains quotes further down).
 */
function styleOf(lines: string[], from: number, headers: Set<number>): HistoryStyle {
  for (let i = from; i < lines.length; i++) {
    if (headers.has(i) || isBlank(lines[i])) continue;
    const { depth, content } = splitQuote(lines[i]);
    if (depth > 0 && isBlank(content)) continue;
    return depth > 0 ? 'quoted' : 'unmarked';
  }
  return 'none';
}

interface HistoryResult {
  historyLines: string[];
  ownText: string[];
  /** The unmarked original as the sender's text, when nothing was written above it (kept, not trusted). */
  fallback: string[];
  uncertain: boolean;
}

interface Run {
  start: number;
  end: number;
}

/** `>`-quoted history: quoted lines stay in the history; the sender's lines between them are cleaned and kept. */
function trimQuotedHistory(
  lines: string[],
  start: number,
  headers: Set<number>,
  names: Set<string>,
  removed: RemovedCounts,
): HistoryResult {
  const runs: Run[] = [];
  const wrapped = new Set<number>();
  for (let i = start; i < lines.length; i++) {
    if (headers.has(i) || splitQuote(lines[i]).depth > 0 || isBlank(lines[i])) continue;
    const runStart = i;
    while (i + 1 < lines.length && !headers.has(i + 1) && splitQuote(lines[i + 1]).depth === 0) i++;
    const run = { start: runStart, end: i + 1 };
    // A quoted line the sender's client wrapped, leaving its end without a ">".
    if (isWrappedQuote(lines, run.start, run.end)) for (let k = run.start; k < run.end; k++) wrapped.add(k);
    else runs.push(run);
  }
  const lastQuoted = lastSubstantiveQuote(lines, start);
  // Bottom-posting (one run below the whole quote, maybe a greeting above it) needs no "> context" line.
  const interleaved = runs.length >= 2 || (runs.length === 1 && runs[0].start < lastQuoted);

  const runAt = new Map<number, { end: number; kept: string[]; answerLines: string[]; onlySignOff: boolean }>();
  runs.forEach((run, index) => {
    const cleaned = cleanRun(lines.slice(run.start, run.end), { senderNames: names, trailing: index === runs.length - 1 });
    addCounts(removed, cleaned);
    runAt.set(run.start, {
      end: run.end,
      kept: cleaned.kept,
      answerLines: cleaned.kept.slice(0, cleaned.signoffFrom),
      onlySignOff: cleaned.signoffFrom === 0,
    });
  });

  const historyLines: string[] = [];
  const ownText: string[] = [];
  let previousRunEnd = start;
  for (let i = start; i < lines.length; i++) {
    if (headers.has(i)) {
      if (!isBlank(lines[i])) removed.quoted++;
      continue;
    }
    if (wrapped.has(i)) {
      removed.quoted++;
      historyLines.push(`> ${lines[i]}`);
      continue;
    }
    const run = runAt.get(i);
    if (run) {
      const { kept } = run;
      if (kept.some((l) => !isBlank(l))) {
        // A sign-off alone below the quote answers nothing: it is shown without a quoted line above it.
        const context = interleaved && !run.onlySignOff ? quotedContext(lines, i, previousRunEnd, names) : null;
        if (context) ownText.push('', `> ${context}`);
        else if (ownText.length > 0) ownText.push('');
        ownText.push(...kept);
      }
      historyLines.push(...run.answerLines);
      previousRunEnd = run.end;
      i = run.end - 1;
      continue;
    }
    if (splitQuote(lines[i]).depth > 0 && !isBlank(splitQuote(lines[i]).content)) removed.quoted++;
    historyLines.push(lines[i]);
  }
  return { historyLines, ownText, fallback: [], uncertain: false };
}

/**
 * Unmarked history (Outlook): the original follows its From/Sent block unquoted, maybe with the
 * sender's answers typed into it. It is kept for the answer parser, which knows the questionnaire's
 * own wording; anything after a second reply header is older history and is `>`-quoted.
 */
function trimUnmarkedHistory(
  lines: string[],
  start: number,
  headers: Set<number>,
  firstHeaderEnd: number,
  names: Set<string>,
  removed: RemovedCounts,
  originalText: string | null,
): HistoryResult {
  let olderFrom = lines.length;
  for (let i = Math.max(start, firstHeaderEnd); i < lines.length; i++) {
    if (headers.has(i)) {
      olderFrom = i;
      break;
    }
  }
  const region: string[] = [];
  for (let i = start; i < olderFrom; i++) {
    if (headers.has(i)) {
      if (!isBlank(lines[i])) removed.quoted++;
      continue;
    }
    region.push(lines[i]);
  }
  const cleaned = cleanRun(region, { senderNames: names, trailing: true });
  addCounts(removed, cleaned);
  const ownText: string[] = [];
  if (originalText) {
    const typed = typedIntoOriginal(cleaned.kept, originalText);
    // Original lines since the last typed one: the context a typed run is shown under.
    let sinceTyped: string[] = [];
    cleaned.kept.forEach((line, i) => {
      if (!typed.has(i)) {
        if (!isBlank(line)) sinceTyped.push(line.trim());
        return;
      }
      if (sinceTyped.length > 0) {
        const context = [...sinceTyped].reverse().find((l) => NUMBERED_HEADING.test(l)) ?? sinceTyped[sinceTyped.length - 1];
        ownText.push('', `> ${context}`);
        sinceTyped = [];
      }
      ownText.push(line);
    });
  }
  removed.quoted += cleaned.kept.filter((l) => !isBlank(l)).length - ownText.filter((l) => !isBlank(l) && !l.startsWith('> ')).length;
  const older = lines.slice(olderFrom).filter((l, i) => !isBlank(l) && !headers.has(olderFrom + i));
  removed.quoted += lines.slice(olderFrom).filter((l, i) => !isBlank(l) && headers.has(olderFrom + i)).length;
  removed.quoted += older.length;
  const answerRegion = cleaned.kept.slice(0, cleaned.signoffFrom);
  const olderQuoted = older.length > 0 ? ['', ...older.map((l) => `> ${l}`)] : [];
  return { historyLines: [...answerRegion, ...olderQuoted], ownText, fallback: cleaned.kept, uncertain: false };
}

/** Common leading spaces removed (Yahoo indents its whole text part by one). */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => !isBlank(l)).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return common > 0 ? lines.map((l) => l.slice(Math.min(common, l.length))) : lines;
}

/** The sender's unquoted lines that carry words, whatever they are: the floor reply_text never goes below. */
function unquotedWords(lines: string[], end: number): string[] {
  return lines
    .slice(0, end)
    .filter(
      (l) =>
        splitQuote(l).depth === 0 &&
        /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(l) &&
        !isMobileSignature(l) &&
        !isExternalBanner(l) &&
        !isDisclaimer(l) &&
        !isSignatureDelimiter(l),
    );
}

/**
 * Splits a reply body into the sender's new text and the history below it, removing quoted
 * text, reply headers, signatures and disclaimers. Never returns less than the sender's own
 * unquoted words: where it cannot tell, it keeps more and says so (`uncertain`).
 */
export function trimReply(body: string, options: TrimOptions = {}): TrimmedReply {
  const lines = toLines(body);
  const names = signatureNames(options.senderName ?? null);
  const removed = emptyCounts();
  const boundary = findBoundary(lines, options.subject ?? '');
  const { start } = boundary;

  const topLines = lines.slice(0, start);
  // "See you then. On Tue, … wrote:": the words before the header are the sender's.
  if (boundary.header?.before) topLines.push(boundary.header.before);
  const top = cleanRun(topLines, { senderNames: names, trailing: true });
  addCounts(removed, top);
  const topKept = dedent(top.kept);
  const topAnswers = topKept.slice(0, top.signoffFrom);
  if (topAnswers.length > 0) topAnswers[topAnswers.length - 1] = withoutTrailingName(topAnswers[topAnswers.length - 1], names);

  if (boundary.forwarded) {
    const forwarded = lines.slice(start);
    const text = joinLines([...topKept, '', ...forwarded]);
    return { text, removed, top: joinLines(topAnswers), history: '', historyStyle: 'forwarded', uncertain: false };
  }

  const { headers, firstHeaderEnd } = headerLineSet(lines, start);
  const style = start < lines.length ? styleOf(lines, start, headers) : 'none';
  let history: HistoryResult = { historyLines: [], ownText: [], fallback: [], uncertain: false };
  if (style === 'quoted') history = trimQuotedHistory(lines, start, headers, names, removed);
  else if (style === 'unmarked')
    history = trimUnmarkedHistory(lines, start, headers, firstHeaderEnd, names, removed, options.originalText ?? null);
  else removed.quoted += lines.slice(start).filter((l) => !isBlank(l)).length;

  let uncertain = history.uncertain;
  let text = joinLines([...topKept, ...(history.ownText.length > 0 ? ['', ...history.ownText] : [])]);
  if (text === '' && style === 'unmarked' && history.ownText.length === 0) {
    // Nothing above a header whose original is not quoted: the client may have kept the header and
    // dropped the quote, so the text below is all the sender wrote. Keep it, unless it is our own email.
    const below = joinLines(history.fallback);
    if (below !== '' && !(options.isOurText?.(below) ?? false)) {
      text = below;
      uncertain = true;
    }
  }
  if (text === '') {
    const floor = joinLines(unquotedWords(lines, start));
    if (floor !== '') {
      text = floor;
      uncertain = true;
    }
  }
  return { text, removed, top: joinLines(topAnswers), history: history.historyLines.join('\n'), historyStyle: style, uncertain };
}

/** The sender's new text of a message, for any reply (an e-mentor's feedback as much as a trainee's answers). */
export function extractNewText(
  mail: InboundMail,
  options: { originalText?: string | null } = {},
): { text: string; removed: RemovedCounts; uncertain: boolean } {
  const trimmed = trimReply(bodyText(mail), { senderName: mail.fromName, originalText: options.originalText, subject: mail.subject });
  return { text: trimmed.text, removed: trimmed.removed, uncertain: trimmed.uncertain };
}
