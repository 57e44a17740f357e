import {
  addDays,
  addMonths,
  daysBetween,
  isValidLocalDate,
  isoWeekday,
  localDateOf,
  localDateTimeToInstant,
  localTimeOf,
  startOfLocalDay,
} from '../../src/schedule/calendar';
import { latestDueRound, roundDueDate } from '../../src/schedule/rounds';
import { isInsideSendingWindow, nextWindowOpening, type SendingWindow } from '../../src/schedule/window';

const LONDON = 'Europe/London';
const SYDNEY = 'Australia/Sydney';
const at = (iso: string) => new Date(iso);
const HOURS = (h: number, m = 0) => h * 60 + m;
const OFFICE: SendingWindow = { days: [1, 2, 3, 4, 5], startMinute: HOURS(9), endMinute: HOURS(17) };

// In 2026 British Summer Time runs from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-05', false],
    ['2026-01-05T00:00', false],
    ['', false],
  ])('isValidLocalDate(%j) is %s', (s, valid) => {
    expect(isValidLocalDate(s)).toBe(valid);
  });

  it('adds days across month, year, leap day and DST changes', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -14)).toBe('2024-11-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-05-20', 0)).toBe('2026-05-20');
  });

  it('counts whole days between dates, across DST and leap years', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2026-05-20', '2026-05-20')).toBe(0);
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-03-29')).toBe(7); // last Sunday of March
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-10-25')).toBe(7); // last Sunday of October
    expect(isoWeekday('2024-02-29')).toBe(4);
  });

  it('refuses invalid dates instead of rolling them over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('31/01/2026', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'soon')).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('local time in a zone', () => {
  it('reads the local date, weekday and minute', () => {
    expect(localTimeOf(at('2026-06-30T23:00:00Z'), LONDON)).toEqual({ date: '2026-07-01', weekday: 3, minuteOfDay: 0 });
    expect(localTimeOf(at('2026-01-05T09:00:59Z'), LONDON)).toEqual({ date: '2026-01-05', weekday: 1, minuteOfDay: HOURS(9) });
    expect(localDateOf(at('2026-06-30T23:30:00Z'), LONDON)).toBe('2026-07-01');
    expect(localDateOf(at('2026-06-30T23:30:00Z'), 'UTC')).toBe('2026-06-30');
    expect(localDateOf(at('2026-06-30T14:00:00Z'), SYDNEY)).toBe('2026-07-01');
    expect(localDateOf(at('2026-06-30T13:59:59Z'), SYDNEY)).toBe('2026-06-30');
  });

  it('follows the clocks going forward on the last Sunday of March', () => {
    expect(localTimeOf(at('2026-03-29T00:59:00Z'), LONDON).minuteOfDay).toBe(HOURS(0, 59));
    expect(localTimeOf(at('2026-03-29T01:00:00Z'), LONDON).minuteOfDay).toBe(HOURS(2));
  });

  it('follows the clocks going back on the last Sunday of October (01:xx happens twice)', () => {
    expect(localTimeOf(at('2026-10-25T00:30:00Z'), LONDON).minuteOfDay).toBe(HOURS(1, 30));
    expect(localTimeOf(at('2026-10-25T01:30:00Z'), LONDON).minuteOfDay).toBe(HOURS(1, 30));
  });

  it('finds local midnight, giving 23- and 25-hour days at the DST changes', () => {
    expect(startOfLocalDay('2026-03-29', LONDON)).toEqual(at('2026-03-29T00:00:00Z'));
    expect(startOfLocalDay('2026-03-30', LONDON)).toEqual(at('2026-03-29T23:00:00Z'));
    expect(startOfLocalDay('2026-10-25', LONDON)).toEqual(at('2026-10-24T23:00:00Z'));
    expect(startOfLocalDay('2026-10-26', LONDON)).toEqual(at('2026-10-26T00:00:00Z'));
    const hours = (d: string) => (startOfLocalDay(addDays(d, 1), LONDON).getTime() - startOfLocalDay(d, LONDON).getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-07-01')).toBe(24);
    expect(startOfLocalDay('2026-04-05', SYDNEY)).toEqual(at('2026-04-04T13:00:00Z')); // still AEDT, +11
    expect(startOfLocalDay('2026-04-06', SYDNEY)).toEqual(at('2026-04-05T14:00:00Z')); // AEST, +10
  });

  it('starts a day whose midnight is skipped at the first instant that exists', () => {
    // Cuba moves its clocks from 00:00 to 01:00 on the second Sunday of March.
    const start = startOfLocalDay('2026-03-08', 'America/Havana');
    expect(start).toEqual(at('2026-03-08T05:00:00Z'));
    expect(localTimeOf(start, 'America/Havana')).toMatchObject({ date: '2026-03-08', minuteOfDay: HOURS(1) });
  });

  it('places wall-clock times in DST gaps and overlaps', () => {
    expect(localDateTimeToInstant('2026-07-01', HOURS(9), LONDON)).toEqual(at('2026-07-01T08:00:00Z'));
    // 01:30 never happens on 29 March: the clocks jump to 02:00 BST at 01:00 UTC.
    expect(localDateTimeToInstant('2026-03-29', HOURS(1, 30), LONDON)).toEqual(at('2026-03-29T01:00:00Z'));
    // 01:30 happens twice on 25 October: take the first.
    expect(localDateTimeToInstant('2026-10-25', HOURS(1, 30), LONDON)).toEqual(at('2026-10-25T00:30:00Z'));
    expect(localDateTimeToInstant('2026-07-01', 1440, LONDON)).toEqual(startOfLocalDay('2026-07-02', LONDON));
  });

  it('rejects unknown zones', () => {
    expect(() => localTimeOf(at('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('sending window', () => {
  it.each([
    ['2026-07-02T07:59:00Z', false], // Thursday 08:59 BST
    ['2026-07-02T08:00:00Z', true], // 09:00 BST: opening is inclusive
    ['2026-07-02T15:59:59Z', true], // 16:59:59 BST
    ['2026-07-02T16:00:00Z', false], // 17:00 BST: closing is exclusive
    ['2026-07-04T11:00:00Z', false], // Saturday noon
    ['2026-07-05T11:00:00Z', false], // Sunday noon
    ['2026-01-05T09:00:00Z', true], // Monday 09:00 GMT
    ['2026-01-05T08:59:00Z', false], // Monday 08:59 GMT
    ['2026-03-30T08:00:00Z', true], // Monday 09:00 BST, the day after the change
  ])('%s inside the London office window: %s', (iso, inside) => {
    expect(isInsideSendingWindow(at(iso), OFFICE, LONDON)).toBe(inside);
  });

  it('reads the window in its own zone', () => {
    // Monday 09:00 in Sydney is still Sunday in London.
    expect(isInsideSendingWindow(at('2026-07-05T23:00:00Z'), OFFICE, SYDNEY)).toBe(true);
    expect(isInsideSendingWindow(at('2026-07-05T23:00:00Z'), OFFICE, LONDON)).toBe(false);
    expect(isInsideSendingWindow(at('2026-07-06T07:00:00Z'), OFFICE, SYDNEY)).toBe(false); // 17:00 AEST
  });

  it('returns now when the window is open', () => {
    const now = at('2026-07-02T10:17:23Z');
    expect(nextWindowOpening(now, OFFICE, LONDON).getTime()).toBe(now.getTime());
  });

  it.each([
    ['Friday 17:30 BST → Monday 09:00 BST', '2026-07-03T16:30:00Z', '2026-07-06T08:00:00Z'],
    ['Monday 07:00 BST → same day 09:00', '2026-07-06T06:00:00Z', '2026-07-06T08:00:00Z'],
    ['Saturday → Monday', '2026-07-04T12:00:00Z', '2026-07-06T08:00:00Z'],
    ['Friday 17:30 GMT → Monday 09:00 BST (clocks go forward on Sunday)', '2026-03-27T17:30:00Z', '2026-03-30T08:00:00Z'],
    ['Friday 18:00 BST → Monday 09:00 GMT (clocks go back on Sunday)', '2026-10-23T17:00:00Z', '2026-10-26T09:00:00Z'],
    ['Thursday 17:00 exactly → Friday 09:00', '2026-07-02T16:00:00Z', '2026-07-03T08:00:00Z'],
  ])('%s', (_label, from, expected) => {
    expect(nextWindowOpening(at(from), OFFICE, LONDON)).toEqual(at(expected));
  });

  it('finds the next opening in another zone', () => {
    // Friday 17:30 AEST → Monday 09:00 AEST (Sunday 23:00 UTC).
    expect(nextWindowOpening(at('2026-07-03T07:30:00Z'), OFFICE, SYDNEY)).toEqual(at('2026-07-05T23:00:00Z'));
  });

  it('handles weekend-only windows and windows that close at midnight', () => {
    const weekend: SendingWindow = { days: [6, 7], startMinute: HOURS(9), endMinute: HOURS(17) };
    expect(nextWindowOpening(at('2026-07-03T11:00:00Z'), weekend, LONDON)).toEqual(at('2026-07-04T08:00:00Z'));
    expect(nextWindowOpening(at('2026-07-05T16:00:00Z'), weekend, LONDON)).toEqual(at('2026-07-11T08:00:00Z'));
    const evening: SendingWindow = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: HOURS(22), endMinute: 1440 };
    expect(isInsideSendingWindow(at('2026-01-05T23:59:00Z'), evening, LONDON)).toBe(true);
    expect(isInsideSendingWindow(at('2026-01-06T00:00:00Z'), evening, LONDON)).toBe(false);
  });

  it('opens as soon as the clocks jump into a window whose opening time is skipped', () => {
    const night: SendingWindow = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: HOURS(1, 30), endMinute: HOURS(3) };
    expect(nextWindowOpening(at('2026-03-28T12:00:00Z'), night, LONDON)).toEqual(at('2026-03-29T01:00:00Z'));
    // A window lying wholly inside the skipped hour does not open that day at all.
    const skipped: SendingWindow = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: HOURS(1, 15), endMinute: HOURS(1, 45) };
    expect(nextWindowOpening(at('2026-03-28T12:00:00Z'), skipped, LONDON)).toEqual(at('2026-03-30T00:15:00Z'));
  });

  it('throws for a window that can never open', () => {
    expect(() => nextWindowOpening(at('2026-07-03T16:30:00Z'), { ...OFFICE, days: [] }, LONDON)).toThrow(/no days/);
    expect(() => nextWindowOpening(at('2026-07-03T16:30:00Z'), { ...OFFICE, startMinute: HOURS(17) }, LONDON)).toThrow(RangeError);
  });
});

describe('rounds', () => {
  it('puts round 1 on the start date and later rounds whole cycles after it, without drift', () => {
    expect(roundDueDate('2026-01-31', 1, 1)).toBe('2026-01-31');
    expect(roundDueDate('2026-01-31', 2, 1)).toBe('2026-02-28');
    expect(roundDueDate('2026-01-31', 3, 1)).toBe('2026-03-31');
    expect(roundDueDate('2026-01-31', 4, 1)).toBe('2026-04-30');
    expect(roundDueDate('2026-01-15', 7, 2)).toBe('2027-01-15');
    expect(roundDueDate('2025-12-31', 2, 2)).toBe('2026-02-28');
    expect(roundDueDate('2024-02-29', 2, 12)).toBe('2025-02-28');
    expect(roundDueDate('2024-02-29', 5, 12)).toBe('2028-02-29');
  });

  it('finds the latest round due', () => {
    expect(latestDueRound('2026-09-01', '2026-08-31', 2)).toBe(0);
    expect(latestDueRound('2026-09-01', '2026-09-01', 2)).toBe(1);
    expect(latestDueRound('2026-09-01', '2026-10-31', 2)).toBe(1);
    expect(latestDueRound('2026-09-01', '2026-11-01', 2)).toBe(2);
    expect(latestDueRound('2026-01-31', '2026-02-27', 1)).toBe(1);
    expect(latestDueRound('2026-01-31', '2026-02-28', 1)).toBe(2);
    expect(latestDueRound('2026-01-31', '2026-03-30', 1)).toBe(2);
    expect(latestDueRound('2026-01-31', '2026-03-31', 1)).toBe(3);
  });

  it('agrees with counting round by round, every day for three years', () => {
    for (const [start, cycle] of [
      ['2026-01-31', 1],
      ['2025-12-30', 2],
      ['2024-02-29', 12],
      ['2026-05-31', 3],
    ] as const) {
      for (let today = addDays(start, -3); today < '2029-01-01'; today = addDays(today, 1)) {
        let expected = 0;
        while (roundDueDate(start, expected + 1, cycle) <= today) expected++;
        expect([today, latestDueRound(start, today, cycle)]).toEqual([today, expected]);
      }
    }
  });

  it('rejects bad arguments', () => {
    expect(() => roundDueDate('2026-01-31', 0, 2)).toThrow(RangeError);
    expect(() => roundDueDate('2026-01-31', 1, 0)).toThrow(RangeError);
    expect(() => latestDueRound('2026-01-31', '2026-02-30', 2)).toThrow(RangeError);
    expect(() => latestDueRound('not a date', '2026-02-01', 2)).toThrow(RangeError);
  });
});
