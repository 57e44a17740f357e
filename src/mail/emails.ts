import type { Config } from '../config';
import { loadPulse, pulseQuestions, type PulseForm } from '../pulse/definition';
import { ANSWER_HINTS, type EvaluationForm } from '../evaluation/definition';
import type { Evaluation } from '../db/evaluations';
import type { Answers } from '../db/answers';
import type { Db } from '../db/open';
import type { OutboxAttachment } from '../db/outbox';
import type { Person } from '../db/people';
import type { Round } from '../db/rounds';
import type { Questionnaire } from '../questionnaire/definition';
import { missingSections, sectionViews } from '../questionnaire/record';
import { addMonths, localDateOf } from '../schedule/calendar';
import { nextWindowOpening } from '../schedule/window';
import { queueMail, type Queued, type QueueRequest } from './outbox';
import { renderEmail } from './templates';
import { longDate, nameInProse } from './wording';

/** What composing an email needs; a subset of the job deps. */
export interface MailDeps {
  db: Db;
  config: Pick<Config, 'address' | 'fromName' | 'showAddresses' | 'coordinator' | 'timeZone' | 'remindAfterDays' | 'window' | 'pulsePath'>;
  questionnaire: Questionnaire;
}

export interface Thread {
  inReplyTo: string | null;
  references: string[];
}

const GOAL_KEYS = ['goals_short_term', 'goals_medium_term', 'goals_long_term'];

const DAY_MS = 86_400_000;

/** A date two months on, to show how `PAUSE until <date>` is written. */
function pauseExample(now: Date): string {
  return addMonths(now.toISOString().slice(0, 10), 2);
}

/** The day the first reminder would go, local time: the questionnaire's reply-by date. */
export function replyByDate(config: MailDeps['config'], sentAt: Date): string {
  const due = new Date(sentAt.getTime() + config.remindAfterDays * DAY_MS);
  return localDateOf(nextWindowOpening(due, config.window, config.timeZone), config.timeZone);
}

function queue(deps: MailDeps, req: QueueRequest, now: Date): Queued {
  return queueMail(deps.db, { address: deps.config.address, fromName: deps.config.fromName }, req, now);
}

/** The pulse block for one side, or null when the pulse is off. */
function pulseBlock(deps: MailDeps, role: Person['role']) {
  const def = loadPulse(deps.config.pulsePath);
  if (!def.enabled) return null;
  const form = def[role];
  return { heading: def.heading, intro: form.intro, questions: pulseQuestions(form) };
}

function to(person: Person) {
  return { address: person.email, name: person.name, personId: person.id };
}

function via(deps: MailDeps, person: Person): string {
  return `${nameInProse(person.name)} via ${deps.config.fromName}`;
}

/** How a person is named in mail to the pair: no post-nominals (see wording.ts). */
const named = (person: Person): string => nameInProse(person.name);

/** Sections still missing, as a list line; a list short of its minimum says how many it has (": 1 so far"). */
function missingLabels(answers: Answers, q: Questionnaire, numbered: boolean): string[] {
  return missingSections(answers, q).map((s) => {
    const value = answers[s.key];
    const title = numbered ? `${s.number}. ${s.title}` : s.title;
    return Array.isArray(value) && value.length > 0 ? `${title}: ${value.length} so far` : title;
  });
}

