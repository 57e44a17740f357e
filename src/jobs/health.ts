import { healthRanOn, markHealthRun } from '../db/health';
import { getPair } from '../db/pairs';
import { getPerson } from '../db/people';
import { getRound } from '../db/rounds';
import { healthAt, mentorSilence, PULSE_REASONS, readHealthData, type PairHealth } from '../health';
import { reasonText } from '../health/format';
import { queueCoordinatorAlert, queueHealthNudge } from '../mail/emails';
import { localDateOf } from '../schedule/calendar';
import { isInsideSendingWindow } from '../schedule/window';
import type { Deps, Job } from './deps';

/**
 * Once a pair's answers have waited HEALTH_MENTOR_NUDGE_DAYS for the e-mentor, one gentle
 * nudge to them; at HEALTH_MENTOR_ALERT_DAYS, or when the pair needs a check-in for a reason
 * in its metadata, one alert to the coordinator. Each at most once per round (dedupe keys).
 * Pulse ratings never lead to an email about a pair: they only count in the totals.
 */
function actOn(deps: Deps, h: PairHealth, now: Date): void {
  const { config, db } = deps;
  const t = config.health;
  if (h.state === 'paused' || h.state === 'ended' || h.rounds.length === 0) return;
  const silence = mentorSilence(h);
  const silentRound = silence ? getRound(db, silence.roundId) : null;
  // An e-mentor who paused (or stepped back) said so: their silence is neither nudged nor alerted.
  const away = silentRound !== null && getPerson(db, silentRound.mentor_id).status !== 'active';
  if (silence && silentRound && !away && t.mentorNudgeDays > 0 && silence.days >= t.mentorNudgeDays) {
    const mentor = getPerson(db, silentRound.mentor_id);
    // Reminders already on their way say the same; a failing address hears nothing.
    if (silentRound.mentor_reminders_sent === 0 && silentRound.mentor_escalated_at === null && !mentor.address_failing_since) {
      const trainee = getPerson(db, getPair(db, silentRound.pair_id).trainee_id);
      const answeredOn = localDateOf(new Date(silentRound.forwarded_at as string), config.timeZone);
      const queued = queueHealthNudge(deps, silentRound, trainee, mentor, answeredOn, now);
      if (queued.created) deps.logger.log('info', 'health.mentor_nudged', { round_id: silentRound.id });
    }
  }
  const reasons = h.state === 'needs_checkin' ? h.reasons.filter((r) => !PULSE_REASONS.has(r) && !(away && r === 'mentor_waiting')) : [];
  const waiting = silence && !away && t.mentorAlertDays > 0 && silence.days >= t.mentorAlertDays ? silence : null;
  if (reasons.length === 0 && !waiting) return;
  const latest = getRound(db, h.rounds[h.rounds.length - 1].roundId);
  const trainee = getPerson(db, getPair(db, latest.pair_id).trainee_id);
  const mentor = getPerson(db, latest.mentor_id);
  const why = [
    ...(waiting && !reasons.includes('mentor_waiting')
      ? [`no reply from the e-mentor ${waiting.days} days after answers were forwarded`]
      : []),
    ...reasons.map((r) => reasonText(r, config.health)),
  ];
  const queued = queueCoordinatorAlert(
    deps,
    {
      dedupeKey: `round:${latest.id}:health_alert`,
      kind: 'alert_health',
      title: `${trainee.name} and ${mentor.name} may need a check-in`,
      facts: [
        { label: 'Trainee', value: trainee.name },
        { label: 'E-mentor', value: mentor.name },
        { label: 'Round', value: latest.number },
        ...why.map((value) => ({ label: 'Why', value })),
        { label: 'What you can do', value: 'a short note to them both; mentormail health shows every pair in its group' },
      ],
    },
    now,
  );
  if (queued.created) deps.logger.log('info', 'health.coordinator_alerted', { round_id: latest.id });
}

export const healthChecks: Job = {
  id: 'health-checks',
  async run(deps, now) {
    const { config, db } = deps;
    // Once a day, inside the sending window (the nudge is mail to a person); counted in days anyway.
    if (!isInsideSendingWindow(now, config.window, config.timeZone)) return;
    const today = localDateOf(now, config.timeZone);
    if (healthRanOn(db, today)) return;
    const health = healthAt(readHealthData(db), config, now);
    db.transaction(() => {
      for (const h of health) actOn(deps, h, now);
      markHealthRun(db, today, now);
    })();
  },
};
