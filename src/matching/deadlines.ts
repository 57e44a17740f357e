/**
 * When an e-mentor's answer to a request is due, and when they are reminded. Working days are
 * Monday to Friday in the scheme's time zone; the deadline keeps the local time of the request.
 */
import { addDays, isoWeekday, localDateTimeToInstant, localTimeOf } from '../schedule/calendar';

export function addWorkingDays(start: Date, days: number, timeZone: string): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
  const local = localTimeOf(start, timeZone);
  let date = local.date;
  for (let counted = 0; counted < days;) {
    date = addDays(date, 1);
    if (isoWeekday(date) <= 5) counted++;
  }
  return localDateTimeToInstant(date, local.minuteOfDay, timeZone);
}

export interface RequestDeadlines {
  expiresAt: Date;
  /** One reminder half way (rounded up); none when that would be the deadline itself. */
  remindAt: Date | null;
}

export function requestDeadlines(requestedAt: Date, acceptDays: number, timeZone: string): RequestDeadlines {
  const half = Math.ceil(acceptDays / 2);
  return {
    expiresAt: addWorkingDays(requestedAt, acceptDays, timeZone),
    remindAt: half < acceptDays ? addWorkingDays(requestedAt, half, timeZone) : null,
  };
}
