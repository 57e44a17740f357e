import type { Chart, Table } from '../model';
import { count, enough, shownCount } from '../suppress';
import type { SectionBuilder } from './input';

const DAY_MS = 86_400_000;
const SCORES = [1, 2, 3, 4, 5];

/** Pulse ratings over the last twelve months: how many of each score, per question. Unvalidated. */
export const pulseSection: SectionBuilder = ({ data, asOf, pulse }) => {
  const from = asOf.getTime() - 365 * DAY_MS;
  const recent = data.pulse.filter((p) => Date.parse(p.answered_at) <= asOf.getTime() && Date.parse(p.answered_at) > from);
  if (recent.length === 0) return null;
  const tables: Table[] = [];
  const charts: Chart[] = [];
  for (const role of ['trainee', 'mentor'] as const) {
    const who = role === 'trainee' ? 'Trainees' : 'E-mentors';
    pulse[role].items.forEach((item, i) => {
      const ratings = recent.filter((p) => p.role === role && p.item === item.key);
      // A question fewer than 5 people rated is left out.
      if (!enough(new Set(ratings.map((r) => r.person_id)).size)) return;
      const per = SCORES.map((s) => ratings.filter((r) => r.score === s).length);
      const id = `pulse_${role}_${item.key}`;
      tables.push({
        id,
        caption: `${who}, Q${i + 1}: ${item.label}`,
        columns: ['rating', ...SCORES.map(String), 'people'],
        rows: [{ label: 'ratings', cells: [...per.map(count), count(new Set(ratings.map((r) => r.person_id)).size)] }],
      });
      charts.push({
        kind: 'bars',
        id: `chart_${id}`,
        title: `${who}, Q${i + 1}: ${item.label}`,
        description: `Ratings from 1 to 5 in the last twelve months: ${SCORES.map((s, k) => `${s}: ${count(per[k])}`).join(', ')}.`,
        categories: SCORES.map(String),
        series: [{ name: 'ratings', bars: per.map((n) => ({ value: shownCount(n), label: count(n) })) }],
        max: Math.max(5, ...per),
        unit: 'count',
      });
    });
  }
  if (tables.length === 0) return null;
  return {
    id: 'pulse',
    title: 'Pulse (unvalidated)',
    notes: [
      'Optional ratings from 1 (not at all) to 5 (very much) at the end of each questionnaire (trainees) and forward (e-mentors), in the last twelve months. ' +
        'A home-made check, not a validated instrument: read it as a prompt for conversation, not a measure. A question fewer than 5 people rated is left out.',
    ],
    headline: [],
    tables,
    charts,
  };
};
