import type { GroupCounts, PairHealth, Reason } from './assess';
import { countGroups } from './assess';
import type { HealthThresholds } from './thresholds';

/** What a reason means, with the thresholds in effect: never a rating or a word anyone wrote. */
export function reasonText(reason: Reason, t: HealthThresholds): string {
  const text: Record<Reason, string> = {
    mentor_waiting: `the e-mentor has not replied for ${t.mentorCheckinDays} days or more after answers were forwarded`,
    silent_rounds: `no message either way beyond the questionnaire for ${t.silentRounds} rounds in a row`,
    unbalanced: `e-mentor messages per trainee message below ${t.balanceMin} or above ${t.balanceMax} for ${t.balanceRounds} rounds in a row`,
    late_answers: `fewer than ${Math.round(t.onTimeShare * 100)}% of the last ${t.onTimeRounds} questionnaires answered within ${t.traineeLateDays} days`,
    short_replies: `the e-mentor's replies were ${t.shortWords} words or fewer for ${t.shortRounds} rounds in a row`,
    pulse_low: `a pulse rating of ${t.pulseLow} or less`,
    pulse_drop: `the overall pulse rating fell by ${t.pulseDrop} or more`,
  };
  return text[reason];
}

export const GROUP_LABELS: Record<keyof GroupCounts, string> = {
  on_track: 'On track',
  needs_checkin: 'Needs a check-in',
  too_early: 'Too early to tell',
  paused: 'Paused',
  ended: 'Ended (trainee stepped back)',
};

const REASONS: Reason[] = ['mentor_waiting', 'silent_rounds', 'unbalanced', 'late_answers', 'short_replies', 'pulse_low', 'pulse_drop'];

export interface HealthSummary {
  as_of: string;
  /** What each reason means with the thresholds in effect. */
  reason_meanings: Record<Reason, string>;
  groups: GroupCounts;
  /** Pairs needing a check-in for each reason (a pair may have several). */
  reasons: Record<Reason, number>;
  /** Only with --pairs: opaque references, never names. */
  pairs?: {
    ref: string | null;
    group: string;
    reasons: Reason[];
    rounds_sent: number;
    days_since_matched: number;
    matched: 'chose' | 'assigned';
    trainee_days_to_answer_last: number | null;
    mentor_days_to_reply_last: number | null;
    exchanges_last_settled_round: number | null;
    gap_variation: number | null;
  }[];
}

export function summariseHealth(health: PairHealth[], asOf: string, t: HealthThresholds, withPairs: boolean): HealthSummary {
  const reasons = Object.fromEntries(REASONS.map((r) => [r, health.filter((h) => h.reasons.includes(r)).length])) as Record<Reason, number>;
  const reason_meanings = Object.fromEntries(REASONS.map((r) => [r, reasonText(r, t)])) as Record<Reason, string>;
  const summary: HealthSummary = { as_of: asOf, reason_meanings, groups: countGroups(health), reasons };
  if (withPairs) {
    summary.pairs = [...health]
      .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? ''))
      .map((h) => {
        const last = h.rounds[h.rounds.length - 1];
        const settled = h.rounds.filter((r) => r.settled);
        const lastForwarded = [...h.rounds].reverse().find((r) => r.forwardedAt !== null);
        return {
          ref: h.ref,
          group: h.state,
          reasons: h.reasons,
          rounds_sent: h.roundsSent,
          days_since_matched: h.durationDays,
          matched: h.howMatched,
          trainee_days_to_answer_last: last?.traineeDays ?? null,
          mentor_days_to_reply_last: lastForwarded?.mentorDays ?? null,
          exchanges_last_settled_round: settled.length > 0 ? settled[settled.length - 1].exchanges : null,
          gap_variation: h.gapVariation === null ? null : Math.round(h.gapVariation * 100) / 100,
        };
      });
  }
  return summary;
}

export function formatHealth(s: HealthSummary): string {
  const lines = [`Relationship health at ${s.as_of} (from who wrote when, never what)`, ''];
  for (const [group, label] of Object.entries(GROUP_LABELS)) lines.push(`  ${label.padEnd(30)} ${s.groups[group as keyof GroupCounts]}`);
  lines.push('', 'Why pairs need a check-in (a pair may have several reasons):');
  for (const r of REASONS) lines.push(`  ${r.padEnd(15)} ${String(s.reasons[r]).padStart(3)}  ${s.reason_meanings[r]}`);
  if (s.pairs) {
    lines.push('', 'Pairs (random references, not names):');
    for (const p of s.pairs) {
      const why = p.reasons.length > 0 ? `  ${p.reasons.join(', ')}` : '';
      lines.push(
        `  ${(p.ref ?? '-').padEnd(12)} ${GROUP_LABELS[p.group as keyof GroupCounts].padEnd(29)} ${p.rounds_sent} round${p.rounds_sent === 1 ? '' : 's'}, ${p.days_since_matched} days, ${p.matched}${why}`,
      );
    }
  }
  return lines.join('\n');
}
