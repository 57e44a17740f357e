import type { Round } from '../db/rounds';

/** What a tick should do about one round's silence. Pure: data and `now` in, a decision out. */
export type ReminderDecision = { action: 'none' } | { action: 'remind'; number: number } | { action: 'give_up' };

export interface ReminderPolicy {
  firstAfterDays: number;
  everyDays: number;
  maxReminders: number;
}

const DAY_MS = 86_400_000;

function later(a: Date, b: string | null): Date {
  return b !== null && new Date(b) > a ? new Date(b) : a;
}

/**
 * The nth reminder is due `firstAfterDays` after the start, then every `everyDays`; once the
 * last reminder's interval has passed too, it is time to give up (lapse or escalate). An
 * out-of-office reply can push the next step back (`notBefore`).
 */
export function decide(
  started: string,
  sent: number,
  lastSentAt: string | null,
  notBefore: string | null,
  policy: ReminderPolicy,
  now: Date,
): ReminderDecision {
  const dueAt =
    sent === 0 || lastSentAt === null
      ? new Date(new Date(started).getTime() + policy.firstAfterDays * DAY_MS)
      : new Date(new Date(lastSentAt).getTime() + policy.everyDays * DAY_MS);
  if (now < later(dueAt, notBefore)) return { action: 'none' };
  return sent < policy.maxReminders ? { action: 'remind', number: sent + 1 } : { action: 'give_up' };
}

export function traineeDecision(round: Round, policy: ReminderPolicy, now: Date): ReminderDecision {
  if (round.state !== 'sent' || round.sent_at === null) return { action: 'none' };
  return decide(round.sent_at, round.reminders_sent, round.last_reminder_at, round.remind_not_before, policy, now);
}

export function mentorDecision(round: Round, policy: ReminderPolicy, now: Date): ReminderDecision {
  if (round.forwarded_at === null || round.feedback_at !== null || round.mentor_escalated_at !== null) return { action: 'none' };
  return decide(
    round.forwarded_at,
    round.mentor_reminders_sent,
    round.mentor_last_reminder_at,
    round.mentor_remind_not_before,
    policy,
    now,
  );
}
