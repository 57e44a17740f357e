/**
 * The sending window: bot mail goes out only on chosen weekdays between two local times,
 * so nobody gets a questionnaire or a reminder at 3 a.m. or on a Sunday.
 */
import { addDays, localDateTimeToInstant, localTimeOf } from './calendar';

export interface SendingWindow {
  /** ISO weekdays on which mail may go out: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Opening time in minutes after local midnight (inclusive). */
  startMinute: number;
  /** Closing time in minutes after local midnight (exclusive); 1440 means midnight. */
  endMinute: number;
}

function checkWindow(window: SendingWindow): void {
  if (window.days.length === 0) throw new RangeError('sending window has no days');
  if (window.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`sending window days must be ISO weekdays 1..7, got ${window.days.join(',')}`);
  }
  const { startMinute: start, endMinute: end } = window;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end) {
    throw new RangeError(`sending window must open before it closes within a day, got ${start}..${end}`);
  }
}

export function isInsideSendingWindow(now: Date, window: SendingWindow, tz: string): boolean {
  const local = localTimeOf(now, tz);
  return window.days.includes(local.weekday) && local.minuteOfDay >= window.startMinute && local.minuteOfDay < window.endMinute;
}

/** `now` if the window is open; otherwise the first instant it opens after `now`. */
export function nextWindowOpening(now: Date, window: SendingWindow, tz: string): Date {
  checkWindow(window);
  if (isInsideSendingWindow(now, window, tz)) return now;
  const today = localTimeOf(now, tz).date;
  // A week covers every weekday; the spare days allow for an opening time lost in a DST gap.
  for (let i = 0; i <= 14; i++) {
    const date = addDays(today, i);
    const opening = localDateTimeToInstant(date, window.startMinute, tz);
    // A DST gap can push the opening past the closing time or into another day: check it.
    if (opening.getTime() > now.getTime() && isInsideSendingWindow(opening, window, tz)) return opening;
  }
  throw new RangeError(`sending window never opens in ${tz}`);
}