/** "A", "A and B", "A, B and C". */
function listing(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Earlier goals with the term they are for ("short term"), from the section titles. */
export function goalLines(previous: Answers | null, q: Questionnaire): { key: string; label: string; value: string }[] {
  if (!previous) return [];
  return q.sections
    .filter((s) => GOAL_KEYS.includes(s.key) && typeof previous[s.key] === 'string')
    .map((s) => ({
      key: s.key,
      label: s.title
        .replace(/^Career goals:\s*/i, '')
        .replace(/\s*\(.*\)$/, '')
        .toLowerCase(),
      value: String(previous[s.key]),
    }));
}

export function queueQuestionnaire(
  deps: MailDeps,
  round: Round,
  trainee: Person,
  mentor: Person,
  previous: Answers | null,
  now: Date,
): Queued {
  const email = renderEmail('questionnaire', {
    trainee: named(trainee),
    mentor: named(mentor),
    mentorSteppedBack: mentor.status === 'withdrawn',
    round: round.number,
    intro: deps.questionnaire.intro,
    sections: deps.questionnaire.sections,
    previousGoals: goalLines(previous, deps.questionnaire),
    pauseExample: pauseExample(now),
    replyBy: longDate(replyByDate(deps.config, now)),
    coordinator: deps.config.coordinator,
    pulse: pulseBlock(deps, 'trainee'),
  });
  return queue(
    deps,
    {
      dedupeKey: `round:${round.id}:questionnaire`,
      kind: 'questionnaire',
      to: to(trainee),
      roundId: round.id,
      email,
      reply: { role: 'trainee', purpose: 'answers', pairId: round.pair_id, roundId: round.id },
      unsubscribe: true,
    },
    now,
  );
}

export function queueForward(
  deps: MailDeps,
  args: {
    inboundId: number;
    round: Round;
    trainee: Person;
    mentor: Person;
    answers: Answers;
    previous: Answers | null;
    /** The reply as written, when it used none of the headings. */
    freeText: string | null;
    addendum: boolean;
    /** The trainee has been asked (now or earlier this round) for what is missing. */
    askedForMore: boolean;
    /** What the trainee attached, as far as it can be relayed. */
    attachments: OutboxAttachment[];
    /** Names of attachments too large to relay: the mentor is told they exist, never given them. */
    leftOut: string[];
    thread: Thread;
  },
  now: Date,
): Queued {
  const previousGoals = new Map(goalLines(args.previous, deps.questionnaire).map((g) => [g.key, g.value]));
  // Only what was answered: a free-text reply is not preceded by ten empty headings.
  const sections = sectionViews(args.answers, deps.questionnaire)
    .filter((v) => v.text !== null || v.items !== null)
    .map((v) => ({ ...v, previous: previousGoals.get(v.key) ?? null }));
  const missing = sections.length > 0 ? missingLabels(args.answers, deps.questionnaire, false) : [];
  const email = renderEmail('forward', {
    trainee: named(args.trainee),
    mentor: named(args.mentor),
    round: args.round.number,
    addendum: args.addendum,
    freeText: args.freeText,
    sections,
    missing,
    askedForMissing: args.askedForMore && missing.length > 0,
    askedFreeText: args.askedForMore && sections.length === 0 && args.freeText !== null,
    leftOut: args.leftOut,
    single: args.leftOut.length === 1,
    showAddresses: deps.config.showAddresses,
    // Asked once per round, with the first forward.
    pulse: args.addendum ? null : pulseBlock(deps, 'mentor'),
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:forward`,
      kind: args.addendum ? 'forward_addendum' : 'forward',
      to: to(args.mentor),
      roundId: args.round.id,
      email,
      fromName: via(deps, args.trainee),
      reply: { role: 'mentor', purpose: 'conversation', pairId: args.round.pair_id, roundId: args.round.id },
      thread: args.thread,
      attachments: args.attachments,
    },
    now,
  );
}

export function queueReceipt(
  deps: MailDeps,
  args: {
    inboundId: number;
    round: Round;
    trainee: Person;
    mentor: Person;
    answers: Answers;
    /** The reply used none of the headings. */
    freeText: boolean;
    /** This receipt is the round's one follow-up: ask for what is missing (or, after free text, whether to add anything). */
    askForMore: boolean;
    thread: Thread;
  },
  now: Date,
): Queued {
  const recorded = sectionViews(args.answers, deps.questionnaire).filter((v) => v.text !== null || v.items !== null);
  const unanswered = missingLabels(args.answers, deps.questionnaire, true);
  // After free text, a kind offer of the headings rather than a list of what is "missing".
  const offerHeadings = args.askForMore && recorded.length === 0;
  const missing = args.askForMore && !offerHeadings ? unanswered : [];
  const email = renderEmail('receipt', {
    trainee: named(args.trainee),
    mentor: named(args.mentor),
    mentorSteppedBack: args.mentor.status === 'withdrawn',
    round: args.round.number,
    freeText: args.freeText,
    sections: recorded,
    headings: offerHeadings ? deps.questionnaire.sections.map((s) => `${s.number}. ${s.title}`) : [],
    missing,
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:receipt`,
      kind: args.askForMore ? 'receipt_followup' : 'receipt',
      to: to(args.trainee),
      roundId: args.round.id,
      email,
      reply: { role: 'trainee', purpose: 'answers', pairId: args.round.pair_id, roundId: args.round.id },
      unsubscribe: true,
      thread: args.thread,
    },
    now,
  );
}

export function queueRelay(
  deps: MailDeps,
  args: {
    inboundId: number;
    pairId: number;
    round: Round | null;
    sender: Person;
    recipient: Person;
    body: string;
    subject: string;
    attachments: OutboxAttachment[];
    /** Names of attachments too large to relay: the recipient is told they exist, never given them. */
    leftOut: string[];
    thread: Thread;
  },
  now: Date,
): Queued {
  const fromMentor = args.sender.role === 'mentor';
  const senderLabel = deps.config.showAddresses ? `${named(args.sender)} <${args.sender.email}>` : named(args.sender);
  const email = renderEmail('relay', {
    subject: args.subject,
    body: args.body,
    sender: senderLabel,
    senderName: named(args.sender),
    fromMentor,
    leftOut: args.leftOut,
    single: args.leftOut.length === 1,
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:relay`,
      kind: fromMentor ? 'relay_to_trainee' : 'relay_to_mentor',
      to: to(args.recipient),
      roundId: args.round?.id ?? null,
      email,
      fromName: via(deps, args.sender),
      reply: { role: args.recipient.role, purpose: 'conversation', pairId: args.pairId, roundId: args.round?.id ?? null },
      unsubscribe: args.recipient.role === 'trainee',
      thread: args.thread,
      attachments: args.attachments,
    },
    now,
  );
}

export function queueAttachmentRefused(
  deps: MailDeps,
  args: { inboundId: number; sender: Person; recipient: Person; files: string[]; limitBytes: number; thread: Thread },
  now: Date,
): Queued {
  const email = renderEmail('attachment_refused', {
    sender: named(args.sender),
    recipient: named(args.recipient),
    files: args.files,
    single: args.files.length === 1,
    limit: `${Math.round(args.limitBytes / 1024 / 1024)} MB`,
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:attachment_refused`,
      kind: 'attachment_refused',
      to: to(args.sender),
      email,
      thread: args.thread,
    },
    now,
  );
}

export function queueTraineeReminder(deps: MailDeps, round: Round, trainee: Person, mentor: Person, number: number, now: Date): Queued {
  const email = renderEmail('reminder', {
    trainee: named(trainee),
    mentor: named(mentor),
    round: round.number,
    sections: deps.questionnaire.sections,
    pauseExample: pauseExample(now),
  });
  return queue(
    deps,
    {
      dedupeKey: `round:${round.id}:reminder:${number}`,
      kind: 'reminder',
      to: to(trainee),
      roundId: round.id,
      email,
      reply: { role: 'trainee', purpose: 'answers', pairId: round.pair_id, roundId: round.id },
      unsubscribe: true,
      thread: { inReplyTo: round.trainee_thread_id, references: round.trainee_thread_id ? [round.trainee_thread_id] : [] },
    },
    now,
  );
}

export function queueMentorReminder(
  deps: MailDeps,
  round: Round,
  trainee: Person,
  mentor: Person,
  number: number,
  answeredOn: string,
  now: Date,
): Queued {
  const email = renderEmail('mentor_reminder', { trainee: named(trainee), mentor: named(mentor), round: round.number, answeredOn });
  return queue(
    deps,
    {
      dedupeKey: `round:${round.id}:mentor_reminder:${number}`,
      kind: 'mentor_reminder',
      to: to(mentor),
      roundId: round.id,
      email,
      reply: { role: 'mentor', purpose: 'conversation', pairId: round.pair_id, roundId: round.id },
      thread: { inReplyTo: round.mentor_thread_id, references: round.mentor_thread_id ? [round.mentor_thread_id] : [] },
    },
    now,
  );
}

export type ConfirmationKind = 'confirm_stop' | 'confirm_pause' | 'confirm_resume';

/**
 * Confirms a change of participation to the person who asked (trainee or e-mentor). After
 * STOP nothing more is sent, so there is nothing to reply or unsubscribe to.
 */
export function queueConfirmation(
  deps: MailDeps,
  kind: ConfirmationKind,
  person: Person,
  context: { until?: string | null; nextDate?: string; trainees?: string[] },
  dedupeKey: string,
  now: Date,
): Queued {
  const mentor = person.role === 'mentor';
  const template = mentor && kind === 'confirm_stop' ? 'mentor_confirm_stop' : kind;
  const email = renderEmail(template, {
    name: named(person),
    mentor,
    until: context.until ?? null,
    untilText: context.until ? longDate(context.until) : null,
    nextDate: context.nextDate ? longDate(context.nextDate) : null,
    trainees: listing(context.trainees ?? []),
    pauseExample: pauseExample(now),
    coordinator: deps.config.coordinator,
  });
  return queue(
    deps,
    {
      dedupeKey,
      kind: mentor ? `mentor_${kind}` : kind,
      to: to(person),
      email,
      reply: kind === 'confirm_stop' ? undefined : { role: person.role, purpose: 'conversation', pairId: null, roundId: null },
      unsubscribe: !mentor && kind !== 'confirm_stop',
    },
    now,
  );
}

/** "PAUSE until <a past date>": nothing changed, and how to write it. */
export function queuePauseDatePast(
  deps: MailDeps,
  args: { inboundId: number; person: Person; until: string; today: string; thread: Thread },
  now: Date,
): Queued {
  const email = renderEmail('pause_date_past', {
    name: named(args.person),
    mentor: args.person.role === 'mentor',
    untilText: longDate(args.until),
    todayText: longDate(args.today),
    example: addMonths(args.today, 1),
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:pause_date_past`,
      kind: 'pause_date_past',
      to: to(args.person),
      email,
      reply: { role: args.person.role, purpose: 'conversation', pairId: null, roundId: null },
      thread: args.thread,
    },
    now,
  );
}

/**
 * "Did you mean to stop?": asked once when a message may mean a command but does not say it
 * for certain. Nothing has changed; replying STOP (or YES) confirms. The dedupe key is the
 * person, the command and the round, so the same question is never asked twice in a round.
 */
export function queueCommandQuestion(
  deps: MailDeps,
  args: {
    person: Person;
    command: 'STOP' | 'PAUSE' | 'RESUME';
    pauseUntil: string | null;
    roundId: number | null;
    today: string;
    thread: Thread;
  },
  now: Date,
): Queued {
  const email = renderEmail('command_question', {
    name: named(args.person),
    mentor: args.person.role === 'mentor',
    stop: args.command === 'STOP',
    pause: args.command === 'PAUSE',
    resume: args.command === 'RESUME',
    until: args.pauseUntil,
    untilText: args.pauseUntil ? longDate(args.pauseUntil) : null,
    example: addMonths(args.today, 1),
  });
  return queue(
    deps,
    {
      dedupeKey: `person:${args.person.id}:question:${args.command}:round:${args.roundId ?? 'none'}`,
      kind: 'command_question',
      to: to(args.person),
      email,
      reply: { role: args.person.role, purpose: 'command_question', pairId: null, roundId: args.roundId },
      thread: args.thread,
    },
    now,
  );
}

export function queueMentorSteppedBack(deps: MailDeps, trainee: Person, mentor: Person, dedupeKey: string, now: Date): Queued {
  const email = renderEmail('mentor_stepped_back', { trainee: named(trainee), mentor: named(mentor) });
  return queue(deps, { dedupeKey, kind: 'mentor_stepped_back', to: to(mentor), email }, now);
}

/** A trainee wrote to an e-mentor who has stepped back: their message is kept, not passed on, and they are told. */
export function queueMentorUnavailable(
  deps: MailDeps,
  args: { inboundId: number; trainee: Person; mentor: Person; thread: Thread },
  now: Date,
): Queued {
  const email = renderEmail('mentor_unavailable', { trainee: named(args.trainee), mentor: named(args.mentor) });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:mentor_unavailable`,
      kind: 'mentor_unavailable',
      to: to(args.trainee),
      email,
      thread: args.thread,
    },
    now,
  );
}

/** Alerts hold names, rounds and states: never content. */
export function queueCoordinatorAlert(
  deps: MailDeps,
  args: { dedupeKey: string; kind: string; title: string; facts: { label: string; value: string | number }[] },
  now: Date,
): Queued {
  const email = renderEmail('coordinator_alert', { title: args.title, facts: args.facts });
  return queue(
    deps,
    { dedupeKey: args.dedupeKey, kind: args.kind, to: { address: deps.config.coordinator, name: null, personId: null }, email },
    now,
  );
}

/**
 * The one follow-up for pulse ratings that were missing or not a number from 1 to 5. It names
 * the questions only: ratings are never shown to anyone else.
 */
export function queuePulseFollowup(
  deps: MailDeps,
  args: { round: Round; person: Person; form: PulseForm; heading: string; missing: number[]; unusable: number[]; thread: Thread },
  now: Date,
): Queued {
  const questions = pulseQuestions(args.form);
  const asked = [...new Set([...args.unusable, ...args.missing])].sort((a, b) => a - b);
  const email = renderEmail('pulse_followup', {
    name: named(args.person),
    round: args.round.number,
    heading: args.heading,
    unusable: args.unusable.length > 0,
    missing: args.missing.length > 0,
    questions: questions.filter((q) => asked.includes(q.number)),
    example: asked.map((n) => `Q${n}=4`).join(' '),
  });
  return queue(
    deps,
    {
      dedupeKey: `round:${args.round.id}:pulse_followup:${args.person.id}`,
      kind: 'pulse_followup',
      to: to(args.person),
      roundId: args.round.id,
      email,
      reply: { role: args.person.role, purpose: 'pulse', pairId: args.round.pair_id, roundId: args.round.id },
      unsubscribe: args.person.role === 'trainee',
      thread: args.thread,
    },
    now,
  );
}

/** A gentle word to an e-mentor whose trainee has waited a while: about time, never about ratings. */
export function queueHealthNudge(deps: MailDeps, round: Round, trainee: Person, mentor: Person, answeredOn: string, now: Date): Queued {
  const email = renderEmail('health_nudge', { trainee: named(trainee), mentor: named(mentor), round: round.number, answeredOn });
  return queue(
    deps,
    {
      dedupeKey: `round:${round.id}:health_nudge`,
      kind: 'health_nudge',
      to: to(mentor),
      roundId: round.id,
      email,
      reply: { role: 'mentor', purpose: 'conversation', pairId: round.pair_id, roundId: round.id },
      thread: { inReplyTo: round.mentor_thread_id, references: round.mentor_thread_id ? [round.mentor_thread_id] : [] },
    },
    now,
  );
}

/** The survey's questions as an email shows them: "1. Question (yes or no)". */
function evaluationQuestions(form: EvaluationForm, only?: ReadonlySet<string>) {
  return form.items.filter((i) => !only || only.has(i.key)).map((i) => ({ number: i.number, text: i.text, hint: ANSWER_HINTS[i.answer] }));
}

/** The end-of-year survey (`step` 0) or a reminder of it (1, 2, ...). */
export function queueEvaluation(
  deps: MailDeps,
  args: { evaluation: Evaluation; person: Person; form: EvaluationForm; reminder: number },
  now: Date,
): Queued {
  const { evaluation, person, form, reminder } = args;
  const email = renderEmail(reminder > 0 ? 'evaluation_reminder' : 'evaluation', {
    name: named(person),
    year: evaluation.year,
    intro: form.intro,
    questions: evaluationQuestions(form),
    mentor: person.role === 'mentor',
    left: person.status === 'withdrawn',
    example: form.items
      .filter((i) => i.answer !== 'free_text')
      .slice(0, 3)
      .map((i) => `${i.number}=${i.answer === 'yes_no' ? 'yes' : i.answer === 'scale' ? '4' : '8'}`)
      .join(' '),
  });
  return queue(
    deps,
    {
      dedupeKey: reminder > 0 ? `evaluation:${evaluation.id}:reminder:${reminder}` : `evaluation:${evaluation.id}:survey`,
      kind: reminder > 0 ? 'evaluation_reminder' : 'evaluation',
      to: to(person),
      email,
      reply: { role: person.role, purpose: 'evaluation', pairId: null, roundId: null },
      unsubscribe: person.role === 'trainee' && person.status !== 'withdrawn',
      thread: reminder > 0 && evaluation.thread_id ? { inReplyTo: evaluation.thread_id, references: [evaluation.thread_id] } : undefined,
    },
    now,
  );
}

/** The one note naming the survey's questions still unanswered (or not answered in their kind). */
export function queueEvaluationFollowup(
  deps: MailDeps,
  args: { evaluation: Evaluation; person: Person; form: EvaluationForm; keys: Set<string>; thread: Thread },
  now: Date,
): Queued {
  const email = renderEmail('evaluation_followup', {
    name: named(args.person),
    year: args.evaluation.year,
    questions: evaluationQuestions(args.form, args.keys),
  });
  return queue(
    deps,
    {
      dedupeKey: `evaluation:${args.evaluation.id}:followup`,
      kind: 'evaluation_followup',
      to: to(args.person),
      email,
      reply: { role: args.person.role, purpose: 'evaluation', pairId: null, roundId: null },
      thread: args.thread,
    },
    now,
  );
}

export function queueEvaluationThanks(deps: MailDeps, args: { evaluation: Evaluation; person: Person; thread: Thread }, now: Date): Queued {
  const email = renderEmail('evaluation_thanks', { name: named(args.person), year: args.evaluation.year });
  return queue(
    deps,
    { dedupeKey: `evaluation:${args.evaluation.id}:thanks`, kind: 'evaluation_thanks', to: to(args.person), email, thread: args.thread },
    now,
  );
}

/** The monthly report to the coordinator: the headline numbers as the body, report.html attached. */
export function queueReportEmail(
  deps: MailDeps,
  args: { dedupeKey: string; month: string; text: string; html: string },
  now: Date,
): Queued {
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${args.month}-01T12:00:00Z`),
  );
  const email = renderEmail('report', { month: monthName, text: args.text });
  return queue(
    deps,
    {
      dedupeKey: args.dedupeKey,
      kind: 'report',
      to: { address: deps.config.coordinator, name: null, personId: null },
      email,
      attachments: [{ filename: 'report.html', content_type: 'text/html; charset=utf-8', content: Buffer.from(args.html, 'utf8') }],
    },
    now,
  );
}
