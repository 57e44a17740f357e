/**
 * The emails of matching: profiles, short lists, requests to e-mentors, introductions, and
 * the coordinator's proposal. Trainees and e-mentors are not paired yet, so their reply tokens
 * carry no pair: the purpose says what a reply is about (see inbox/handlers/matching.ts).
 */
import type { Config } from '../config';
import type { Person } from '../db/people';
import type { MailDeps, Thread } from './emails';
import { queueMail, type Queued, type QueueRequest } from './outbox';
import { renderEmail } from './templates';

export type MatchMailDeps = MailDeps & { config: MailDeps['config'] & Pick<Config, 'cycleMonths' | 'timeZone'> };

/** What a short list or a request shows of the other side: never a name or an address. */
export interface AnonymousProfile {
  specialty: string;
  band: string;
  region: string;
  shared: string[];
  bio: string;
}

function queue(deps: MailDeps, req: QueueRequest, now: Date): Queued {
  return queueMail(deps.db, { address: deps.config.address, fromName: deps.config.fromName }, req, now);
}

function to(person: Person) {
  return { address: person.email, name: person.name, personId: person.id };
}

/** "Monday 11 January 2027", in the scheme's time zone. */
export function longDate(instant: Date, timeZone: string): string {
  // Assembled from parts: ICU versions differ on the comma after the weekday.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** A local date (YYYY-MM-DD) written out: "Monday 1 February 2027". */
export function longLocalDate(date: string): string {
  return longDate(new Date(`${date}T12:00:00Z`), 'UTC');
}

export function queueProfileEmail(
  deps: MailDeps,
  person: Person,
  view: {
    asked: boolean;
    lines: { label: string; value: string }[];
    problems: string[];
    missing: string[];
    vocabulary: { interests: string[]; regions: string[]; preferences: string[] };
    maxInterests: number;
    maxBioWords: number;
  },
  dedupeKey: string,
  thread: Thread | undefined,
  now: Date,
): Queued {
  const email = renderEmail('match_profile', { name: person.name, mentor: person.role === 'mentor', ...view });
  return queue(
    deps,
    {
      dedupeKey,
      kind: view.asked ? 'match_profile_ask' : 'match_profile_recorded',
      to: to(person),
      email,
      reply: { role: person.role, purpose: 'profile', pairId: null, roundId: null },
      thread,
    },
    now,
  );
}

export function queueShortlist(
  deps: MailDeps,
  trainee: Person,
  args: {
    listNumber: number;
    candidates: (AnonymousProfile & { letter: string; reasons: string[] })[];
    note: string | null;
    thread?: Thread;
  },
  now: Date,
): Queued {
  const letters = args.candidates.map((c) => c.letter);
  const email = renderEmail('match_shortlist', {
    trainee: trainee.name,
    first: args.listNumber === 1,
    count: args.candidates.length,
    candidates: args.candidates,
    note: args.note,
    example: letters[1] ?? letters[0],
    second: letters[0],
  });
  return queue(
    deps,
    {
      dedupeKey: `shortlist:${trainee.id}:${args.listNumber}`,
      kind: 'match_shortlist',
      to: to(trainee),
      email,
      reply: { role: 'trainee', purpose: 'shortlist', pairId: null, roundId: null },
      unsubscribe: true,
      thread: args.thread,
    },
    now,
  );
}

export function queueChoiceRecorded(
  deps: MailDeps,
  trainee: Person,
  args: {
    inboundId: number;
    choices: { rank: number; letter: string; specialty: string; band: string; region: string }[];
    requested: string | null;
    days: number;
    thread: Thread;
  },
  now: Date,
): Queued {
  const email = renderEmail('match_choice_recorded', { trainee: trainee.name, ...args });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:choice`,
      kind: 'match_choice_recorded',
      to: to(trainee),
      email,
      reply: { role: 'trainee', purpose: 'shortlist', pairId: null, roundId: null },
      unsubscribe: true,
      thread: args.thread,
    },
    now,
  );
}

/** "We could not tell what your reply meant": to a trainee, an e-mentor or the coordinator. */
export function queueUnclearReply(
  deps: MailDeps,
  recipient: { person: Person; purpose: 'shortlist' | 'match_request' } | 'coordinator',
  args: { inboundId: number; unknown?: string[]; offered?: string[]; thread: Thread },
  now: Date,
): Queued {
  const person = recipient === 'coordinator' ? null : recipient.person;
  const offered = args.offered ?? [];
  const email = renderEmail('match_unclear', {
    name: person?.name ?? null,
    forTrainee: person?.role === 'trainee',
    forMentor: person?.role === 'mentor',
    forCoordinator: person === null,
    unknown: args.unknown && args.unknown.length > 0 ? args.unknown : null,
    offered,
    example: offered[1] ?? offered[0] ?? 'B',
    second: offered[0] ?? 'A',
  });
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:match_unclear`,
      kind: 'match_unclear',
      to: person ? to(person) : { address: deps.config.coordinator, name: null, personId: null },
      email,
      reply:
        recipient === 'coordinator' ? undefined : { role: recipient.person.role, purpose: recipient.purpose, pairId: null, roundId: null },
      thread: args.thread,
    },
    now,
  );
}

