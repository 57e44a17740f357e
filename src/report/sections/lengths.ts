import { lengthBand, type LengthBand } from '../../health/words';
import { count } from '../suppress';
import type { SectionBuilder } from './input';

const DAY_MS = 86_400_000;
const BANDS: LengthBand[] = ['short', 'medium', 'long'];

/** How long replies are, in bands of words (never the words): the last twelve months. */
export const lengthsSection: SectionBuilder = ({ data, asOf, thresholds: t }) => {
  const from = asOf.getTime() - 365 * DAY_MS;
  const recent = data.messages.filter(
    (m) => m.words !== null && Date.parse(m.created_at) <= asOf.getTime() && Date.parse(m.created_at) > from,
  );
  if (recent.length === 0) return null;
  const bands = (rows: typeof recent) => BANDS.map((b) => count(rows.filter((m) => lengthBand(m.words as number, t) === b).length));
  return {
    id: 'lengths',
    title: 'Length of replies',
    notes: [
      `Words in each message's own text (quoted mail and pulse ratings left out), counted when it arrived: short is up to ${t.shortWords} words, long is more than ${t.longWords}. The last twelve months.`,
    ],
    headline: [],
    tables: [
      {
        id: 'length_bands',
        caption: 'Messages by length',
        columns: ['messages', `short (0–${t.shortWords})`, `medium (${t.shortWords + 1}–${t.longWords})`, `long (${t.longWords + 1}+)`],
        rows: [
          { label: "trainees' answers", cells: bands(recent.filter((m) => m.kind === 'answers')) },
          { label: "trainees' other messages", cells: bands(recent.filter((m) => m.author_role === 'trainee' && m.kind !== 'answers')) },
          { label: "e-mentors' messages", cells: bands(recent.filter((m) => m.author_role === 'mentor')) },
        ],
      },
    ],
    charts: [],
  };
};
