/**
 * Is a pair's mentoring working? Worked out from who wrote when, how much, and the pulse
 * ratings, never from what anyone wrote. Pure: rows from the views and a moment `asOf` in,
 * a group and the reasons out; anything stamped after `asOf` is not yet known.
 *
 * Groups (after Together's programme health): "Too early to tell" while fewer than
 * HEALTH_TOO_EARLY_ROUNDS questionnaires have gone out; "Needs a check-in" when any rule
 * below fires; otherwise "On track". Paused and ended pairs are counted apart.
 */
import type { MessageRow, PairRow, PulseRow, RoundRow } from './source';
import type { HealthThresholds } from './thresholds';

export type HealthGroup = 'on_track' | 'needs_checkin' | 'too_early';
export type PairState = HealthGroup | 'paused' | 'ended';

/** Why a pair needs a check-in: stable names, shown to the coordinator with their meaning. */
export type Reason = 'mentor_waiting' | 'silent_rounds' | 'unbalanced' | 'late_answers' | 'short_replies' | 'pulse_low' | 'pulse_drop';

export const REASON_TEXT: Record<Reason, string> = {
  mentor_waiting: 'the e-mentor has not replied to forwarded answers for HEALTH_MENTOR_CHECKIN_DAYS days or more',
  silent_rounds: 'no message either way beyond the questionnaire for HEALTH_SILENT_ROUNDS rounds in a row',
  unbalanced: 'messages one way far outnumber the other (HEALTH_BALANCE_MIN/MAX) for HEALTH_BALANCE_ROUNDS rounds in a row',
  late_answers: 'fewer than HEALTH_ON_TIME_PERCENT% of recent questionnaires answered within HEALTH_TRAINEE_LATE_DAYS days',
  short_replies: "the e-mentor's replies were all short (HEALTH_SHORT_WORDS words or fewer) for HEALTH_SHORT_ROUNDS rounds in a row",
  pulse_low: 'a pulse rating at or below HEALTH_PULSE_LOW',
  pulse_drop: 'the overall pulse rating fell by HEALTH_PULSE_DROP or more',
};

/** Pulse reasons come from ratings: they only ever count in totals, never in an alert naming a pair. */
export const PULSE_REASONS: ReadonlySet<Reason> = new Set<Reason>(['pulse_low', 'pulse_drop']);

/** One round as known at `asOf`. */
export interface RoundFacts {
  number: number;
  roundId: number;
  sentAt: number;
  /** Days from questionnaire to answer; null while unanswered. */
  traineeDays: number | null;
  /** true/false once known; null while it may still be answered on time. */
  onTime: boolean | null;
  forwardedAt: number | null;
  /** Days from forward to the e-mentor's first reply, or so far while they have not replied. */
  mentorDays: number | null;
  mentorReplied: boolean;
  /** Messages beyond the questionnaire and its answers, both ways. */
  exchanges: number;
  traineeMessages: number;
  mentorMessages: number;
  /** The e-mentor's longest message in the round, in words (null: none, or not counted). */
  mentorMaxWords: number | null;
  /** A later round has gone out, so this one's counts are final. */
  settled: boolean;
}

export interface PairHealth {
  pairId: number;
  ref: string | null;
  state: PairState;
  reasons: Reason[];
  roundsSent: number;
  /** Days since the pair was made (information only). */
  durationDays: number;
  howMatched: 'chose' | 'assigned';
  rounds: RoundFacts[];
  /** Coefficient of variation of the gaps between messages (information only; null under 3 messages). */
  gapVariation: number | null;
}

export interface PulseOverall {
  trainee: string;
  mentor: string;
}

const DAY_MS = 86_400_000;
const ms = (iso: string | null, asOf: number): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return t <= asOf ? t : null;
};
const days = (from: number, to: number) => Math.floor((to - from) / DAY_MS);

export interface PairRows {
  pair: PairRow;
  rounds: RoundRow[];
  messages: MessageRow[];
  pulse: PulseRow[];
}

