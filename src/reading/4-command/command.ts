/**
 * STOP, PAUSE [until], RESUME, in the words people write. Two outcomes:
 * - `command`: the wording is certain ("STOP", "stop please", "Unsubscribe", "Please remove me
 *   from this scheme", "Pause until March"); the worker acts on it.
 * - `possible`: the message may mean it but is not certain (it wonders, "I might need to
 *   pause"; it mentions it in a long message; its date is unclear); the worker does not act,
 *   asks once, and treats the message as it would any other.
 * Pure and table-driven: the phrasings are in phrases.ts, dates in pauseEnd.ts.
 */
import { isBlank, toLines } from '../text/lines';
import { findPauseEnd, type PauseEnd } from './pauseEnd';
import {
  ADDRESSED,
  BARE_WORD,
  CLOSING_WORD,
  GREETING_REST,
  GREETING_WORD,
  HEDGE,
  MENTIONS,
  NEGATION,
  ORDERS,
  PAUSE_REASON,
  PAUSE_UNTIL_LINE,
  POLITE_PREFIX,
  POLITE_SUFFIX,
  TRIGGER,
  type Command,
} from './phrases';

export type { Command } from './phrases';

/** Why a possible command was not taken as certain (a code, for logs and tests). */
export type Doubt = 'hedged' | 'in_passing' | 'long_message' | 'date_unclear' | 'conflicting';

export interface PossibleCommand {
  command: Command;
  /** For PAUSE, the end read from the words if one could be read (to offer back), else null. */
  pause_until: string | null;
  doubt: Doubt;
}

export interface CommandResult {
  command: Command | null;
  /** For a certain PAUSE with an end: the first day it is over (YYYY-MM-DD); null for a plain PAUSE. */
  pause_until: string | null;
  /** Not certain: not to be acted on, only asked about. Null when `command` is set or nothing was found. */
  possible: PossibleCommand | null;
}

/** A message this short, with a request in it, is that request. */
const SHORT_SENTENCES = 3;
const SHORT_WORDS = 40;
const MAX_TEXT = 5000;
const MAX_SENTENCE = 300;
const SUBJECT_PREFIX = /^(?:\s*(?:re|aw|sv|antw|fwd?|wg|tr|rv)\s*:\s*)+/i;

const COMPILED = ORDERS.map((o) => ({
  ...o,
  whole: new RegExp(`^(?:${o.pattern})$`),
  head: new RegExp(`^(?:${o.pattern})(?=[\\s,.:;(-])`),
}));

const NOTHING: CommandResult = { command: null, pause_until: null, possible: null };

interface Finding {
  command: Command;
  /** A request (ORDERS), or words in passing (MENTIONS, a command word inside a longer text). */
  kind: 'order' | 'mention';
  hedged: boolean;
  /** For PAUSE: the end named in the same sentence, null if none is named. */
  end: PauseEnd | null;
}

/** Lower case, straight quotes, no markdown emphasis, single spaces. */
function plain(text: string): string {
  return text
    .slice(0, MAX_SENTENCE)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function withoutPoliteness(sentence: string): string {
  let s = sentence.replace(/^["'([]+|["')\]]+$/g, '').trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(POLITE_PREFIX, '')
      .replace(/[\s.!?:;,)\u2026-]+$/, '')
      .replace(POLITE_SUFFIX, '')
      .replace(/[\s.!?:;,)\u2026-]+$/, '')
      .trim();
    if (s === before) break;
  }
  return s;
}

