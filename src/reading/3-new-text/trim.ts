import type { InboundMail } from '../1-message/readMessage';
import { bodyText } from '../1-message/htmlToText';
import { isBlank, joinLines, normaliseWords, splitQuote, toLines } from '../text/lines';
import { replyHeaderSpan } from './replyHeaders';
import { cleanRun, signatureNames } from './signature';

/** Non-blank lines each kind of trimming removed; counts only, never the text. */
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
 * 'none': there is no history.
 */
export type HistoryStyle = 'none' | 'quoted' | 'unmarked';

export interface TrimmedReply {
  /** The sender's new text: the part above the history, plus lines typed between `>` quotes (each after the quoted line it answers). */
  text: string;
  removed: RemovedCounts;
  /** The new text above the history, cleaned. */
  top: string;
  /** From the first quote or reply header on, reply headers, signatures and disclaimers removed, `>` kept. Older history inside an unmarked one is `>`-quoted here. */
  history: string;
  historyStyle: HistoryStyle;
}

export interface TrimOptions {
  /** The sender's display name, to recognise it as a signature. */
  senderName?: string | null;
  /**
   * The text of the message being replied to, when known (the worker stores what it sent).
   * With it, lines typed into an unmarked (Outlook) original are told apart and kept.
   */
  originalText?: string | null;
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

function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (splitQuote(lines[i]).depth > 0 || replyHeaderSpan(lines, i) > 0) return i;
  }
  return lines.length;
}

/** Reply header lines inside the history, by index, so they can be dropped. */
function headerLineSet(lines: string[], from: number): { headers: Set<number>; firstHeaderEnd: number } {
  const headers = new Set<number>();
  let firstHeaderEnd = -1;
  for (let i = from; i < lines.length; i++) {
    if (splitQuote(lines[i]).depth > 0) continue;
    const span = replyHeaderSpan(lines, i);
    if (span > 0) {
      for (let k = i; k < i + span; k++) headers.add(k);
      if (firstHeaderEnd < 0) firstHeaderEnd = i + span;
      i += span - 1;
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

/** The quoted line an own run answers: the nearest numbered heading above it, else the nearest quoted line. */
function contextLine(lines: string[], runStart: number, stopAt: number): string | null {
  let nearest: string | null = null;
  for (let i = runStart - 1; i >= stopAt; i--) {
    const { depth, content } = splitQuote(lines[i]);
    if (depth === 0 || content.trim() === '') continue;
    if (NUMBERED_HEADING.test(content)) return content.trim();
    nearest ??= content.trim();
  }
  return nearest;
}

interface HistoryResult {
  historyLines: string[];
  ownText: string[];
}

/** `>`-quoted history: quoted lines stay in the history; the sender's lines between them are cleaned and kept. */
function trimQuotedHistory(
  lines: string[],
  start: number,
  headers: Set<number>,
  names: Set<string>,
  removed: RemovedCounts,
): HistoryResult {
  const runs: { start: number; end: number }[] = [];
  for (let i = start; i < lines.length; i++) {
    if (headers.has(i) || splitQuote(lines[i]).depth > 0 || isBlank(lines[i])) continue;
    const runStart = i;
    while (i + 1 < lines.length && !headers.has(i + 1) && splitQuote(lines[i + 1]).depth === 0) i++;
    runs.push({ start: runStart, end: i + 1 });
  }
  const runAt = new Map<number, { end: number; kept: string[] }>();
  runs.forEach((run, index) => {
    const cleaned = cleanRun(lines.slice(run.start, run.end), { senderNames: names, trailing: index === runs.length - 1 });
    addCounts(removed, cleaned);
    runAt.set(run.start, { end: run.end, kept: cleaned.kept });
  });

  const historyLines: string[] = [];
  const ownText: string[] = [];
  let previousRunEnd = start;
  for (let i = start; i < lines.length; i++) {
    if (headers.has(i)) {
      if (!isBlank(lines[i])) removed.quoted++;
      continue;
    }
    const run = runAt.get(i);
    if (run) {
      const { kept } = run;
      if (kept.some((l) => !isBlank(l))) {
        const context = contextLine(lines, i, previousRunEnd);
        if (context) ownText.push('', `> ${context}`);
        ownText.push(...kept);
      }
      historyLines.push(...kept);
      previousRunEnd = run.end;
      i = run.end - 1;
      continue;
    }
    if (splitQuote(lines[i]).depth > 0 && !isBlank(splitQuote(lines[i]).content)) removed.quoted++;
    historyLines.push(lines[i]);
  }
  return { historyLines, ownText };
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
  return { historyLines: [...cleaned.kept, ...older.map((l) => `> ${l}`)], ownText };
}

/**
 * Splits a reply body into the sender's new text and the history below it, removing quoted
 * text, reply headers, signatures, sign-offs and disclaimers from the new text.
 */
export function trimReply(body: string, options: TrimOptions = {}): TrimmedReply {
  const lines = toLines(body);
  const names = signatureNames(options.senderName ?? null);
  const removed = emptyCounts();
  const start = historyStart(lines);

  const top = cleanRun(lines.slice(0, start), { senderNames: names, trailing: true });
  addCounts(removed, top);
  const topText = joinLines(top.kept);

  const { headers, firstHeaderEnd } = headerLineSet(lines, start);
  const style = start < lines.length ? styleOf(lines, start, headers) : 'none';
  let history: HistoryResult = { historyLines: [], ownText: [] };
  if (style === 'quoted') history = trimQuotedHistory(lines, start, headers, names, removed);
  else if (style === 'unmarked')
    history = trimUnmarkedHistory(lines, start, headers, firstHeaderEnd, names, removed, options.originalText ?? null);
  else removed.quoted += lines.slice(start).filter((l) => !isBlank(l)).length;

  let text = joinLines([...top.kept, ...(history.ownText.length > 0 ? ['', ...history.ownText] : [])]);
  if (text === '') {
    // A message that is only "Thanks!" or "Cheers, Priya" says that, rather than nothing.
    const unsigned = cleanRun(lines.slice(0, start), { senderNames: names, trailing: false });
    text = joinLines(unsigned.kept);
    if (text !== '') {
      removed.signoff -= top.signoff;
      removed.signature -= top.signature - unsigned.signature;
    }
  }
  return { text, removed, top: topText, history: history.historyLines.join('\n'), historyStyle: style };
}

/** The sender's new text of a message, for any reply (an e-mentor's feedback as much as a trainee's answers). */
export function extractNewText(
  mail: InboundMail,
  options: { originalText?: string | null } = {},
): { text: string; removed: RemovedCounts } {
  const trimmed = trimReply(bodyText(mail), { senderName: mail.fromName, originalText: options.originalText });
  return { text: trimmed.text, removed: trimmed.removed };
}
