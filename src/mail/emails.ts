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
import { addMonths } from '../schedule/calendar';
import { queueMail, type Queued, type QueueRequest } from './outbox';
import { renderEmail } from './templates';

/** What composing an email needs; a subset of the job deps. */
export interface MailDeps {
  db: Db;
  config: Pick<Config, 'address' | 'fromName' | 'showAddresses' | 'coordinator' | 'pulsePath'>;
  questionnaire: Questionnaire;
}

export interface Thread {
  inReplyTo: string | null;
  references: string[];
}

const GOAL_KEYS = ['goals_short_term', 'goals_medium_term', 'goals_long_term'];

/** A date two months on, to show how `PAUSE until <date>` is written. */
function pauseExample(now: Date): string {
  return addMonths(now.toISOString().slice(0, 10), 2);
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
  return `${person.name} via ${deps.config.fromName}`;
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
    trainee: trainee.name,
    mentor: mentor.name,
    round: round.number,
    intro: deps.questionnaire.intro,
    sections: deps.questionnaire.sections,
    previousGoals: goalLines(previous, deps.questionnaire),
    pauseExample: pauseExample(now),
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
    unstructured: string | null;
    addendum: boolean;
    thread: Thread;
  },
  now: Date,
): Queued {
  const previousGoals = new Map(goalLines(args.previous, deps.questionnaire).map((g) => [g.key, g.value]));
  const email = renderEmail('forward', {
    trainee: args.trainee.name,
    mentor: args.mentor.name,
    round: args.round.number,
    addendum: args.addendum,
    missing: missingSections(args.answers, deps.questionnaire).map((s) => s.title),
    sections: sectionViews(args.answers, deps.questionnaire).map((v) => ({ ...v, previous: previousGoals.get(v.key) ?? null })),
    unstructured: args.unstructured,
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
    },
    now,
  );
}

export function queueReceipt(
  deps: MailDeps,
  args: { inboundId: number; round: Round; trainee: Person; mentor: Person; answers: Answers; askForMissing: boolean; thread: Thread },
  now: Date,
): Queued {
  const missing = args.askForMissing ? missingSections(args.answers, deps.questionnaire).map((s) => `${s.number}. ${s.title}`) : [];
  const email = renderEmail('receipt', {
    trainee: args.trainee.name,
    mentor: args.mentor.name,
    round: args.round.number,
    sections: sectionViews(args.answers, deps.questionnaire),
    missing,
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:receipt`,
      kind: missing.length > 0 ? 'receipt_followup' : 'receipt',
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
    thread: Thread;
  },
  now: Date,
): Queued {
  const fromMentor = args.sender.role === 'mentor';
  const senderLabel = deps.config.showAddresses ? `${args.sender.name} <${args.sender.email}>` : args.sender.name;
  const email = renderEmail('relay', { subject: args.subject, body: args.body, sender: senderLabel, fromMentor });
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
    sender: args.sender.name,
    recipient: args.recipient.name,
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
    trainee: trainee.name,
    mentor: mentor.name,
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
  const email = renderEmail('mentor_reminder', { trainee: trainee.name, mentor: mentor.name, round: round.number, answeredOn });
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

export function queueConfirmation(
  deps: MailDeps,
  kind: ConfirmationKind,
  trainee: Person,
  context: { until?: string | null; nextDate?: string },
  dedupeKey: string,
  now: Date,
): Queued {
  const email = renderEmail(kind, { trainee: trainee.name, ...context });
  return queue(
    deps,
    {
      dedupeKey,
      kind,
      to: to(trainee),
      email,
      // After STOP nothing more is sent, so there is nothing to reply or unsubscribe to.
      reply: kind === 'confirm_stop' ? undefined : { role: 'trainee', purpose: 'conversation', pairId: null, roundId: null },
      unsubscribe: kind !== 'confirm_stop',
    },
    now,
  );
}

export function queueMentorSteppedBack(deps: MailDeps, trainee: Person, mentor: Person, dedupeKey: string, now: Date): Queued {
  const email = renderEmail('mentor_stepped_back', { trainee: trainee.name, mentor: mentor.name });
  return queue(deps, { dedupeKey, kind: 'mentor_stepped_back', to: to(mentor), email }, now);
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
    name: args.person.name,
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
  const email = renderEmail('health_nudge', { trainee: trainee.name, mentor: mentor.name, round: round.number, answeredOn });
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
    name: person.name,
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
    name: args.person.name,
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
  const email = renderEmail('evaluation_thanks', { name: args.person.name, year: args.evaluation.year });
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
