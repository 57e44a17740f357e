import { MAX_LINES, normaliseWords, splitQuote } from '../text/lines';

/**
 * The pulse: a few optional 1-to-5 ratings at the end of a questionnaire (or of a forward, for
 * e-mentors), for the coordinator's totals only. This finds them in a reply and takes them
 * out of the text, so they are never read as answers, relayed, or counted as words.
 *
 * People answer it as `Q1=4 Q2=5 …` (on one line or several, anywhere in their own text), or
 * under the pulse heading: one number per line, or a number after each question (typed after
 * the quoted question, or after the question in an unmarked original).
 */

/** What the reader needs to know of the pulse's wording (from templates/pulse.yml). */
export interface PulseShape {
  /** The heading line, such as "Pulse" (a parenthesis after it is ignored). */
  heading: string;
  /** Our own sentences in the block (intros), so copies of them are dropped, never read. */
  wording: string[];
}

/** A rating as written: `value` is null when it was there but not a number. */
export interface PulseRating {
  question: number;
  value: number | null;
}

export interface PulseRead {
  /** The text with every pulse line (heading, questions, ratings) removed. */
  text: string;
  /** The ratings found, by question number, or null when the reply has none. */
  ratings: PulseRating[] | null;
}

const MAX_QUESTION = 20;
const MAX_PULSE_LINE = 400;
const WORD_NUMBERS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5 };
// "Q3=4", "q3 = 4/5", "Q3: four"; in a line of several, separated by spaces, commas or semicolons.
const PAIR = /\bq\s?(\d{1,2})\s*[=:]\s*([a-z]+|\d{1,3}(?:[.,]\d+)?)(?:\s*\/\s*5)?/gi;
const PAIRS_ONLY = /^\s*(?:q\s?\d{1,2}\s*=\s*(?:[a-z]+|\d{1,3}(?:[.,]\d+)?)(?:\s*\/\s*5)?[\s,;.]*)+/i;
// A question line: "Q3 We agree how and when we write =", "**Q3.** ...", "Q3) ...".
const QUESTION = /^q\s?(\d{1,2})(?![\d=])[\s.):-]/i;
const QUESTION_WITH_VALUE = /^q\s?(\d{1,2})(?!\d)[\s.):-].*?[=:]\s*([a-z]+|\d{1,3})(?:\s*\/\s*5)?\s*[.!]?\s*$/i;
const BARE_VALUE = /^([a-z]+|\d{1,3})(?:\s*\/\s*5)?\s*[.!]?$/i;

function stripMarkup(s: string): string {
  return s
    .replace(/^#{1,6}\s+/, '')
    .replace(/[*_~`]+/g, '')
    .trim();
}

function valueOf(raw: string): number | null {
  const lower = raw.toLowerCase();
  if (lower in WORD_NUMBERS) return WORD_NUMBERS[lower];
  const n = Number(raw.replace(',', '.'));
  return /^\d/.test(raw) && Number.isFinite(n) ? n : null;
}

/** A bare rating on its own line: a number, or a number word. */
function bareValue(line: string): number | null | undefined {
  const m = BARE_VALUE.exec(line);
  if (!m) return undefined;
  const v = valueOf(m[1]);
  // Words other than number words are not ratings: "Thanks" ends the block.
  return v === null ? undefined : v;
}

export function readPulse(text: string, shape: PulseShape): PulseRead {
  const heading = normaliseWords(shape.heading);
  const wording = shape.wording.map(normaliseWords).filter((w) => w !== '');
  const isHeading = (s: string): boolean => {
    const bare = normaliseWords(s.replace(/\([^)]*\)/g, ' '));
    return bare === heading;
  };
  /** A line that is part of our own sentences (wrapped lines of a quoted intro included). */
  const isOurWording = (s: string): boolean => {
    const n = normaliseWords(s);
    return n.split(' ').length >= 3 && wording.some((w) => w.includes(n));
  };

  const ratings = new Map<number, number | null>();
  const record = (question: number, value: number | null) => {
    if (question >= 1 && question <= MAX_QUESTION) ratings.set(question, value);
  };
  const kept: string[] = [];
  let inBlock = false;
  let lastQuestion: number | null = null;

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, line] of lines.entries()) {
    // A pulse line is short; a long one is someone's text, and nothing past the lines the
    // rest of the reading looks at (MAX_LINES) is looked at here either.
    if (line.length > MAX_PULSE_LINE || index >= MAX_LINES) {
      inBlock = false;
      kept.push(line);
      continue;
    }
    const { depth, content } = splitQuote(line);
    const c = stripMarkup(content);
    if (c !== '' && isHeading(c)) {
      inBlock = true;
      lastQuestion = null;
      continue;
    }
    if (inBlock) {
      if (c === '') {
        kept.push(line);
        continue;
      }
      if (depth > 0) {
        // Quoted: our own questions and sentences; they say which question a typed number answers.
        const q = QUESTION.exec(c);
        if (q) {
          lastQuestion = Number(q[1]);
          continue;
        }
        if (isOurWording(c)) continue;
        inBlock = false;
      } else {
        if (isOurWording(c)) continue;
        if (PAIRS_ONLY.test(c)) {
          for (const m of c.matchAll(PAIR)) record(Number(m[1]), valueOf(m[2]));
          continue;
        }
        const withValue = QUESTION_WITH_VALUE.exec(c);
        if (withValue) {
          record(Number(withValue[1]), valueOf(withValue[2]));
          continue;
        }
        const q = QUESTION.exec(c);
        if (q) {
          lastQuestion = Number(q[1]);
          continue;
        }
        const bare = bareValue(c);
        if (bare !== undefined) {
          let target = lastQuestion !== null && !ratings.has(lastQuestion) ? lastQuestion : 1;
          while (ratings.has(target)) target++;
          record(target, bare);
          continue;
        }
        inBlock = false;
      }
    }
    // Outside the block, only a line that starts with Q1=… ratings is the pulse.
    if (depth === 0 && PAIRS_ONLY.test(c)) {
      for (const m of c.matchAll(PAIR)) record(Number(m[1]), valueOf(m[2]));
      continue;
    }
    kept.push(line);
  }
  const found = [...ratings.entries()].sort((a, b) => a[0] - b[0]).map(([question, value]) => ({ question, value }));
  return { text: kept.join('\n'), ratings: found.length > 0 ? found : null };
}
