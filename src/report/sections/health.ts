import { countGroups, REASON_TEXT, type GroupCounts, type Reason } from '../../health/assess';
import { GROUP_LABELS, reasonText } from '../../health/format';
import type { Chart, Table } from '../model';
import { count, enough, shownCount } from '../suppress';
import type { SectionBuilder } from './input';

const SHOWN_GROUPS: (keyof GroupCounts)[] = ['on_track', 'needs_checkin', 'too_early'];
const REASONS = Object.keys(REASON_TEXT) as Reason[];

/** Relationship health: the groups now, why, over time, and (when matching made pairs) chose vs assigned. */
export const healthSection: SectionBuilder = ({ health, history, thresholds: t }) => {
  if (health.length === 0) return null;
  const reasons: Table = {
    id: 'checkin_reasons',
    caption: 'Why pairs need a check-in (a pair may have several reasons)',
    columns: ['reason', 'pairs'],
    rows: REASONS.map((r) => ({ label: reasonText(r, t), cells: [count(health.filter((h) => h.reasons.includes(r)).length)] })),
  };
  // A month with fewer than 5 pairs in the groups is left out.
  const months = history
    .map((h) => ({ label: h.label, counts: countGroups(h.health) }))
    .filter((m) => enough(SHOWN_GROUPS.reduce((a, g) => a + m.counts[g], 0)));
  const overTime: Table = {
    id: 'health_over_time',
    caption: 'Pairs by health group at the end of each month',
    columns: ['month', ...SHOWN_GROUPS.map((g) => GROUP_LABELS[g])],
    rows: months.map((m) => ({ label: m.label, cells: SHOWN_GROUPS.map((g) => count(m.counts[g])) })),
  };
  const tables = [reasons, overTime];
  const charts: Chart[] = [];
  if (months.length > 0)
    charts.push({
      kind: 'bars',
      id: 'chart_health_over_time',
      title: 'Health groups over time',
      description: `Pairs on track, needing a check-in and too early to tell, month by month: ${months
        .map((m) => `${m.label} ${SHOWN_GROUPS.map((g) => count(m.counts[g])).join('/')}`)
        .join('; ')}.`,
      categories: months.map((m) => m.label),
      series: SHOWN_GROUPS.map((g) => ({
        name: GROUP_LABELS[g],
        bars: months.map((m) => ({ value: shownCount(m.counts[g]), label: count(m.counts[g]) })),
      })),
      max: Math.max(5, ...months.flatMap((m) => SHOWN_GROUPS.map((g) => m.counts[g]))),
      unit: 'count',
    });
  // Chose vs assigned: only once matching has let trainees choose, and only groups of 5 or more.
  if (health.some((h) => h.howMatched === 'chose')) {
    const rows = (['chose', 'assigned'] as const)
      .map((how) => ({ how, pairs: health.filter((h) => h.howMatched === how) }))
      .filter((x) => enough(x.pairs.length))
      .map((x) => {
        const c = countGroups(x.pairs);
        return {
          label: x.how === 'chose' ? 'trainee chose the e-mentor' : 'e-mentor assigned',
          cells: [count(x.pairs.length), ...SHOWN_GROUPS.map((g) => count(c[g]))],
        };
      });
    if (rows.length > 0)
      tables.push({
        id: 'health_by_choice',
        caption: 'Health by how the pair was made',
        columns: ['pairs where the', 'pairs', ...SHOWN_GROUPS.map((g) => GROUP_LABELS[g])],
        rows,
      });
  }
  const now = countGroups(health);
  return {
    id: 'health',
    title: 'Relationship health',
    notes: [
      `Worked out from timestamps, counts and lengths only. "Too early to tell": fewer than ${t.tooEarlyRounds} questionnaires sent. ` +
        `"Needs a check-in": any of the reasons below. The thresholds are settings (HEALTH_*); see the README.`,
      'Paused pairs and pairs whose trainee stepped back are not in the groups.',
    ],
    headline: [
      `Health: ${SHOWN_GROUPS.map((g) => `${GROUP_LABELS[g]} ${count(now[g])}`).join(', ')} (paused ${count(now.paused)}, ended ${count(now.ended)})`,
    ],
    tables,
    charts,
  };
};
