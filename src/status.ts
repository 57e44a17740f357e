import type { Config } from './config';
import type { Db } from './db/open';
import { stmt } from './db/statements';
import { formatMatchingOverview, matchingOverview, type MatchingOverview } from './matching/flow/overview';

/** States and counts for the coordinator: names and numbers only, never content. */
export interface StatusReport {
  generated_at: string;
  people: { trainees: number; mentors: number; active: number; paused: number; withdrawn: number; failing_addresses: number };
  rounds_by_state: Record<string, number>;
  counts: {
    sent: number;
    answered: number;
    complete: number;
    forwarded: number;
    feedback_received: number;
    reminded: number;
    lapsed: number;
    /** Skipped because the trainee was paused. */
    paused: number;
    /** Skipped because the trainee had withdrawn before it was sent. */
    withdrawn: number;
    /** Never sent: a newer round replaced it while it waited (for the sending window, say). */
    superseded: number;
    /** Skipped before mentormail recorded why (rounds from before migration 003). */
    skipped_reason_unknown: number;
  };
  overdue_trainees: { trainee: string; round: number; days_overdue: number; reminders_sent: number }[];
  overdue_mentors: { mentor: string; trainee: string; round: number; days_overdue: number; reminders_sent: number }[];
  /** E-mentors who replied STOP, with the trainees still assigned to them: to reassign. */
  mentors_stepped_back: { mentor: string; email: string; since: string; reassign: { trainee: string; email: string }[] }[];
  /** E-mentors who replied PAUSE: no reminders go to them until the date, or until RESUME. */
  mentors_paused: { mentor: string; until: string | null }[];
  inbound: Record<string, number>;
  outbox: Record<string, number>;
  /** Trainees waiting, proposed, requested, matched (counts and names). */
  matching: MatchingOverview;
}

const DAY_MS = 86_400_000;
const STATES = ['scheduled', 'sent', 'answered', 'complete', 'lapsed', 'skipped'];

