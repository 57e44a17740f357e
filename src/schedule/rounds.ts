/**
 * When each questionnaire round falls due. Round 1 is on the pair's start date; each later
 * round is a whole number of cycles after the start date (not after the previous round), so
 * month-end clamping never accumulates: start 2026-01-31, monthly → 02-28, 03-31, 04-30.
 */
import { addMonths, isValidLocalDate, type LocalDate } from './calendar';

function checkWhole(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

export function roundDueDate(startDate: LocalDate, roundNumber: number, cycleMonths: number): LocalDate {
  checkWhole('roundNumber', roundNumber, 1);
  checkWhole('cycleMonths', cycleMonths, 1);
  return addMonths(startDate, (roundNumber - 1) * cycleMonths);
}

/** The highest round number due on or before `today`; 0 when the start date is still ahead. */
export function latestDueRound(startDate: LocalDate, today: LocalDate, cycleMonths: number): number {
  checkWhole('cycleMonths', cycleMonths, 1);
  if (!isValidLocalDate(today)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  // Valid YYYY-MM-DD strings compare correctly as text; roundDueDate validates startDate.
  const due = (round: number) => roundDueDate(startDate, round, cycleMonths);
  if (due(1) > today) return 0;
  // Estimate from the month difference, then step to the exact answer (clamping moves it by at most one).
  const months =
    (Number(today.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 + (Number(today.slice(5, 7)) - Number(startDate.slice(5, 7)));
  let round = Math.max(1, Math.floor(months / cycleMonths) + 1);
  while (round > 1 && due(round) > today) round--;
  while (due(round + 1) <= today) round++;
  return round;
}
