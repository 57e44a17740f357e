import type { Answers } from '../db/answers';
import type { Questionnaire, Section } from './definition';

/** Required sections unanswered, and list sections short of their minimum, in questionnaire order. */
export function missingSections(answers: Answers, q: Questionnaire): Section[] {
  return q.sections.filter((s) => {
    const v = answers[s.key];
    if (s.list) return (Array.isArray(v) ? v.length : v ? 1 : 0) < Math.max(s.min_items, s.required ? 1 : 0);
    return s.required && (typeof v !== 'string' || v.trim() === '');
  });
}

function sameItem(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * A later reply adds to what is stored: new sections are added, list items appended (without
 * repeats), and a text section answered again takes the newer text, which is how a trainee
 * corrects a misreading shown in their receipt.
 */
export function mergeAnswers(stored: Answers, incoming: Answers): Answers {
  const merged: Answers = { ...stored };
  for (const [key, value] of Object.entries(incoming)) {
    const before = stored[key];
    merged[key] =
      Array.isArray(value) && Array.isArray(before) ? [...before, ...value.filter((v) => !before.some((b) => sameItem(b, v)))] : value;
  }
  return merged;
}

export interface SectionView {
  number: number;
  key: string;
  title: string;
  text: string | null;
  items: string[] | null;
}

/** Sections with their answers, ready for a template. */
export function sectionViews(answers: Answers, q: Questionnaire): SectionView[] {
  return q.sections.map((s) => {
    const v = answers[s.key];
    return {
      number: s.number,
      key: s.key,
      title: s.title,
      text: typeof v === 'string' ? v : null,
      items: Array.isArray(v) && v.length > 0 ? v : null,
    };
  });
}
