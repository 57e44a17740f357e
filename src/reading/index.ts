/**
 * What an email says, read in order and free of I/O:
 *   1-message   bytes → InboundMail (MIME, headers, attachments) and its text body
 *   2-kind      reply, auto-reply or bounce (and a bounce's failed recipients, a return date)
 *   3-new-text  the sender's own new words: quotes, reply headers and signatures removed
 *   4-command   STOP, PAUSE [until], RESUME
 *   5-answers   the questionnaire's sections
 * `text/` holds the line and date helpers the stages share. Nothing here imports from
 * inbox/, mail/, db/ or jobs/: this folder reads, the rest acts.
 */
import type { BounceDetails } from './2-kind/bounceReport';
import { classify, type MailKind } from './2-kind/classify';
import { readMessage, type InboundAttachment, type InboundMail, type ReadOptions } from './1-message/readMessage';
import type { Questionnaire } from '../questionnaire/definition';
import {
  answersFrom,
  assignLines,
  missingKeys,
  type AnswerValue,
  type Answers,
  type AssignedLine,
  type ExtractOptions,
} from './5-answers/answers';
import { detectCommand, type Command, type PossibleCommand } from './4-command/command';
import { bodyText } from './1-message/htmlToText';
import { joinLines } from './text/lines';
import { trimReply, type RemovedCounts, type TrimmedReply } from './3-new-text/trim';
import { NO_WORDING, type OurWording } from './5-answers/ourWording';
import { echoesTemplate, isOurText } from './5-answers/wording';
import { readPulse, type PulseRating, type PulseShape } from './5-answers/pulse';

export { extractAnswers, type AnswerValue, type Answers, type ExtractedAnswers } from './5-answers/answers';
export { extractNewText, type RemovedCounts } from './3-new-text/trim';
export type { Command, PossibleCommand } from './4-command/command';
export type { MailKind } from './2-kind/classify';
export type { BounceDetails } from './2-kind/bounceReport';
export type { InboundAttachment, InboundMail, ReadOptions } from './1-message/readMessage';
export { unreadableReason } from './1-message/readMessage';
export type { ExtractOptions } from './5-answers/answers';
export { ourWordingFrom, type OurWording, type TemplateSource } from './5-answers/ourWording';
export { readPulse, type PulseRating, type PulseShape } from './5-answers/pulse';

/** Everything the worker needs from one inbound message. Field names are those `parse-reply --json` prints. */
export interface ReplyAnalysis {
  kind: MailKind;
  command: Command | null;
  /** Only meaningful with command PAUSE: "PAUSE until 2027-03-01" → "2027-03-01". */
  pause_until: string | null;
  /** A command the words may mean but do not say for certain ("I might need to pause"): asked about, never acted on. */
  possible_command: PossibleCommand | null;
  /**
   * The sender's new text, as relayed in conversation: quoted history, signature blocks, device
   * footers and disclaimers removed; the sign-off ("Best wishes, Jane") kept; a forward kept whole.
   */
  reply_text: string;
  /** Trimming could not tell the sender's words from quoted history or a signature for sure, so reply_text keeps more. */
  trim_uncertain: boolean;
  answers: Answers;
  missing: string[];
  complete: boolean;
  /** Pulse ratings by question number (for the coordinator's totals only), or null; never in reply_text. */
  pulse: PulseRating[] | null;
  message_id: string | null;
  in_reply_to: string | null;
  references: string[];
  from: string | null;
  from_name: string | null;
  recipients: string[];
  subject: string;
  /** The Date header as an ISO timestamp. */
  date: string | null;
  /** With content, for relaying; `toJson` leaves the content out. */
  attachments: InboundAttachment[];
  removed: RemovedCounts;
  /** Only for bounces. */
  bounce?: BounceDetails;
  /** Only for auto-replies: when they say they are back (YYYY-MM-DD), or null. */
  return_date?: string | null;
  /** The message was too large and only its start was read. */
  truncated: boolean;
  /** Why the MIME structure could not be used, if it could not (a code, no content). */
  parse_error: string | null;
}

/** The printable shape: the analysis without attachment content. */
export type ReplyJson = Omit<ReplyAnalysis, 'attachments'> & {
  attachments: { filename: string; contentType: string; size: number; inline: boolean }[];
};

/**
 * History that repeats recorded answers is not the sender's. A forward to the mentor: whatever
 * they type between its lines is feedback, never answers. A receipt to the trainee: corrections
 * typed between its quoted lines count, but unmarked (Outlook) it would re-submit what it shows.
 * Which of our emails the history is, is told by the sentences of its template.
 */
const FORWARD_TEMPLATE = 'forward';
const RECEIPT_TEMPLATE = 'receipt';

/** Answers from the top text win; the history only adds sections the top did not answer. */
function mergeAnswers(top: Answers, history: Answers, q: Questionnaire): Answers {
  const merged: Answers = {};
  for (const s of q.sections) {
    const value: AnswerValue | undefined = top[s.key] ?? history[s.key];
    if (value !== undefined) merged[s.key] = value;
  }
  return merged;
}

/**
 * The sender's answers typed into an unmarked (Outlook) original, shown under the heading
 * lines they answer, for reply_text.
 */
