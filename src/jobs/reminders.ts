import { getPair } from '../db/pairs';
import { getPerson } from '../db/people';
import { getRound, updateRound, type Round } from '../db/rounds';
import { queueCoordinatorAlert, queueMentorReminder, queueTraineeReminder } from '../mail/emails';
import { mentorDecision, traineeDecision, type ReminderPolicy } from '../reminders/policy';
import { localDateOf } from '../schedule/calendar';
import { isInsideSendingWindow } from '../schedule/window';
import type { Deps, Job } from './deps';
import { stmt } from '../db/statements';

/** The trainee and the mentor of a round. */
function pairOf(deps: Deps, round: Round) {
  return { trainee: getPerson(deps.db, getPair(deps.db, round.pair_id).trainee_id), mentor: getPerson(deps.db, round.mentor_id) };
}

/**
 * Reminds trainees who have not answered, a bounded number of times and only inside the
 * sending window; then marks the round lapsed and tells the coordinator (no content).
 */
export const remindTrainees: Job = {
  id: 'remind-trainees',
  async run(deps, now) {
    const { config, db } = deps;
    const policy: ReminderPolicy = {
      firstAfterDays: config.remindAfterDays,
      everyDays: config.remindEveryDays,
      maxReminders: config.maxReminders,
    };
    const inWindow = isInsideSendingWindow(now, config.window, config.timeZone);
    for (const candidate of stmt(db, "SELECT id FROM rounds WHERE state = 'sent'").all() as { id: number }[]) {
      db.transaction(() => {
        const round = getRound(db, candidate.id);
        const { trainee, mentor } = pairOf(deps, round);
        if (trainee.status !== 'active' || trainee.address_failing_since) return;
        const decision = traineeDecision(round, policy, now);
        if (decision.action === 'remind' && inWindow) {
          queueTraineeReminder(deps, round, trainee, mentor, decision.number, now);
          updateRound(db, round.id, { reminders_sent: decision.number, last_reminder_at: now.toISOString() });
          deps.logger.log('info', 'round.reminder_queued', { round_id: round.id, number: decision.number });
        } else if (decision.action === 'give_up') {
          updateRound(db, round.id, { state: 'lapsed', lapsed_at: now.toISOString() });
          queueCoordinatorAlert(
            deps,
            {
              dedupeKey: `round:${round.id}:lapsed`,
              kind: 'alert_lapsed',
              title: `No answer from ${trainee.name} for round ${round.number}`,
              facts: [
                { label: 'Trainee', value: trainee.name },
                { label: 'E-mentor', value: mentor.name },
                { label: 'Round', value: round.number },
                { label: 'Questionnaire sent', value: localDateOf(new Date(round.sent_at as string), config.timeZone) },
                { label: 'Reminders sent', value: round.reminders_sent },
                { label: 'State', value: 'lapsed' },
              ],
            },
            now,
          );
          deps.logger.log('info', 'round.lapsed', { round_id: round.id });
        }
      })();
    }
  },
};

/** Reminds e-mentors who have not given feedback; then tells the coordinator, who may reassign. */
export const remindMentors: Job = {
  id: 'remind-mentors',
  async run(deps, now) {
    const { config, db } = deps;
    const policy: ReminderPolicy = {
      firstAfterDays: config.mentorFeedbackDays,
      everyDays: config.remindEveryDays,
      maxReminders: config.maxReminders,
    };
    const inWindow = isInsideSendingWindow(now, config.window, config.timeZone);
    const candidates = stmt(
      db,
      'SELECT id FROM rounds WHERE forwarded_at IS NOT NULL AND feedback_at IS NULL AND mentor_escalated_at IS NULL',
    ).all() as { id: number }[];
    for (const candidate of candidates) {
      db.transaction(() => {
        const round = getRound(db, candidate.id);
        const { trainee, mentor } = pairOf(deps, round);
        if (trainee.status === 'withdrawn' || mentor.address_failing_since) return;
        const decision = mentorDecision(round, policy, now);
        const answeredOn = localDateOf(new Date(round.forwarded_at as string), config.timeZone);
        if (decision.action === 'remind' && inWindow) {
          queueMentorReminder(deps, round, trainee, mentor, decision.number, answeredOn, now);
          updateRound(db, round.id, { mentor_reminders_sent: decision.number, mentor_last_reminder_at: now.toISOString() });
          deps.logger.log('info', 'round.mentor_reminder_queued', { round_id: round.id, number: decision.number });
        } else if (decision.action === 'give_up') {
          updateRound(db, round.id, { mentor_escalated_at: now.toISOString() });
          queueCoordinatorAlert(
            deps,
            {
              dedupeKey: `round:${round.id}:mentor_silent`,
              kind: 'alert_mentor_silent',
              title: `No feedback from ${mentor.name} for ${trainee.name}, round ${round.number}`,
              facts: [
                { label: 'E-mentor', value: mentor.name },
                { label: 'Trainee', value: trainee.name },
                { label: 'Round', value: round.number },
                { label: 'Answers forwarded', value: answeredOn },
                { label: 'Reminders sent', value: round.mentor_reminders_sent },
                { label: 'What you can do', value: `mentormail reassign ${trainee.email} <new mentor's email>` },
              ],
            },
            now,
          );
          deps.logger.log('info', 'round.mentor_escalated', { round_id: round.id });
        }
      })();
    }
  },
};
