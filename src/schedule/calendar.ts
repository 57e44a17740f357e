/**
 * Calendar dates and local wall-clock time in an IANA time zone, with no date library:
 * date arithmetic runs on UTC (which has no DST), and zone conversion asks Intl.
 */

/** A calendar date with no time or zone, written 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Where an instant falls on the local wall clock. */
export interface LocalTime {
  date: LocalDate;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Whole minutes after local midnight, 0..1439. */
  minuteOfDay: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Ymd {
  year: number;
  month: number; // 1..12
  day: number;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function splitDate(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function parseDate(d: LocalDate): Ymd {
  const ymd = splitDate(d);
  if (!ymd) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return ymd;
}

/** Milliseconds of local midnight of `d` read as if it were UTC: the base of all date maths here. */
function utcMs({ year, month, day }: Ymd): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getTime();
}

function formatUtcMs(ms: number): LocalDate {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (years 0001 to 9999): ${date.toISOString()}`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function isValidLocalDate(s: string): s is LocalDate {
  return splitDate(s) !== undefined;
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return formatUtcMs(utcMs(parseDate(d)) + n * DAY_MS);
}

/** Adds calendar months, clamping to the month's end: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths needs a whole number of months, got ${n}`);
  const { year, month, day } = parseDate(d);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError(`date out of range: ${d} + ${n} months`);
  return formatUtcMs(utcMs({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) }));
}

/** b − a in whole days (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((utcMs(parseDate(b)) - utcMs(parseDate(a))) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const sundayZero = new Date(utcMs(parseDate(d))).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

// Building a DateTimeFormat is slow compared with using one, and ticks ask many times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of `instantMs` in `tz`, expressed as if it were a UTC instant. */
function wallMs(instantMs: number, tz: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  // Some ICU versions print midnight as hour 24 even with h23.
  const hour = Number(parts.hour) % 24;
  const wholeSeconds =
    utcMs({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }) +
    ((hour * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000;
  // Intl stops at seconds; carry the milliseconds over so conversions round-trip exactly.
  return wholeSeconds + (((instantMs % 1000) + 1000) % 1000);
}

function checkInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

export function localTimeOf(instant: Date, tz: string): LocalTime {
  const wall = wallMs(checkInstant(instant), tz);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const date = formatUtcMs(midnight);
  return { date, weekday: isoWeekday(date), minuteOfDay: Math.floor((wall - midnight) / MINUTE_MS) };
}

export function localDateOf(instant: Date, tz: string): LocalDate {
  return localTimeOf(instant, tz).date;
}

/**
 * The first instant at which the local clock in `tz` reads `date` at `minuteOfDay` or later.
 * In a DST overlap (the hour that happens twice) that is the earlier of the two; in a DST
 * gap (a time that never happens) it is the moment the clocks jump past it.
 */
export function localDateTimeToInstant(date: LocalDate, minuteOfDay: number, tz: string): Date {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 1440) {
    throw new RangeError(`minuteOfDay must be a whole number from 0 to 1440, got ${minuteOfDay}`);
  }
  const target = utcMs(parseDate(date)) + minuteOfDay * MINUTE_MS;
  // A zone's offset near `target` is one of the offsets a day either side of it; each gives a
  // candidate instant, which is right only if the zone really uses that offset at that instant.
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((d) => wallMs(target + d, tz) - (target + d)));
  const candidates = [...offsets].map((offset) => target - offset).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallMs(t, tz) === target);
  if (exact !== undefined) return new Date(exact);

  // A gap: the wall clock jumps from before `target` to after it somewhere between the
  // candidates. It only moves forward there, so a binary search finds the jump.
  let lo = candidates[0];
  let hi = candidates[candidates.length - 1];
  if (!(wallMs(lo, tz) < target && wallMs(hi, tz) > target)) {
    throw new RangeError(`cannot place ${date} minute ${minuteOfDay} in ${tz}`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid, tz) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The UTC instant of local midnight of `date` in `tz` (the first instant of that day if midnight is skipped). */
export function startOfLocalDay(date: LocalDate, tz: string): Date {
  return localDateTimeToInstant(date, 0, tz);
}
