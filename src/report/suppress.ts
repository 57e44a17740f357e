/**
 * Small numbers identify people: a count from 1 to 4 is shown as "<5", and a breakdown with
 * fewer than 5 people in it is left out altogether (the caller checks `enough`).
 */
export const SMALLEST_SHOWN = 5;
export const SUPPRESSED = '<5';

export function isSuppressed(n: number): boolean {
  return n > 0 && n < SMALLEST_SHOWN;
}

export function count(n: number): string {
  return isSuppressed(n) ? SUPPRESSED : String(n);
}

/** Whether a group is large enough to be broken down at all. */
export function enough(people: number): boolean {
  return people >= SMALLEST_SHOWN;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "k of n (p%)", with a suppressed part as "<5" and then no percentage. */
export function ofTotal(k: number, n: number): string {
  if (n === 0) return '0 of 0';
  if (isSuppressed(k) || isSuppressed(n)) return `${count(k)} of ${count(n)}`;
  return `${k} of ${n} (${percent(k / n)})`;
}

/** A share for a table or a chart, or null when either count is suppressed. */
export function shownShare(k: number, n: number): number | null {
  return n === 0 || isSuppressed(k) || isSuppressed(n) ? null : k / n;
}

/** A bar's value: the count, or null when it is suppressed. */
export function shownCount(n: number): number | null {
  return isSuppressed(n) ? null : n;
}
