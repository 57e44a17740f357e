import { normaliseWords, splitQuote } from '../text/lines';

/**
 * Answers to the end-of-year evaluation, read from a reply the way the questionnaire is: after
 * a question's number ("3. 4", "Q3: 4"), under the quoted question, as `1=yes 2=4 …`, or, with
 * nothing else to go on, one answer per line in the questions' order. Pure. (The questionnaire's
 * own parser is not reused: there a line holding only "4" is the heading of section 4.)
 */
export type EvaluationAnswerKind = 'yes_no' | 'scale' | 'zero_to_ten' | 'free_text';

export interface EvaluationItemShape {
  key: string;
  number: number;
  text: string;
  answer: EvaluationAnswerKind;
}

export interface EvaluationRead {
  /** Numbers by item key: yes 1 / no 0, a scale's value; null for "n/a". Only what could be read. */
  values: Record<string, number | null>;
  /** Keys answered with something that is not an answer of its kind (e.g. 7 on a 1-to-5 scale). */
  unusable: string[];
  /** The free-text answer, if any. */
  comment: string | null;
}

const YES = /^(yes|y|yeah|yep|definitely|absolutely|very much|certainly)\b/;
const NO = /^(no|n|nope|not really|not at all)\b/;
const NOT_APPLICABLE = /^(n a|na|not applicable|does not apply|doesn t apply)\b/;
const PAIR = /\b(?:q|e)?\s?(\d{1,2})\s*[=:]\s*(yes|no|n\/a|na|\d{1,2})\b/gi;
const PAIRS_ONLY = /^\s*(?:(?:q|e)?\s?\d{1,2}\s*[=:]\s*(?:yes|no|n\/a|na|\d{1,2})\b[\s,;.]*)+$/i;

/** One answer of a kind, from the start of what was written: a number, or undefined when it is not one. */
export function evaluationValue(kind: EvaluationAnswerKind, written: string): number | null | undefined {
  const w = normaliseWords(written);
  if (kind === 'yes_no') return YES.test(w) ? 1 : NO.test(w) ? 0 : undefined;
  if (kind === 'scale' && NOT_APPLICABLE.test(w)) return null;
  const m = /^(\d{1,2})\b/.exec(w);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (kind === 'scale') return n >= 1 && n <= 5 ? n : undefined;
  if (kind === 'zero_to_ten') return n <= 10 ? n : undefined;
  return undefined;
}

/** "3. text", "3) text", "Q3: text", "3 - text": a question's number and what follows it. */
const NUMBERED = /^(?:q\s?)?(\d{1,2})\s*(?:[.):=]|\s-\s)\s*(.*)$/i;

export function readEvaluation(text: string, items: EvaluationItemShape[]): EvaluationRead {
  const written = new Map<string, string[]>();
  const byNumber = new Map(items.map((i) => [i.number, i]));
  const questions = items.map((i) => ({ item: i, words: normaliseWords(i.text) }));
  /** A quoted line of ours that asks a question: by its number, or by its words. */
  const askedIn = (line: string): EvaluationItemShape | undefined => {
    const numbered = NUMBERED.exec(line);
    const words = normaliseWords(numbered ? numbered[2] : line);
    if (words.length < 8) return undefined;
    return questions.find((q) => words.startsWith(q.words) || q.words.startsWith(words))?.item;
  };
  const add = (item: EvaluationItemShape, value: string) => {
    if (value.trim() === '') return;
    written.set(item.key, [...(written.get(item.key) ?? []), value.trim()]);
  };

  let current: EvaluationItemShape | undefined;
  const loose: string[] = [];
  for (const line of text.split('\n')) {
    const { depth, content } = splitQuote(line);
    if (depth > 0) {
      // Our question, quoted: what is typed under it answers it.
      current = askedIn(content);
      continue;
    }
    if (content.trim() === '') continue;
    if (PAIRS_ONLY.test(content)) {
      for (const m of content.matchAll(PAIR)) {
        const item = byNumber.get(Number(m[1]));
        if (item) written.set(item.key, [m[2]]);
      }
      current = undefined;
      continue;
    }
    const numbered = NUMBERED.exec(content.trim());
    const item = numbered ? byNumber.get(Number(numbered[1])) : undefined;
    if (numbered && item) {
      current = item;
      add(item, numbered[2]);
      continue;
    }
    if (current) add(current, content);
    else loose.push(content.trim());
  }
  // Nothing placed: answers one per line, in order; what follows the last answer is the comment.
  if (written.size === 0) {
    let i = 0;
    for (const item of items.filter((x) => x.answer !== 'free_text')) {
      if (i >= loose.length || evaluationValue(item.answer, loose[i]) === undefined) break;
      written.set(item.key, [loose[i++]]);
    }
    const free = items.find((x) => x.answer === 'free_text');
    if (free && written.size > 0 && i < loose.length) written.set(free.key, loose.slice(i));
  }

  const values: Record<string, number | null> = {};
  const unusable: string[] = [];
  let comment: string | null = null;
  for (const item of items) {
    const w = written.get(item.key);
    if (w === undefined || w.length === 0) continue;
    if (item.answer === 'free_text') {
      comment = w.join('\n');
      continue;
    }
    // The answer is the start of its first line; anything after it is the person's own words, not kept.
    const value = evaluationValue(item.answer, w[0]);
    if (value === undefined) unusable.push(item.key);
    else values[item.key] = value;
  }
  return { values, unusable, comment };
}
