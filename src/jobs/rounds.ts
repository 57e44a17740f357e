import { getAnswers } from '../db/answers';
import { getPair, listPairs } from '../db/pairs';
import { getPerson } from '../db/people';
import { createRound, getRound, previousRound, roundsInState, updateRound } from '../db/rounds';
import { queueQuestionnaire } from '../mail/emails';
import { localDateOf } from '../schedule/calendar';
import { latestDueRound, roundDueDate } from '../schedule/rounds';
import { isInsideSendingWindow } from '../schedule/window';
import type { Deps, Job } from './deps';
import { stmt } from '../db/statements';

/**
 * Creates the latest due round of each pair, once (UNIQUE pair+number). Rounds missed while
 * the service was not running are not back-filled: a trainee gets one questionnaire, not a pile.
 */
export const createDueRounds: Job = {
  id: 'create-due-rounds',
  async run(deps, now) {
    const today = localDateOf(now, deps.config.timeZone);
    for (const pair of listPairs(deps.db)) {
      const number = latestDueRound(pair.start_date, today, deps.config.cycleMonths);
      if (number === 0) continue;
      const trainee = getPerson(deps.db, pair.trainee_id);
      if (trainee.status === 'withdrawn') continue;
      const created = createRound(
        deps.db,
        {
          pair_id: pair.id,
          number,
          mentor_id: pair.mentor_id,
          due_date: roundDueDate(pair.start_date, number, deps.config.cycleMonths),
          state: trainee.status === 'paused' ? 'skipped' : 'scheduled',
          skip_reason: trainee.status === 'paused' ? 'paused' : null,
        },
        now,
      );
      if (!created) continue;
      deps.logger.log('info', 'round.created', { pair_id: pair.id, number, skipped: trainee.status === 'paused' });
      closeSupersededRounds(deps, pair.id, number, now);
    }
  },
};

/** A new round replaces older ones still waiting: they are no longer chased. */
function closeSupersededRounds(deps: Deps, pairId: number, number: number, now: Date): void {
  const { db } = deps;
  const lapsed = stmt(db, "UPDATE rounds SET state = 'lapsed', lapsed_at = ? WHERE pair_id = ? AND number < ? AND state = 'sent'").run(
    now.toISOString(),
    pairId,
    number,
  ).changes;
  const skipped = stmt(
    db,
    "UPDATE rounds SET state = 'skipped', skip_reason = 'superseded' WHERE pair_id = ? AND number < ? AND state = 'scheduled'",
  ).run(pairId, number).changes;
  if (lapsed + skipped > 0) deps.logger.log('info', 'round.superseded', { pair_id: pairId, number, lapsed, skipped });
}

/** Sends each scheduled round's questionnaire at the first tick inside the sending window. */
export const sendQuestionnaires: Job = {
  id: 'send-questionnaires',
  async run(deps, now) {
    if (!isInsideSendingWindow(now, deps.config.window, deps.config.timeZone)) return;
    for (const scheduled of roundsInState(deps.db, ['scheduled'])) {
      deps.db.transaction(() => {
        const round = getRound(deps.db, scheduled.id);
        const trainee = getPerson(deps.db, getPair(deps.db, round.pair_id).trainee_id);
        if (trainee.status !== 'active') {
          updateRound(deps.db, round.id, { state: 'skipped', skip_reason: trainee.status === 'withdrawn' ? 'withdrawn' : 'paused' });
          deps.logger.log('info', 'round.skipped', { round_id: round.id, status: trainee.status });
          return;
        }
        if (trainee.address_failing_since) return; // held until the address works again
        const before = previousRound(deps.db, round);
        const queued = queueQuestionnaire(
          deps,
          round,
          trainee,
          getPerson(deps.db, round.mentor_id),
          before ? getAnswers(deps.db, before.id) : null,
          now,
        );
        updateRound(deps.db, round.id, { state: 'sent', sent_at: now.toISOString(), trainee_thread_id: queued.messageId });
        deps.logger.log('info', 'round.questionnaire_queued', { round_id: round.id, outbox_id: queued.id });
      })();
    }
  },
};
