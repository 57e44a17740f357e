import type { PulseRating } from '../reading/5-answers/pulse';
import type { PulseForm } from './definition';

export const PULSE_MIN = 1;
export const PULSE_MAX = 5;

export interface PulseCheck {
  /** Ratings that can be kept, by item key. */
  scores: { key: string; score: number }[];
  /** Question numbers not answered (counting what was kept before). */
  missing: number[];
  /** Question numbers answered with something other than a whole number from 1 to 5. */
  unusable: number[];
}

/**
 * Which ratings a reply gives for this form, which are missing and which cannot be used.
 * Pure. A reply that gives no rating at all is not checked: the pulse is optional.
 */
export function checkPulse(ratings: PulseRating[], form: PulseForm, alreadyKept: ReadonlySet<string> = new Set()): PulseCheck {
  const byQuestion = new Map(ratings.map((r) => [r.question, r.value]));
  const scores: PulseCheck['scores'] = [];
  const missing: number[] = [];
  const unusable: number[] = [];
  form.items.forEach((item, i) => {
    const question = i + 1;
    if (!byQuestion.has(question)) {
      if (!alreadyKept.has(item.key)) missing.push(question);
      return;
    }
    const value = byQuestion.get(question) ?? null;
    if (value !== null && Number.isInteger(value) && value >= PULSE_MIN && value <= PULSE_MAX) scores.push({ key: item.key, score: value });
    else unusable.push(question);
  });
  // A rating for a question the form does not have ("Q7=3" on a five-question pulse) is unusable too.
  for (const r of ratings) if (r.question > form.items.length) unusable.push(r.question);
  return { scores, missing, unusable };
}
