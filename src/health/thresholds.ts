/**
 * When a pair "needs a check-in", and when the e-mentor and the coordinator hear about silence.
 * Every number is a configuration variable (HEALTH_*); the defaults are the framework's
 * starting points (see the README's "Is the mentoring working?"), set against the programme's
 * two-monthly cycle rather than against the weekly sessions of other programmes.
 */
export interface HealthThresholds {
  /** "Too early to tell" until this many questionnaires have gone out. */
  tooEarlyRounds: number;
  /** A questionnaire answered later than this (days after it was sent) is late. */
  traineeLateDays: number;
  /** Needs a check-in when fewer than this share (0..1) of the last `onTimeRounds` were on time. */
  onTimeShare: number;
  onTimeRounds: number;
  /** Days from forwarded answers without an e-mentor reply: nudge, alert, check-in (0: never). */
  mentorNudgeDays: number;
  mentorAlertDays: number;
  mentorCheckinDays: number;
  /** Rounds in a row with no message either way beyond the questionnaire. */
  silentRounds: number;
  /** E-mentor messages ÷ trainee messages outside [min, max] for `balanceRounds` rounds in a row. */
  balanceMin: number;
  balanceMax: number;
  balanceRounds: number;
  /** Length bands in words: short ≤ shortWords < medium ≤ longWords < long. */
  shortWords: number;
  longWords: number;
  /** The e-mentor's replies all short for this many rounds in a row. */
  shortRounds: number;
  /** Any pulse rating at or below this; or the overall rating falling by at least `pulseDrop`. */
  pulseLow: number;
  pulseDrop: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  tooEarlyRounds: 2,
  traineeLateDays: 14,
  onTimeShare: 0.5,
  onTimeRounds: 3,
  mentorNudgeDays: 7,
  mentorAlertDays: 14,
  mentorCheckinDays: 21,
  silentRounds: 2,
  balanceMin: 0.5,
  balanceMax: 2,
  balanceRounds: 2,
  shortWords: 50,
  longWords: 200,
  shortRounds: 3,
  pulseLow: 2,
  pulseDrop: 2,
};
