import type { Config } from '../config';
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
  config: Pick<Config, 'address' | 'fromName' | 'showAddresses' | 'coordinator'>;
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
    /** What the trainee attached, as far as it can be relayed. */
    attachments?: OutboxAttachment[];
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
