import { getRound, updateRound } from '../../db/rounds';
import { addDays, localDateOf, startOfLocalDay } from '../../schedule/calendar';
import type { MatchedHandler } from './types';

/**
 * An out-of-office reply never counts as an answer and is never answered. It defers the next
 * reminder to the day after the return date it gives, or by one reminder interval.
 */
export const handleAutoReply: MatchedHandler = ({ deps, mail, now }, match) => {
  const { config, db } = deps;
  const base = { state: 'processed' as const, person_id: match.person.id, round_id: match.roundId };
  if (match.roundId === null) return { ...base, outcome: 'auto_reply_recorded' };
  const returnDate = mail.return_date ?? addDays(localDateOf(now, config.timeZone), config.remindEveryDays - 1);
  const notBefore = startOfLocalDay(addDays(returnDate, 1), config.timeZone).toISOString();
  const round = getRound(db, match.roundId);
  if (match.person.role === 'trainee') {
    if (round.state !== 'sent') return { ...base, outcome: 'auto_reply_recorded' };
    if (round.remind_not_before === null || round.remind_not_before < notBefore)
      updateRound(db, round.id, { remind_not_before: notBefore });
  } else {
    if (round.feedback_at !== null) return { ...base, outcome: 'auto_reply_recorded' };
    if (round.mentor_remind_not_before === null || round.mentor_remind_not_before < notBefore)
      updateRound(db, round.id, { mentor_remind_not_before: notBefore });
  }
  return { ...base, outcome: 'auto_reply_deferred_reminders' };
};