/** The rounds that had gone out by `asOf` (and were not paused), with what happened in each. */
export function roundFacts(rows: PairRows, t: HealthThresholds, asOf: number): RoundFacts[] {
  // A round the trainee paused instead of answering says nothing about how the pair is doing.
  const sent = rows.rounds
    .filter((r) => r.state !== 'skipped')
    .map((r) => ({ r, sentAt: ms(r.sent_at, asOf) }))
    .filter((x): x is { r: RoundRow; sentAt: number } => x.sentAt !== null)
    .sort((a, b) => a.r.number - b.r.number);
  const known = rows.messages.filter((m) => Date.parse(m.created_at) <= asOf);
  return sent.map(({ r, sentAt }, i): RoundFacts => {
    const answeredAt = ms(r.answered_at, asOf);
    const forwardedAt = ms(r.forwarded_at, asOf);
    const feedbackAt = ms(r.feedback_at, asOf);
    const traineeDays = answeredAt === null ? null : days(sentAt, answeredAt);
    const late = t.traineeLateDays * DAY_MS;
    const onTime = answeredAt !== null ? answeredAt - sentAt <= late : asOf - sentAt > late ? false : null;
    const inRound = known.filter((m) => m.round_id === r.round_id);
    const mentorMessages = inRound.filter((m) => m.author_role === 'mentor');
    const counted = mentorMessages.map((m) => m.words).filter((w): w is number => w !== null);
    return {
      number: r.number,
      roundId: r.round_id,
      sentAt,
      traineeDays,
      onTime,
      forwardedAt,
      mentorDays: forwardedAt === null ? null : days(forwardedAt, feedbackAt ?? asOf),
      mentorReplied: feedbackAt !== null,
      exchanges: inRound.filter((m) => m.kind !== 'answers').length,
      traineeMessages: inRound.length - mentorMessages.length,
      mentorMessages: mentorMessages.length,
      mentorMaxWords: counted.length > 0 ? Math.max(...counted) : null,
      settled: i < sent.length - 1,
    };
  });
}

/** The last `n` items all pass `test` (and there are at least `n`). */
function lastAll<T>(items: T[], n: number, test: (x: T) => boolean): boolean {
  return items.length >= n && items.slice(-n).every(test);
}

function pulseReasons(pulse: PulseRow[], overall: PulseOverall, t: HealthThresholds, asOf: number): Reason[] {
  const reasons = new Set<Reason>();
  for (const role of ['trainee', 'mentor'] as const) {
    const mine = pulse.filter((p) => p.role === role && Date.parse(p.answered_at) <= asOf);
    if (mine.length === 0) continue;
    // Rounds in the order they were rated.
    const rounds = [...new Set(mine.map((p) => p.round_id))];
    const latest = mine.filter((p) => p.round_id === rounds[rounds.length - 1]);
    if (latest.some((p) => p.score <= t.pulseLow)) reasons.add('pulse_low');
    const overallByRound = rounds
      .map((round) => mine.find((p) => p.round_id === round && p.item === overall[role])?.score)
      .filter((s): s is number => s !== undefined);
    if (overallByRound.length >= 2 && overallByRound[overallByRound.length - 2] - overallByRound[overallByRound.length - 1] >= t.pulseDrop)
      reasons.add('pulse_drop');
  }
  return [...reasons];
}

function gapVariation(messages: MessageRow[], asOf: number): number | null {
  const times = messages.map((m) => Date.parse(m.created_at)).filter((x) => x <= asOf);
  if (times.length < 3) return null;
  const gaps = times.slice(1).map((x, i) => x - times[i]);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (mean === 0) return null;
  const variance = gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length;
  return Math.sqrt(variance) / mean;
}