/** Not advice to someone else: no "you", or "I"/"me"/"we" as well. */
function isOwnRequest(sentence: string): boolean {
  return !/\byou\b/.test(sentence) || /\b(?:i|i'm|i've|i'd|i'll|me|my|myself|we|we're|us|our)\b/.test(sentence);
}

/** Sentences of a line: split after . ! ? ; when a capital letter follows ("3. Mai" stays whole). */
function sentencesOf(line: string): string[] {
  return line
    .split(/(?<=[!?;]|[^\d\s.]\.)\s+(?=[\p{Lu}"'(])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A request that is the whole of `text` (politeness aside), with what follows a PAUSE request read for its end. */
function orderIn(text: string, reference: Date | null, hedged: boolean): Finding | null {
  const core = withoutPoliteness(text);
  let stopWithEnd: Finding | null = null;
  for (const order of COMPILED) {
    if (order.whole.test(core)) {
      if (order.needsEnd) continue;
      return { command: order.command, kind: 'order', hedged, end: null };
    }
    const head = order.head.exec(core);
    if (head) {
      const rest = core.slice(head[0].length).replace(/^[\s,:;-]+/, '');
      const end = findPauseEnd(rest, reference);
      if (order.command === 'PAUSE' && (end !== null || (!order.needsEnd && PAUSE_REASON.test(rest))))
        return { command: 'PAUSE', kind: 'order', hedged, end };
      // "Stop the emails until March" asks for a pause, in words that say stop: ask which.
      if (order.command === 'STOP' && end !== null) stopWithEnd ??= { command: 'PAUSE', kind: 'mention', hedged, end };
    }
  }
  return stopWithEnd;
}

/** What one sentence asks for, if anything. `reference` dates "until March". */
function readSentence(raw: string, reference: Date | null): Finding | null {
  const sentence = plain(raw);
  if (sentence === '' || !TRIGGER.test(sentence)) return null;
  const question = /\?\s*$/.test(sentence) && !/^(?:(?:please\s+)?(?:can|could|would|will)\s+you)\b/.test(sentence);
  const hedged = question || HEDGE.test(sentence);
  if (!hedged && NEGATION.test(sentence)) return null;

  const whole = orderIn(sentence, reference, hedged);
  if (whole) return whole;
  // "I have exams, so please pause until June": a request in a clause of its own.
  const clauses = sentence.split(/\s*[,;:]\s+|\s+(?:so|and|but|therefore|hence)\s+/).filter((c) => c.length > 0);
  if (clauses.length > 1) {
    for (const clause of clauses) {
      const found = orderIn(clause, reference, hedged);
      if (!found) continue;
      // "I'm back on 3 May, please pause till then": the end may be in another clause.
      if (found.command === 'PAUSE' && (found.end === null || found.end.date === null))
        found.end = findPauseEnd(sentence, reference) ?? found.end;
      return found;
    }
  }
  if (NEGATION.test(sentence) || ADDRESSED.test(sentence)) return null;
  for (const mention of MENTIONS) {
    if (!mention.pattern.test(sentence)) continue;
    if (mention.firstPerson && !isOwnRequest(sentence)) continue;
    return {
      command: mention.command,
      kind: 'mention',
      hedged,
      end: mention.command === 'PAUSE' ? findPauseEnd(sentence, reference) : null,
    };
  }
  return null;
}

/** "Hi Jane,", "Thanks again", "Best wishes, Tom": the word and at most a name, nothing asked. */
function isOnlyPoliteness(line: string, word: RegExp): boolean {
  const m = word.exec(line.replace(/^[*_\s]+/, ''));
  return m !== null && line.length <= 60 && GREETING_REST.test(line.replace(/^[*_\s]+/, '').slice(m[0].length));
}

/** The lines that say something: greetings, closings and what follows a closing left out. */
function coreLines(text: string): string[] {
  const lines = toLines(text.slice(0, MAX_TEXT))
    .map((l) => l.trim())
    .filter((l) => !isBlank(l));
  while (lines.length > 0 && isOnlyPoliteness(lines[0], GREETING_WORD)) lines.shift();
  const closing = lines.findIndex((l, i) => i > 0 && lines.length - i <= 8 && isOnlyPoliteness(l, CLOSING_WORD));
  if (closing > 0) lines.splice(closing);
  return lines;
}

function firstLineCommand(line: string, reference: Date | null): CommandResult | null {
  const bare = BARE_WORD.exec(line);
  if (bare) return { command: bare[1].toUpperCase() as Command, pause_until: null, possible: null };
  const until = PAUSE_UNTIL_LINE.exec(line);
  if (until) {
    const end = findPauseEnd(`until ${until[1].trim()}`, reference);
    if (end && end.sure && end.date) return { command: 'PAUSE', pause_until: end.date, possible: null };
    // "pause until I know more about whether this scheme suits me at all" is not a request.
    if (until[1].trim().length <= 40 || end)
      return { ...NOTHING, possible: { command: 'PAUSE', pause_until: end?.date ?? null, doubt: 'date_unclear' } };
  }
  return null;
}

function decide(findings: Finding[], short: boolean): CommandResult {
  const first = findings.find((f) => f.kind === 'order') ?? findings[0];
  if (!first) return NOTHING;
  const pauseUntil = first.end?.date ?? null;
  const conflicting = findings.some((f) => f.command !== first.command);
  let doubt: Doubt | null = null;
  if (first.hedged) doubt = 'hedged';
  else if (first.kind === 'mention') doubt = 'in_passing';
  else if (!short) doubt = 'long_message';
  else if (conflicting) doubt = 'conflicting';
  else if (first.end && !first.end.sure) doubt = 'date_unclear';
  if (doubt === null) return { command: first.command, pause_until: first.command === 'PAUSE' ? pauseUntil : null, possible: null };
  return { ...NOTHING, possible: { command: first.command, pause_until: first.command === 'PAUSE' ? pauseUntil : null, doubt } };
}

function fromBody(lines: string[], reference: Date | null): CommandResult {
  if (lines.length === 0) return NOTHING;
  const onFirstLine = firstLineCommand(lines[0], reference);
  if (onFirstLine?.command) return onFirstLine;

  const sentences = lines.flatMap(sentencesOf);
  const words = sentences.join(' ').split(/\s+/).length;
  const short = sentences.length <= SHORT_SENTENCES && words <= SHORT_WORDS;
  const findings: Finding[] = [];
  for (const [i, sentence] of sentences.entries()) {
    // The command word alone, but not on the first line: in passing.
    const bare = i > 0 ? BARE_WORD.exec(sentence) : null;
    const found = bare
      ? { command: bare[1].toUpperCase() as Command, kind: 'mention' as const, hedged: false, end: null }
      : readSentence(sentence, reference);
    if (found) findings.push(found);
  }
  // A short PAUSE request may give its end in a sentence of its own: "Please pause. Back on 3 May."
  const pause = findings.find((f) => f.command === 'PAUSE');
  if (pause && pause.end === null && short) pause.end = findPauseEnd(plain(sentences.join(' ')), reference);
  const decided = decide(findings, short);
  return decided.command || decided.possible ? decided : (onFirstLine ?? NOTHING);
}

function fromSubject(subject: string, reference: Date | null): CommandResult | null {
  const line = subject.slice(0, 200).replace(SUBJECT_PREFIX, '').trim();
  const onLine = firstLineCommand(line, reference);
  if (onLine?.command) return onLine;
  const found = readSentence(line, reference);
  if (found && found.kind === 'order' && !found.hedged && (!found.end || found.end.sure))
    return { command: found.command, pause_until: found.command === 'PAUSE' ? (found.end?.date ?? null) : null, possible: null };
  return null;
}

/**
 * Reads a command from the sender's new text (quotes and signatures already removed) and the
 * subject. `reference` is when the message was written: "until March" and "for two weeks"
 * count from it. The subject counts when the message is fresh (no "Re:") or has no text:
 * List-Unsubscribe mail comes with subject "STOP".
 */
export function detectCommand(newText: string, subject: string, reference: Date | null): CommandResult {
  const lines = coreLines(newText);
  const body = fromBody(lines, reference);
  if (body.command) return body;
  const bareSubject = subject.slice(0, 200).replace(SUBJECT_PREFIX, '').trim();
  const fresh = bareSubject === subject.slice(0, 200).trim();
  if (fresh || lines.length === 0) {
    const bySubject = fromSubject(subject, reference);
    if (bySubject) return bySubject;
  }
  return body;
}