export function queueMatchRequest(
  deps: MatchMailDeps,
  mentor: Person,
  args: {
    requestId: number;
    reminder: boolean;
    chosen: boolean;
    trainee: AnonymousProfile;
    reasons: string[];
    deadline: Date;
    startDate: string;
    taken: number;
    capacity: number;
  },
  now: Date,
): Queued {
  const email = renderEmail('match_request', {
    mentor: mentor.name,
    reminder: args.reminder,
    chosen: args.chosen,
    trainee: args.trainee,
    reasons: args.reasons,
    deadline: longDate(args.deadline, deps.config.timeZone),
    startDate: longLocalDate(args.startDate),
    showAddresses: deps.config.showAddresses,
    taken: args.taken,
    capacity: args.capacity,
  });
  return queue(
    deps,
    {
      dedupeKey: `match_request:${args.requestId}${args.reminder ? ':reminder' : ''}`,
      kind: args.reminder ? 'match_request_reminder' : 'match_request',
      to: to(mentor),
      email,
      reply: { role: 'mentor', purpose: 'match_request', pairId: null, roundId: null },
    },
    now,
  );
}

export function queueIntroductions(
  deps: MatchMailDeps,
  args: {
    requestId: number;
    pairId: number;
    trainee: Person;
    mentor: Person;
    traineeView: AnonymousProfile;
    mentorView: AnonymousProfile;
    startDate: string;
  },
  now: Date,
): Queued[] {
  const common = { cycleMonths: deps.config.cycleMonths, startDate: longLocalDate(args.startDate) };
  const sides = [
    { recipient: args.trainee, other: args.mentor, profile: args.mentorView, forTrainee: true },
    { recipient: args.mentor, other: args.trainee, profile: args.traineeView, forTrainee: false },
  ];
  return sides.map(({ recipient, other, profile, forTrainee }) =>
    queue(
      deps,
      {
        dedupeKey: `match_request:${args.requestId}:introduction:${recipient.role}`,
        kind: 'match_introduction',
        to: to(recipient),
        email: renderEmail('match_introduction', {
          ...common,
          name: recipient.name,
          other: other.name,
          otherAddress: deps.config.showAddresses ? other.email : null,
          profile,
          forTrainee,
        }),
        reply: { role: recipient.role, purpose: 'conversation', pairId: args.pairId, roundId: null },
        unsubscribe: forTrainee,
      },
      now,
    ),
  );
}

export function queueNextChoiceNote(
  deps: MailDeps,
  trainee: Person,
  args: { requestId: number; letter: string | null; next: string | null; days: number },
  now: Date,
): Queued {
  return queue(
    deps,
    {
      dedupeKey: `match_request:${args.requestId}:next_choice`,
      kind: 'match_next_choice',
      to: to(trainee),
      email: renderEmail('match_next_choice', { trainee: trainee.name, letter: args.letter, next: args.next, days: args.days }),
      reply: { role: 'trainee', purpose: 'shortlist', pairId: null, roundId: null },
      unsubscribe: true,
    },
    now,
  );
}

export function queueRequestClosed(
  deps: MailDeps,
  mentor: Person,
  args: { inboundId: number; accepted: boolean; withdrawn: boolean; full: boolean; capacity: number; closedOn: string; thread: Thread },
  now: Date,
): Queued {
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:match_closed`,
      kind: 'match_request_closed',
      to: to(mentor),
      email: renderEmail('match_request_closed', { mentor: mentor.name, ...args }),
      thread: args.thread,
    },
    now,
  );
}

export function queueDeclineThanks(deps: MailDeps, mentor: Person, args: { inboundId: number; thread: Thread }, now: Date): Queued {
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:decline_thanks`,
      kind: 'match_decline_thanks',
      to: to(mentor),
      email: renderEmail('match_decline_thanks', { mentor: mentor.name }),
      thread: args.thread,
    },
    now,
  );
}

export function queueProposalEmail(
  deps: MailDeps,
  args: {
    proposalId: number;
    replyTo: string;
    file: string;
    totalPoints: number;
    rows: { trainee: string; mentor: string | null; points: number | null; rank: number | null; reasons: string; why: string | null }[];
  },
  now: Date,
): Queued {
  const placed = args.rows.filter((r) => r.mentor !== null).length;
  return queue(
    deps,
    {
      dedupeKey: `match_proposal:${args.proposalId}`,
      kind: 'match_proposal',
      to: { address: deps.config.coordinator, name: null, personId: null },
      email: renderEmail('match_proposal', {
        id: args.proposalId,
        placed,
        total: args.rows.length,
        totalPoints: args.totalPoints,
        rows: args.rows,
        file: args.file,
      }),
      replyTo: args.replyTo,
    },
    now,
  );
}

export function queueApprovalResult(
  deps: MailDeps,
  args: { proposalId: number; inboundId: number; sent: number; problems: string[]; days: number; thread: Thread },
  now: Date,
): Queued {
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:approval`,
      kind: 'match_approval_result',
      to: { address: deps.config.coordinator, name: null, personId: null },
      email: renderEmail('match_approval_result', {
        id: args.proposalId,
        sent: args.sent,
        problems: args.problems.length > 0 ? args.problems : null,
        days: args.days,
      }),
      thread: args.thread,
    },
    now,
  );
}

export type TraineeNote = 'byHand' | 'noMore' | 'requested' | 'matched';

/** A short answer to a trainee's reply that changed nothing, or that handed them to the coordinator. */
export function queueTraineeNote(
  deps: MailDeps,
  trainee: Person,
  args: { inboundId: number; note: TraineeNote; offered: string[]; thread: Thread },
  now: Date,
): Queued {
  return queue(
    deps,
    {
      dedupeKey: `inbound:${args.inboundId}:match_note`,
      kind: `match_note_${args.note}`,
      to: to(trainee),
      email: renderEmail('match_trainee_note', { trainee: trainee.name, [args.note]: true, offered: args.offered }),
      reply: { role: 'trainee', purpose: 'shortlist', pairId: null, roundId: null },
      unsubscribe: true,
      thread: args.thread,
    },
    now,
  );
}
