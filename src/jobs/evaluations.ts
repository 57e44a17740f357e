import { evaluationsInState, getEvaluation, updateEvaluation } from '../db/evaluations';
import { getPerson } from '../db/people';
import { loadEvaluation } from '../evaluation/definition';
import { queueEvaluation } from '../mail/emails';
import { decide } from '../reminders/policy';
import { isInsideSendingWindow } from '../schedule/window';
import type { Job } from './deps';

/** Sends the surveys `evaluate open` added, inside the sending window; an address that bounced waits. */
export const sendEvaluations: Job = {
  id: 'send-evaluations',
  async run(deps, now) {
    const { config, db } = deps;
    if (!isInsideSendingWindow(now, config.window, config.timeZone)) return;
    for (const scheduled of evaluationsInState(db, ['scheduled'])) {
      const definition = loadEvaluation();
      db.transaction(() => {
        const evaluation = getEvaluation(db, scheduled.id);
        const person = getPerson(db, evaluation.person_id);
        if (person.address_failing_since) return;
        const queued = queueEvaluation(deps, { evaluation, person, form: definition[evaluation.role], reminder: 0 }, now);
        updateEvaluation(db, evaluation.id, { state: 'sent', sent_at: now.toISOString(), thread_id: queued.messageId });
        deps.logger.log('info', 'evaluation.sent', { evaluation_id: evaluation.id, outbox_id: queued.id });
      })();
    }
  },
};

/**
 * Reminds those who have not answered, with the questionnaire's reminder policy (REMIND_AFTER_DAYS,
 * REMIND_EVERY_DAYS, MAX_REMINDERS); then the survey lapses. People who stepped back or paused
 * are never reminded.
 */
export const remindEvaluations: Job = {
  id: 'remind-evaluations',
  async run(deps, now) {
    const { config, db } = deps;
    const policy = { firstAfterDays: config.remindAfterDays, everyDays: config.remindEveryDays, maxReminders: config.maxReminders };
    const inWindow = isInsideSendingWindow(now, config.window, config.timeZone);
    for (const waiting of evaluationsInState(db, ['sent'])) {
      const definition = loadEvaluation();
      db.transaction(() => {
        const evaluation = getEvaluation(db, waiting.id);
        const person = getPerson(db, evaluation.person_id);
        const reminders = person.status === 'active' ? policy : { ...policy, maxReminders: 0 };
        const decision = decide(evaluation.sent_at as string, evaluation.reminders_sent, evaluation.last_reminder_at, null, reminders, now);
        if (decision.action === 'remind' && inWindow && !person.address_failing_since) {
          queueEvaluation(deps, { evaluation, person, form: definition[evaluation.role], reminder: decision.number }, now);
          updateEvaluation(db, evaluation.id, { reminders_sent: decision.number, last_reminder_at: now.toISOString() });
          deps.logger.log('info', 'evaluation.reminder_queued', { evaluation_id: evaluation.id, number: decision.number });
        } else if (decision.action === 'give_up') {
          updateEvaluation(db, evaluation.id, { state: 'lapsed', lapsed_at: now.toISOString() });
          deps.logger.log('info', 'evaluation.lapsed', { evaluation_id: evaluation.id });
        }
      })();
    }
  },
};
