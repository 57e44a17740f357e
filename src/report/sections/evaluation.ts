import { PILOT_QUESTION, PILOT_RESULT, type EvaluationForm } from '../../evaluation/definition';
import type { EvaluationValueRow } from '../../health/source';
import type { Chart, Section, Table } from '../model';
import { count, enough, ofTotal, percent, shownShare } from '../suppress';
import { wilsonInterval } from '../wilson';
import type { SectionBuilder } from './input';

const interval = (k: number, n: number) => {
  const w = wilsonInterval(k, n);
  return { ...w, text: `${percent(w.low)} to ${percent(w.high)}` };
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One form's figures (trainees' or e-mentors'): only what at least 5 people answered. */
function formFigures(role: 'trainee' | 'mentor', form: EvaluationForm, values: EvaluationValueRow[], year: number) {
  const who = role === 'trainee' ? 'trainees' : 'e-mentors';
  const answers = (key: string) =>
    values.filter((v) => v.role === role && v.item === key && v.value !== null).map((v) => v.value as number);
  const useful = answers('useful');
  const yes = useful.filter((v) => v === 1).length;
  const tables: Table[] = [];
  const charts: Chart[] = [];
  const scaleRows = form.items
    .filter((i) => i.answer === 'scale')
    .map((i) => ({ item: i, a: answers(i.key) }))
    .filter((x) => enough(x.a.length));
  if (scaleRows.length > 0) {
    tables.push({
      id: `evaluation_${role}_outcomes`,
      caption: `${who} ${year}: agreement (4 or 5 out of 5) with each statement`,
      columns: ['statement', 'answered', 'agree (4 or 5)', 'share', 'median'],
      rows: scaleRows.map(({ item, a }) => {
        const agree = a.filter((v) => v >= 4).length;
        const share = shownShare(agree, a.length);
        return {
          label: `${item.text}${item.framework ? ` [${item.framework}]` : ''}`,
          cells: [count(a.length), count(agree), share === null ? '–' : percent(share), String(median(a))],
        };
      }),
    });
    charts.push({
      kind: 'bars',
      id: `chart_evaluation_${role}_outcomes`,
      title: `${who[0].toUpperCase()}${who.slice(1)} ${year}: share agreeing with each statement`,
      description: `Share answering 4 or 5 out of 5: ${scaleRows
        .map(({ item, a }) => {
          const share = shownShare(a.filter((v) => v >= 4).length, a.length);
          return `${item.key.replace(/_/g, ' ')} ${share === null ? '<5' : percent(share)}`;
        })
        .join(', ')}.`,
      categories: scaleRows.map(({ item }) => item.key.replace(/_/g, ' ')),
      series: [
        {
          name: 'agree',
          bars: scaleRows.map(({ a }) => {
            const share = shownShare(a.filter((v) => v >= 4).length, a.length);
            return { value: share === null ? null : Math.round(share * 100), label: share === null ? '<5' : percent(share) };
          }),
        },
      ],
      max: 100,
      unit: 'percent',
    });
  }
  const recommend = answers('recommend');
  if (enough(recommend.length)) {
    const band = (lo: number, hi: number) => recommend.filter((v) => v >= lo && v <= hi).length;
    tables.push({
      id: `evaluation_${role}_recommend`,
      caption: `${who} ${year}: how likely to recommend it (0 to 10)`,
      columns: ['answer', 'people'],
      rows: [
        { label: '0 to 6', cells: [count(band(0, 6))] },
        { label: '7 or 8', cells: [count(band(7, 8))] },
        { label: '9 or 10', cells: [count(band(9, 10))] },
        { label: 'answered', cells: [count(recommend.length)] },
        { label: 'median', cells: [String(median(recommend))] },
      ],
    });
  }
  return { useful: useful.length, yes, tables, charts };
}

/** The end-of-year evaluation: the pilot's question as "n of N (p%)" beside the pilot's 8 of 10. */
export const evaluationSection: SectionBuilder = ({ data, year, evaluation }): Section | null => {
  if (year === null)
    return {
      id: 'evaluation',
      title: 'End-of-year evaluation',
      notes: ['No end-of-year survey yet: `mentormail evaluate open --year YYYY` sends one.'],
      headline: [],
      tables: [],
      charts: [],
    };
  const values = data.evaluationValues.filter((v) => v.year === year);
  const status = data.evaluationStatus.filter((e) => e.year === year && e.state !== 'scheduled');
  const trainees = formFigures('trainee', evaluation.trainee, values, year);
  const mentors = formFigures('mentor', evaluation.mentor, values, year);
  const pilot = interval(PILOT_RESULT.yes, PILOT_RESULT.of);
  const pilotText = `${ofTotal(PILOT_RESULT.yes, PILOT_RESULT.of)}`;
  const shown = enough(trainees.useful);
  const mine = interval(trainees.yes, trainees.useful);
  const headline = shown
    ? `End-of-year evaluation ${year}: trainees who found e-mentoring a useful independent form of support and advice: ${ofTotal(trainees.yes, trainees.useful)}, 95% interval ${mine.text} (the ${PILOT_RESULT.year} pilot: ${pilotText}).`
    : `End-of-year evaluation ${year}: fewer than 5 trainees answered, so the result is not shown (the ${PILOT_RESULT.year} pilot: ${pilotText}).`;
  const usefulRows = [
    ...(shown
      ? [
          {
            label: `trainees, ${year}`,
            cells: [count(trainees.yes), count(trainees.useful), ofTotal(trainees.yes, trainees.useful), mine.text],
          },
        ]
      : [{ label: `trainees, ${year}`, cells: ['–', count(trainees.useful), 'fewer than 5 answered: not shown', '–'] }]),
    ...(enough(mentors.useful)
      ? [
          {
            label: `e-mentors, ${year} (for their mentees)`,
            cells: [
              count(mentors.yes),
              count(mentors.useful),
              ofTotal(mentors.yes, mentors.useful),
              interval(mentors.yes, mentors.useful).text,
            ],
          },
        ]
      : []),
    {
      label: `${PILOT_RESULT.year} pilot (surgical senior house officers)`,
      cells: [String(PILOT_RESULT.yes), String(PILOT_RESULT.of), pilotText, pilot.text],
    },
  ];
  const surveyed = (role: 'trainee' | 'mentor') => status.filter((e) => e.role === role);
  const answeredOf = (role: 'trainee' | 'mentor') => surveyed(role).filter((e) => e.state === 'answered' || e.state === 'complete').length;
  return {
    id: 'evaluation',
    title: `End-of-year evaluation ${year}`,
    notes: [
      `Question 1, in the Northern Deanery pilot's words: "${PILOT_QUESTION}" The 95% intervals are Wilson score intervals.`,
      'The other questions follow the outcome components of the e-mentoring framework (in brackets). Groups of fewer than 5 people are left out.',
    ],
    headline: [headline],
    tables: [
      {
        id: 'evaluation_surveyed',
        caption: `Surveys ${year}`,
        columns: ['', 'sent', 'answered'],
        rows: (['trainee', 'mentor'] as const).map((r) => ({
          label: r === 'trainee' ? 'trainees' : 'e-mentors',
          cells: [count(surveyed(r).length), count(answeredOf(r))],
        })),
      },
      {
        id: 'evaluation_useful',
        caption: 'Found e-mentoring a useful independent form of support and advice',
        columns: ['', 'yes', 'answered', 'result', '95% interval'],
        rows: usefulRows,
      },
      ...trainees.tables,
      ...(enough(mentors.useful) ? mentors.tables : []),
    ],
    charts: [
      {
        kind: 'intervals',
        id: 'chart_evaluation_useful',
        title: `Useful independent support and advice: ${year} beside the ${PILOT_RESULT.year} pilot`,
        description: shown
          ? `${year}: ${ofTotal(trainees.yes, trainees.useful)}, 95% interval ${mine.text}. ${PILOT_RESULT.year} pilot: ${pilotText}, 95% interval ${pilot.text}.`
          : `${year}: fewer than 5 trainees answered, not shown. ${PILOT_RESULT.year} pilot: ${pilotText}, 95% interval ${pilot.text}.`,
        rows: [
          ...(shown
            ? [
                {
                  label: `${year}`,
                  share: trainees.yes / trainees.useful,
                  low: mine.low,
                  high: mine.high,
                  text: ofTotal(trainees.yes, trainees.useful),
                },
              ]
            : []),
          {
            label: `${PILOT_RESULT.year} pilot`,
            share: PILOT_RESULT.yes / PILOT_RESULT.of,
            low: pilot.low,
            high: pilot.high,
            text: pilotText,
          },
        ],
      },
      ...(shown ? trainees.charts : []),
      ...(enough(mentors.useful) ? mentors.charts : []),
    ],
  };
};