function typedIntoHistory(assigned: AssignedLine[], usedSections: Set<string>): string {
  const out: string[] = [];
  let pendingHeading: string | null = null;
  let lastSection: string | null = null;
  for (const { line, role } of assigned) {
    if (role.kind === 'heading') pendingHeading = line.trim();
    if (role.kind !== 'answer' || !usedSections.has(role.section)) continue;
    if (role.section !== lastSection) {
      out.push('');
      if (pendingHeading) out.push(pendingHeading);
      lastSection = role.section;
    }
    out.push(line);
  }
  return joinLines(out);
}

function answersOf(
  trimmed: TrimmedReply,
  q: Questionnaire,
  options: AnalyseOptions,
  ours: OurWording,
): { answers: Answers; typedText: string } {
  const top = answersFrom(assignLines(trimmed.top, q, { ...options, ourWording: ours }), q);
  const start = trimmed.history.slice(0, 50_000);
  if (trimmed.historyStyle === 'none' || trimmed.historyStyle === 'forwarded') return { answers: top, typedText: '' };
  if (echoesTemplate(start, q, ours, FORWARD_TEMPLATE) > 0) return { answers: top, typedText: '' };
  if (trimmed.historyStyle === 'unmarked' && echoesTemplate(start, q, ours, RECEIPT_TEMPLATE) > 0) return { answers: top, typedText: '' };
  const assigned = assignLines(trimmed.history, q, { ...options, ourWording: ours, history: true });
  const history = answersFrom(assigned, q);
  const answers = mergeAnswers(top, history, q);
  const fromHistory = new Set(Object.keys(history).filter((k) => top[k] === undefined));
  // `>`-quoted history, or unmarked with the original known: the sender's lines are already in the trimmed text.
  const typedText = trimmed.historyStyle === 'unmarked' && !options.originalText ? typedIntoHistory(assigned, fromHistory) : '';
  return { answers, typedText };
}

export interface AnalyseOptions extends ExtractOptions, ReadOptions {
  /** The text of the message being replied to, if known: see TrimOptions.originalText. */
  originalText?: string | null;
  /** When the message arrived: dates like "for two weeks" count from its Date header, or from this without one. */
  receivedAt?: Date | null;
  /** The pulse's wording: its ratings are taken out before anything else reads the text. */
  pulse?: PulseShape;
}

/** Analyses a mail already read. Pure: no I/O, no clock (dates come from the message). */
export function analyseMail(mail: InboundMail, questionnaire: Questionnaire, options: AnalyseOptions = {}): ReplyAnalysis {
  const body = bodyText(mail);
  const classification = classify(mail, body);
  const ours = options.ourWording ?? NO_WORDING;
  // Pulse lines come out first, so they are never answers, relayed text or counted words.
  const pulse = classification.kind === 'reply' && options.pulse ? readPulse(body, options.pulse) : { text: body, ratings: null };
  const trimmed = trimReply(pulse.text, {
    senderName: mail.fromName,
    originalText: options.originalText,
    subject: mail.subject,
    isOurText: (text) => isOurText(text, questionnaire, ours),
  });

  let answers: Answers = {};
  let replyText = trimmed.text;
  let command: ReturnType<typeof detectCommand> = { command: null, pause_until: null, possible: null };
  if (classification.kind === 'reply') {
    const found = answersOf(trimmed, questionnaire, options, ours);
    answers = found.answers;
    replyText = joinLines([trimmed.text, '', found.typedText].join('\n').split('\n'));
    command = detectCommand(trimmed.text, mail.subject, mail.date ?? options.receivedAt ?? null);
  } else if (classification.kind === 'bounce') {
    replyText = '';
  }
  const missing = missingKeys(answers, questionnaire);

  const analysis: ReplyAnalysis = {
    kind: classification.kind,
    command: command.command,
    pause_until: command.pause_until,
    possible_command: command.possible,
    reply_text: replyText,
    trim_uncertain: classification.kind === 'reply' && trimmed.uncertain,
    answers,
    missing,
    complete: missing.length === 0,
    pulse: pulse.ratings,
    message_id: mail.messageId,
    in_reply_to: mail.inReplyTo,
    references: mail.references,
    from: mail.from,
    from_name: mail.fromName,
    recipients: mail.recipients,
    subject: mail.subject,
    date: mail.date ? mail.date.toISOString() : null,
    attachments: mail.attachments,
    removed: trimmed.removed,
    truncated: mail.truncated,
    parse_error: mail.parseError,
  };
  if (classification.bounce) analysis.bounce = classification.bounce;
  if (classification.kind === 'auto_reply') analysis.return_date = classification.return_date ?? null;
  return analysis;
}

/** Raw message → analysis. Never throws on bad mail: what cannot be read is left empty. */
export async function analyseReply(raw: Buffer, questionnaire: Questionnaire, options: AnalyseOptions = {}): Promise<ReplyAnalysis> {
  return analyseMail(await readMessage(raw, options), questionnaire, options);
}

export function toJson(analysis: ReplyAnalysis): ReplyJson {
  return {
    ...analysis,
    attachments: analysis.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, inline: a.inline })),
  };
}
