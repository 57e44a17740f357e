import { countGroups } from '../../health/assess';
import { GROUP_LABELS } from '../../health/format';
import { count, ofTotal } from '../suppress';
import type { SectionBuilder } from './input';

/** The scheme at a glance: pairs by health group, and questionnaires answered. */
export const overviewSection: SectionBuilder = ({ data, health, asOf }) => {
  const groups = countGroups(health);
  const at = asOf.getTime();
  const sent = data.rounds.filter((r) => r.sent_at !== null && Date.parse(r.sent_at) <= at);
  const answered = sent.filter((r) => r.answered_at !== null && Date.parse(r.answered_at) <= at);
  const trainees = new Set(data.pairs.filter((p) => Date.parse(p.created_at) <= at).map((p) => p.trainee_id)).size;
  const mentors = new Set(data.pairs.filter((p) => Date.parse(p.created_at) <= at).map((p) => p.mentor_id)).size;
  const rows = (Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((g) => ({
    label: GROUP_LABELS[g],
    cells: [count(groups[g])],
  }));
  return {
    id: 'overview',
    title: 'The scheme at a glance',
    notes: ['Health groups come from who wrote when and how much, never from what anyone wrote (see "Relationship health" below).'],
    headline: [
      `Pairs: ${count(health.length)} (${rows.map((r) => `${r.label} ${r.cells[0]}`).join(', ')})`,
      `Questionnaires answered: ${ofTotal(answered.length, sent.length)}`,
    ],
    tables: [
      {
        id: 'people',
        caption: 'People and questionnaires',
        columns: ['', 'number'],
        rows: [
          { label: 'trainees', cells: [count(trainees)] },
          { label: 'e-mentors', cells: [count(mentors)] },
          { label: 'pairs', cells: [count(health.length)] },
          { label: 'questionnaires sent', cells: [count(sent.length)] },
          { label: 'questionnaires answered', cells: [count(answered.length)] },
        ],
      },
      { id: 'groups_now', caption: 'Pairs by health group', columns: ['group', 'pairs'], rows },
    ],
    charts: [],
  };
};
