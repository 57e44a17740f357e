import type { Config } from './config';
import { MentormailError } from './errors';
import { findPairByTrainee, pairsOfMentor } from './db/pairs';
import { getPerson, setStatus, type Person } from './db/people';
import { latestRound, updateRound } from './db/rounds';
import { stmt } from './db/statements';
import { queueConfirmation, queueCoordinatorAlert, queueMentorSteppedBack, type MailDeps } from './mail/emails';
import { nameInProse } from './mail/wording';
import { addMonths, localDateOf, startOfLocalDay } from './schedule/calendar';
import { roundDueDate } from './schedule/rounds';

/**
 * Taking part is voluntary, for trainees and e-mentors alike. These are the only ways a
 * person's participation changes, by email or from the CLI; each confirms by email when (and
 * only when) something changed.
 */
export type ParticipationDeps = MailDeps & { config: MailDeps['config'] & Pick<Config, 'timeZone' | 'cycleMonths'> };

export type Change = 'changed' | 'unchanged';
/** A pause must end after today: "PAUSE until <yesterday>" changes nothing and is answered. */
export type PauseOutcome = Change | 'date_not_in_future';

/** While a mentor is paused without an end, reminders wait for RESUME: a time no round reaches. */
const UNTIL_RESUMED = '9999-12-31T00:00:00.000Z';

export function today(deps: ParticipationDeps, now: Date): string {
  return localDateOf(now, deps.config.timeZone);
}

/** A pause end given by a person must be after today in MENTORMAIL_TZ. */
export function isFuturePauseEnd(deps: ParticipationDeps, until: string, now: Date): boolean {
  return until > today(deps, now);
}

/**
 * When reminders to a mentor may start again: the start of the day their pause ends, or never
 * before RESUME. Reminders honour `mentor_remind_not_before` (as for an out-of-office reply).
 */
export function mentorRemindersNotBefore(deps: ParticipationDeps, mentor: Person): string | null {
  if (mentor.status !== 'paused') return null;
  return mentor.paused_until ? startOfLocalDay(mentor.paused_until, deps.config.timeZone).toISOString() : UNTIL_RESUMED;
}

/** Rounds forwarded to this mentor that still wait for their feedback. */
const WAITING_ON_MENTOR = 'mentor_id = ? AND forwarded_at IS NOT NULL AND feedback_at IS NULL AND mentor_escalated_at IS NULL';

/**
 * STOP: no more mail to the person; who else is told depends on their role (never the content).
 * When the coordinator withdrew them (`mentormail withdraw`), the coordinator is not emailed
 * about what they just did: `tellCoordinator: false`.
 */
export function withdraw(deps: ParticipationDeps, person: Person, now: Date, opts: { tellCoordinator?: boolean } = {}): Change {
  const tellCoordinator = opts.tellCoordinator !== false;
  if (person.status === 'withdrawn') return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'withdrawn', null, now);
    const key = `person:${person.id}:withdrawn:${now.toISOString()}`;
    if (person.role === 'mentor') withdrawMentor(deps, person, key, now, tellCoordinator);
    else withdrawTrainee(deps, person, key, now, tellCoordinator);
    return 'changed';
  })();
}

/** A trainee: the mentor and the coordinator are told (no reason, no content). */
function withdrawTrainee(deps: ParticipationDeps, person: Person, key: string, now: Date, tellCoordinator: boolean): void {
  queueConfirmation(deps, 'confirm_stop', person, {}, `${key}:confirm`, now);
  const pair = findPairByTrainee(deps.db, person.id);
  if (!pair) return;
  queueMentorSteppedBack(deps, person, getPerson(deps.db, pair.mentor_id), `${key}:mentor`, now);
  const round = latestRound(deps.db, pair.id);
  if (!tellCoordinator) return;
  queueCoordinatorAlert(
    deps,
    {
      dedupeKey: `${key}:coordinator`,
      kind: 'alert_withdrawn',
      title: `${person.name} has stepped back from e-mentoring`,
      facts: [
        { label: 'Trainee', value: person.name },
        { label: 'E-mentor', value: getPerson(deps.db, pair.mentor_id).name },
        { label: 'Last round', value: round ? `${round.number} (${round.state})` : 'none yet' },
        { label: 'State', value: 'withdrawn' },
      ],
    },
    now,
  );
}

/**
 * An e-mentor: the coordinator is told which trainees need a new e-mentor, with the command
 * to reassign each; the rounds waiting for their feedback are no longer chased.
 */