/** One pair's health at `asOf`, or null when the pair did not exist yet. */
export function assessPair(rows: PairRows, t: HealthThresholds, overall: PulseOverall, asOfDate: Date): PairHealth | null {
  const asOf = asOfDate.getTime();
  const { pair } = rows;
  if (Date.parse(pair.created_at) > asOf) return null;
  const rounds = roundFacts(rows, t, asOf);
  const base = {
    pairId: pair.pair_id,
    ref: pair.ref,
    roundsSent: rounds.length,
    durationDays: days(Date.parse(pair.created_at), asOf),
    howMatched: pair.how_matched ?? 'assigned',
    rounds,
    gapVariation: gapVariation(rows.messages, asOf),
  };
  const statusKnown = Date.parse(pair.trainee_status_since) <= asOf;
  if (statusKnown && pair.trainee_status === 'withdrawn') return { ...base, state: 'ended', reasons: [] };
  if (statusKnown && pair.trainee_status === 'paused') return { ...base, state: 'paused', reasons: [] };

  const reasons: Reason[] = [];
  const lastForwarded = [...rounds].reverse().find((r) => r.forwardedAt !== null);
  if (lastForwarded && (lastForwarded.mentorDays ?? 0) >= t.mentorCheckinDays) reasons.push('mentor_waiting');
  const settled = rounds.filter((r) => r.settled);
  if (lastAll(settled, t.silentRounds, (r) => r.exchanges === 0)) reasons.push('silent_rounds');
  const outOfBalance = (r: RoundFacts) => {
    if (r.traineeMessages === 0) return r.mentorMessages > 0; // every message one way
    const ratio = r.mentorMessages / r.traineeMessages;
    return ratio < t.balanceMin || ratio > t.balanceMax;
  };
  if (lastAll(settled, t.balanceRounds, outOfBalance)) reasons.push('unbalanced');
  const recent = rounds.slice(-t.onTimeRounds).filter((r) => r.onTime !== null);
  if (recent.length > 0 && recent.filter((r) => r.onTime).length / recent.length < t.onTimeShare) reasons.push('late_answers');
  const withMentorWords = rounds.filter((r) => r.mentorMaxWords !== null);
  if (lastAll(withMentorWords, t.shortRounds, (r) => (r.mentorMaxWords as number) <= t.shortWords)) reasons.push('short_replies');
  reasons.push(...pulseReasons(rows.pulse, overall, t, asOf));

  const state: HealthGroup = rounds.length < t.tooEarlyRounds ? 'too_early' : reasons.length > 0 ? 'needs_checkin' : 'on_track';
  return { ...base, state, reasons };
}

/** Each pair's rows, from the views' full lists. */
export function rowsByPair(data: { pairs: PairRow[]; rounds: RoundRow[]; messages: MessageRow[]; pulse: PulseRow[] }): PairRows[] {
  const group = <T extends { pair_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) map.set(r.pair_id, [...(map.get(r.pair_id) ?? []), r]);
    return map;
  };
  const rounds = group(data.rounds);
  const messages = group(data.messages);
  const pulse = group(data.pulse);
  return data.pairs.map((pair) => ({
    pair,
    rounds: rounds.get(pair.pair_id) ?? [],
    messages: messages.get(pair.pair_id) ?? [],
    pulse: pulse.get(pair.pair_id) ?? [],
  }));
}

/** Every pair that existed at `asOf`. */
export function assessAll(data: Parameters<typeof rowsByPair>[0], t: HealthThresholds, overall: PulseOverall, asOf: Date): PairHealth[] {
  return rowsByPair(data)
    .map((rows) => assessPair(rows, t, overall, asOf))
    .filter((h): h is PairHealth => h !== null);
}

export interface GroupCounts {
  on_track: number;
  needs_checkin: number;
  too_early: number;
  paused: number;
  ended: number;
}

export function countGroups(health: PairHealth[]): GroupCounts {
  const counts: GroupCounts = { on_track: 0, needs_checkin: 0, too_early: 0, paused: 0, ended: 0 };
  for (const h of health) counts[h.state]++;
  return counts;
}

/**
 * The e-mentor's silence in the pair's latest forwarded round, at `asOf`: what the nudge and
 * the coordinator alert look at. Null when the e-mentor has replied or nothing was forwarded.
 */
export function mentorSilence(h: PairHealth): { roundId: number; days: number } | null {
  const last = [...h.rounds].reverse().find((r) => r.forwardedAt !== null);
  if (!last || last.mentorReplied || last.mentorDays === null) return null;
  return { roundId: last.roundId, days: last.mentorDays };
}