function countBy(db: Db, sql: string): Record<string, number> {
  const rows = stmt(db, sql).all() as { key: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

function one(db: Db, sql: string): number {
  return (stmt(db, sql).get() as { n: number }).n;
}

export function statusReport(
  db: Db,
  config: Pick<Config, 'remindAfterDays' | 'mentorFeedbackDays' | 'profilesPath' | 'matching'>,
  now: Date,
): StatusReport {
  const byState = countBy(db, 'SELECT state AS key, COUNT(*) AS n FROM rounds GROUP BY state');
  const people = countBy(db, "SELECT role || ':' || status AS key, COUNT(*) AS n FROM people GROUP BY role, status");
  const trainees = (s: string) => people[`trainee:${s}`] ?? 0;
  const overdueTrainees = (
    stmt(
      db,
      `SELECT t.name AS trainee, r.number AS round, r.sent_at, r.reminders_sent FROM rounds r
         JOIN pairs p ON p.id = r.pair_id JOIN people t ON t.id = p.trainee_id
         WHERE r.state = 'sent' AND t.status = 'active' ORDER BY r.sent_at`,
    ).all() as { trainee: string; round: number; sent_at: string; reminders_sent: number }[]
  )
    .map((r) => ({
      trainee: r.trainee,
      round: r.round,
      reminders_sent: r.reminders_sent,
      days_overdue: Math.floor((now.getTime() - Date.parse(r.sent_at)) / DAY_MS) - config.remindAfterDays,
    }))
    .filter((r) => r.days_overdue > 0);
  const overdueMentors = (
    stmt(
      db,
      `SELECT m.name AS mentor, t.name AS trainee, r.number AS round, r.forwarded_at, r.mentor_reminders_sent FROM rounds r
         JOIN pairs p ON p.id = r.pair_id JOIN people t ON t.id = p.trainee_id JOIN people m ON m.id = r.mentor_id
         WHERE r.forwarded_at IS NOT NULL AND r.feedback_at IS NULL AND t.status != 'withdrawn' AND m.status != 'withdrawn'
         ORDER BY r.forwarded_at`,
    ).all() as { mentor: string; trainee: string; round: number; forwarded_at: string; mentor_reminders_sent: number }[]
  )
    .map((r) => ({
      mentor: r.mentor,
      trainee: r.trainee,
      round: r.round,
      reminders_sent: r.mentor_reminders_sent,
      days_overdue: Math.floor((now.getTime() - Date.parse(r.forwarded_at)) / DAY_MS) - config.mentorFeedbackDays,
    }))
    .filter((r) => r.days_overdue > 0);
  const steppedBack = stmt(
    db,
    "SELECT id, name, email, status_since FROM people WHERE role = 'mentor' AND status = 'withdrawn' ORDER BY name",
  ).all() as {
    id: number;
    name: string;
    email: string;
    status_since: string;
  }[];
  const traineesOf = (mentorId: number) =>
    stmt(
      db,
      `SELECT t.name AS trainee, t.email FROM pairs p JOIN people t ON t.id = p.trainee_id
         WHERE p.mentor_id = ? AND t.status != 'withdrawn' ORDER BY t.name`,
    ).all(mentorId) as { trainee: string; email: string }[];
  const pausedMentors = stmt(
    db,
    "SELECT name AS mentor, paused_until AS until FROM people WHERE role = 'mentor' AND status = 'paused' ORDER BY name",
  ).all() as {
    mentor: string;
    until: string | null;
  }[];
  return {
    generated_at: now.toISOString(),
    people: {
      trainees: trainees('active') + trainees('paused') + trainees('withdrawn'),
      mentors: (people['mentor:active'] ?? 0) + (people['mentor:paused'] ?? 0) + (people['mentor:withdrawn'] ?? 0),
      active: trainees('active'),
      paused: trainees('paused'),
      withdrawn: trainees('withdrawn'),
      failing_addresses: one(db, 'SELECT COUNT(*) AS n FROM people WHERE address_failing_since IS NOT NULL'),
    },
    rounds_by_state: Object.fromEntries(STATES.map((s) => [s, byState[s] ?? 0])),
    counts: {
      sent: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE sent_at IS NOT NULL'),
      answered: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE answered_at IS NOT NULL'),
      complete: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE completed_at IS NOT NULL'),
      forwarded: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE forwarded_at IS NOT NULL'),
      feedback_received: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE feedback_at IS NOT NULL'),
      reminded: one(db, 'SELECT COUNT(*) AS n FROM rounds WHERE reminders_sent > 0'),
      lapsed: one(db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'lapsed'"),
      paused: one(db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'skipped' AND skip_reason = 'paused'"),
      withdrawn: one(db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'skipped' AND skip_reason = 'withdrawn'"),
      superseded: one(db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'skipped' AND skip_reason = 'superseded'"),
      skipped_reason_unknown: one(db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'skipped' AND skip_reason IS NULL"),
    },
    overdue_trainees: overdueTrainees,
    overdue_mentors: overdueMentors,
    mentors_stepped_back: steppedBack.map((m) => ({ mentor: m.name, email: m.email, since: m.status_since, reassign: traineesOf(m.id) })),
    mentors_paused: pausedMentors,
    inbound: countBy(db, 'SELECT state AS key, COUNT(*) AS n FROM inbound GROUP BY state'),
    outbox: countBy(db, 'SELECT state AS key, COUNT(*) AS n FROM outbox GROUP BY state'),
    matching: matchingOverview(db, config),
  };
}

/** What each count means, where its key alone would mislead. */
const COUNT_LABELS: Record<string, string> = {
  paused: 'skipped: trainee paused',
  withdrawn: 'skipped: trainee withdrawn',
  superseded: 'skipped: replaced by a newer round',
  skipped_reason_unknown: 'skipped: reason not recorded',
};

export function formatStatus(r: StatusReport): string {
  const lines = [
    `mentormail status at ${r.generated_at}`,
    '',
    `Trainees: ${r.people.trainees} (${r.people.active} active, ${r.people.paused} paused, ${r.people.withdrawn} withdrawn); e-mentors: ${r.people.mentors}; failing addresses: ${r.people.failing_addresses}`,
    '',
    'Rounds by state:',
    ...Object.entries(r.rounds_by_state).map(([s, n]) => `  ${s.padEnd(10)} ${n}`),
    '',
    'Rounds that were:',
    ...Object.entries(r.counts)
      .filter(([s, n]) => s !== 'skipped_reason_unknown' || n > 0)
      .map(([s, n]) => `  ${(COUNT_LABELS[s] ?? s.replace(/_/g, ' ')).padEnd(36)} ${n}`),
    '',
    `Overdue trainees: ${r.overdue_trainees.length === 0 ? 'none' : ''}`,
    ...r.overdue_trainees.map(
      (o) => `  ${o.trainee}, round ${o.round}: ${o.days_overdue} days overdue, ${o.reminders_sent} reminders sent`,
    ),
    `Overdue e-mentor feedback: ${r.overdue_mentors.length === 0 ? 'none' : ''}`,
    ...r.overdue_mentors.map(
      (o) => `  ${o.mentor} for ${o.trainee}, round ${o.round}: ${o.days_overdue} days overdue, ${o.reminders_sent} reminders sent`,
    ),
    ...(r.mentors_stepped_back.length === 0
      ? []
      : [
          'E-mentors who stepped back (their trainees need a new e-mentor):',
          ...r.mentors_stepped_back.flatMap((m) => [
            `  ${m.mentor} <${m.email}>, since ${m.since.slice(0, 10)}: ${m.reassign.length === 0 ? 'no trainees left to reassign' : `${m.reassign.length} to reassign`}`,
            ...m.reassign.map((t) => `    mentormail reassign ${t.email} <new e-mentor's email>    # ${t.trainee}`),
          ]),
        ]),
    ...(r.mentors_paused.length === 0
      ? []
      : [`E-mentors paused (no reminders): ${r.mentors_paused.map((m) => `${m.mentor}${m.until ? ` until ${m.until}` : ''}`).join(', ')}`]),
    '',
    `Received mail: ${
      Object.entries(r.inbound)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ') || 'none'
    }${r.inbound.held ? ' (held: not matched to the person it was sent to; never forwarded)' : ''}`,
    `Outgoing mail: ${
      Object.entries(r.outbox)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ') || 'none'
    }`,
  ];
  const matching = formatMatchingOverview(r.matching);
  if (matching.length > 0) lines.push('', ...matching);
  return lines.join('\n');
}