function withdrawMentor(deps: ParticipationDeps, mentor: Person, key: string, now: Date, tellCoordinator: boolean): void {
  const { db } = deps;
  const trainees = pairsOfMentor(db, mentor.id)
    .map((p) => getPerson(db, p.trainee_id))
    .filter((t) => t.status !== 'withdrawn');
  const waiting = stmt(db, `UPDATE rounds SET mentor_escalated_at = ? WHERE ${WAITING_ON_MENTOR}`).run(
    now.toISOString(),
    mentor.id,
  ).changes;
  queueConfirmation(deps, 'confirm_stop', mentor, { trainees: trainees.map((t) => nameInProse(t.name)) }, `${key}:confirm`, now);
  if (!tellCoordinator) return;
  queueCoordinatorAlert(
    deps,
    {
      dedupeKey: `${key}:coordinator`,
      kind: 'alert_mentor_withdrawn',
      title: `${mentor.name} has stepped back as an e-mentor`,
      facts: [
        { label: 'E-mentor', value: `${mentor.name} <${mentor.email}>` },
        { label: 'Trainees to reassign', value: trainees.length },
        ...trainees.map((t) => ({ label: 'Reassign', value: `${t.name}: mentormail reassign ${t.email} <new e-mentor's email>` })),
        { label: 'Answers waiting for their feedback', value: waiting },
        { label: 'State', value: 'withdrawn' },
      ],
    },
    now,
  );
}

/**
 * PAUSE [until date]. A trainee gets no questionnaires or reminders; an e-mentor gets no
 * reminders (their trainees' answers still reach them, so nothing waits unseen). The end must
 * be after today.
 */
export function pause(deps: ParticipationDeps, person: Person, until: string | null, now: Date): PauseOutcome {
  if (until !== null && !isFuturePauseEnd(deps, until, now)) return 'date_not_in_future';
  if (person.status === 'withdrawn') return 'unchanged';
  if (person.status === 'paused' && person.paused_until === until) return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'paused', until, now);
    if (person.role === 'mentor') deferMentorReminders(deps, { ...person, status: 'paused', paused_until: until });
    else {
      // Pausing instead of answering: the open questionnaire is not chased after the pause.
      const pair = findPairByTrainee(deps.db, person.id);
      const open = pair ? latestRound(deps.db, pair.id) : undefined;
      if (open && open.state === 'sent') updateRound(deps.db, open.id, { state: 'skipped', skip_reason: 'paused' });
    }
    queueConfirmation(deps, 'confirm_pause', person, { until }, `person:${person.id}:paused:${now.toISOString()}`, now);
    return 'changed';
  })();
}

function deferMentorReminders(deps: ParticipationDeps, mentor: Person): void {
  const notBefore = mentorRemindersNotBefore(deps, mentor);
  if (notBefore === null) return;
  stmt(
    deps.db,
    `UPDATE rounds SET mentor_remind_not_before = ? WHERE ${WAITING_ON_MENTOR} AND (mentor_remind_not_before IS NULL OR mentor_remind_not_before < ?)`,
  ).run(notBefore, mentor.id, notBefore);
}

/** The date of the next questionnaire after today, for the RESUME confirmation. */
export function nextQuestionnaireDate(deps: ParticipationDeps, person: Person, now: Date): string {
  const pair = findPairByTrainee(deps.db, person.id);
  const day = today(deps, now);
  if (!pair) return day;
  let n = 1;
  while (roundDueDate(pair.start_date, n, deps.config.cycleMonths) <= day) n++;
  return roundDueDate(pair.start_date, n, deps.config.cycleMonths);
}

export function resume(deps: ParticipationDeps, person: Person, now: Date): Change {
  if (person.status !== 'paused') return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'active', null, now);
    if (person.role === 'mentor') {
      // Only the deferral the pause set: an out-of-office date of their own stays.
      const deferred = mentorRemindersNotBefore(deps, person);
      stmt(deps.db, `UPDATE rounds SET mentor_remind_not_before = NULL WHERE ${WAITING_ON_MENTOR} AND mentor_remind_not_before = ?`).run(
        person.id,
        deferred,
      );
    }
    queueConfirmation(
      deps,
      'confirm_resume',
      person,
      { nextDate: person.role === 'trainee' ? nextQuestionnaireDate(deps, person, now) : undefined },
      `person:${person.id}:resumed:${now.toISOString()}`,
      now,
    );
    return 'changed';
  })();
}

/** The CLI's check: a clear refusal (exit 2) instead of a pause that ended before it began. */
export function requireFuturePauseEnd(deps: ParticipationDeps, until: string, now: Date): void {
  if (!isFuturePauseEnd(deps, until, now))
    throw new MentormailError(
      'USAGE',
      `--until ${until} is not after today (${today(deps, now)} in ${deps.config.timeZone}): give the day the pause should end, for example --until ${addMonths(today(deps, now), 1)}`,
    );
}
