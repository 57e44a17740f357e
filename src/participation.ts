import type { Config } from './config';
import { MentormailError } from './errors';
import { findPairByTrainee } from './db/pairs';
import { getPerson, setStatus, type Person } from './db/people';
import { latestRound, updateRound } from './db/rounds';
import { queueConfirmation, queueCoordinatorAlert, queueMentorSteppedBack, type MailDeps } from './mail/emails';
import { localDateOf } from './schedule/calendar';
import { roundDueDate } from './schedule/rounds';

/**
 * Taking part is voluntary. These are the only ways a trainee's participation changes, by
 * email or from the CLI; each confirms by email when (and only when) something changed.
 */
export type ParticipationDeps = MailDeps & { config: MailDeps['config'] & Pick<Config, 'timeZone' | 'cycleMonths'> };

export type Change = 'changed' | 'unchanged';

function requireTrainee(person: Person): void {
  if (person.role !== 'trainee') throw new MentormailError('USAGE', `${person.email} is an e-mentor, not a trainee`);
}

/**
 * STOP: no more mail to the trainee; the mentor and the coordinator are told (no reason, no
 * content). When the coordinator withdrew them (`mentormail withdraw`), they are not emailed
 * about what they just did: `tellCoordinator: false`.
 */
export function withdraw(deps: ParticipationDeps, person: Person, now: Date, opts: { tellCoordinator?: boolean } = {}): Change {
  requireTrainee(person);
  if (person.status === 'withdrawn') return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'withdrawn', null, now);
    const key = `person:${person.id}:withdrawn:${now.toISOString()}`;
    queueConfirmation(deps, 'confirm_stop', person, {}, `${key}:confirm`, now);
    const pair = findPairByTrainee(deps.db, person.id);
    if (pair) {
      queueMentorSteppedBack(deps, person, getPerson(deps.db, pair.mentor_id), `${key}:mentor`, now);
      const round = latestRound(deps.db, pair.id);
      if (opts.tellCoordinator !== false)
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
    return 'changed';
  })();
}

/** PAUSE [until date]: no questionnaires or reminders until RESUME or that date. */
export function pause(deps: ParticipationDeps, person: Person, until: string | null, now: Date): Change {
  requireTrainee(person);
  if (person.status === 'withdrawn') return 'unchanged';
  if (person.status === 'paused' && person.paused_until === until) return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'paused', until, now);
    // Pausing instead of answering: the open questionnaire is not chased after the pause.
    const pair = findPairByTrainee(deps.db, person.id);
    const open = pair ? latestRound(deps.db, pair.id) : undefined;
    if (open && open.state === 'sent') updateRound(deps.db, open.id, { state: 'skipped', skip_reason: 'paused' });
    queueConfirmation(deps, 'confirm_pause', person, { until }, `person:${person.id}:paused:${now.toISOString()}`, now);
    return 'changed';
  })();
}

/** The date of the next questionnaire after today, for the RESUME confirmation. */
export function nextQuestionnaireDate(deps: ParticipationDeps, person: Person, now: Date): string {
  const pair = findPairByTrainee(deps.db, person.id);
  const today = localDateOf(now, deps.config.timeZone);
  if (!pair) return today;
  let n = 1;
  while (roundDueDate(pair.start_date, n, deps.config.cycleMonths) <= today) n++;
  return roundDueDate(pair.start_date, n, deps.config.cycleMonths);
}

export function resume(deps: ParticipationDeps, person: Person, now: Date): Change {
  requireTrainee(person);
  if (person.status !== 'paused') return 'unchanged';
  return deps.db.transaction((): Change => {
    setStatus(deps.db, person.id, 'active', null, now);
    queueConfirmation(
      deps,
      'confirm_resume',
      person,
      { nextDate: nextQuestionnaireDate(deps, person, now) },
      `person:${person.id}:resumed:${now.toISOString()}`,
      now,
    );
    return 'changed';
  })();
}
