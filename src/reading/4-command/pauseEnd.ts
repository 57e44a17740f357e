/**
 * When a pause should end, from the words people use: "until 3 May", "until March", "for two
 * weeks", "until after my exams on 3 May", "till the end of June", "bis 1. März". The result is
 * the first day mail may come again (YYYY-MM-DD), and whether the words leave no doubt: a
 * reading with doubt is never acted on, only offered back for confirmation.
 */
import { addDays, addMonths, isoWeekday } from '../../schedule/calendar';
import { readDateAt } from '../text/writtenDate';

export interface PauseEnd {
  /** The first day the pause is over, or null when the words could not be read as a date. */
  date: string | null;
  /** False when the words allow another reading ("a few weeks", a date a year away, "after my exams in May"). */
  sure: boolean;
}

// Month names as people write them, in the languages the rest of the reading knows.
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januar', 'janvier', 'enero', 'januari', 'gennaio'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero', 'februari', 'febbraio'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'maart'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'mei', 'maggio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre'],
];
const MONTH_OF = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number])));
const MONTH_WORD = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
  'couple of': 2,
};
/** Counts that are not numbers: read as a guess and always confirmed. */
const VAGUE_COUNTS: Record<string, number> = { 'a few': 3, few: 3, several: 3, 'a couple': 2 };

const COUNT = `(\\d{1,3}|${[...Object.keys(NUMBER_WORDS), ...Object.keys(VAGUE_COUNTS)].sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = '(days?|weeks?|fortnights?|months?)';
/** "for two weeks", "for the next 3 months", "in a fortnight", "pause 2 weeks". */
const DURATION = new RegExp(
  `\\b(?:for|in|during|pause|paused|break|hold)\\s+(?:the\\s+next\\s+|another\\s+|(about|around|roughly)\\s+)?${COUNT}\\s+${UNIT}\\b(\\s+or\\s+(?:so|two|three|more))?`,
);
const DURATION_AT_START = new RegExp(`^(?:the\\s+next\\s+)?${COUNT}\\s+${UNIT}\\b`);
const BARE_FORTNIGHT = /\b(?:for|in)\s+a\s+fortnight\b/;

/** Words after which the end of the pause is written. */
const LEAD =
  /\b(?:until|till|til|'til|untill|up\s+to|up\s+until|through|thru|to|from|back\s+(?:on|in|at|by|from|for)|back|return(?:ing)?\s+(?:on|in)|(?:resume|restart|start\s+again)\s+(?:on|in|from)|bis(?:\s+(?:zum|zur|ende|anfang))?|jusqu'?(?:au|à|a|en)|hasta(?:\s+el)?|tot|fino\s+(?:al|a))\s+/g;
const AFTER = /\bafter\s+/g;

interface Found {
  date: string | null;
  sure: boolean;
}

function dayOf(reference: Date): string {
  return reference.toISOString().slice(0, 10);
}

/** The first day of month `month` after the reference's month; the same month is ambiguous. */
function nextMonthStart(month: number, year: number | null, reference: Date | null): Found {
  if (year !== null) return { date: `${year}-${String(month).padStart(2, '0')}-01`, sure: true };
  if (!reference) return { date: null, sure: false };
  const refYear = reference.getUTCFullYear();
  const refMonth = reference.getUTCMonth() + 1;
  const y = month > refMonth ? refYear : refYear + 1;
  // "until March" written in March: this March is over, next March is a year away. Ask.
  return { date: `${y}-${String(month).padStart(2, '0')}-01`, sure: month !== refMonth };
}

const MONTH_PHRASE = new RegExp(
  `^(?:the\\s+)?(?:(start|beginning|middle|end)\\s+of\\s+|(early|mid|late)[-\\s]+)?(?:next\\s+)?(${MONTH_WORD})\\.?(?:\\s+(\\d{4}))?\\b`,
);

/** "March", "the end of June", "mid-April 2028". */
function monthPhrase(text: string, reference: Date | null): { found: Found; length: number } | null {
  const m = MONTH_PHRASE.exec(text);
  if (!m) return null;
  const month = MONTH_OF.get(m[3]);
  if (month === undefined) return null;
  // "mar" and "may" are words too: only take them as months when nothing else reads better.
  const start = nextMonthStart(month, m[4] ? Number(m[4]) : null, reference);
  if (start.date === null) return { found: start, length: m[0].length };
  const part = m[1] ?? m[2] ?? null;
  let date = start.date;
  let sure = start.sure;
  if (part === 'middle' || part === 'mid') date = addDays(date, 14);
  else if (part === 'end') date = addMonths(date, 1);
  else if (part === 'late') {
    date = addMonths(date, 1);
    sure = false;
  }
  return { found: { date, sure }, length: m[0].length };
}

/** "next week", "next month", "Monday", "the new year", "tomorrow", "the end of the month". */
function relativePhrase(text: string, reference: Date | null): { found: Found; length: number } | null {
  const m =
    /^(?:the\s+)?(next\s+week|next\s+month|end\s+of\s+(?:the|this)\s+month|new\s+year|tomorrow|(?:next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/.exec(
      text,
    );
  if (!m) return null;
  if (!reference) return { found: { date: null, sure: false }, length: m[0].length };
  const today = dayOf(reference);
  const phrase = m[1];
  let date: string;
  if (phrase === 'next week') date = addDays(today, 8 - isoWeekday(today));
  else if (phrase === 'next month' || phrase.startsWith('end of')) date = addMonths(`${today.slice(0, 8)}01`, 1);
  else if (phrase === 'new year') date = `${reference.getUTCFullYear() + 1}-01-01`;
  else if (phrase === 'tomorrow') date = addDays(today, 1);
  else {
    const wanted = WEEKDAYS.indexOf(m[2]) + 1;
    date = addDays(today, ((wanted - isoWeekday(today) + 6) % 7) + 1);
  }
  return { found: { date, sure: true }, length: m[0].length };
}

function yearWritten(text: string): boolean {
  return /\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(text);
}

/** A date written at the start of `text`: a day, a month, or a relative phrase. */
function dateAt(text: string, reference: Date | null): { found: Found; length: number } | null {
  const day = readDateAt(text, reference);
  if (day) {
    // A day with no year resolves to its next occurrence; one nearly a year away was probably meant otherwise.
    const far = reference !== null && !yearWritten(text.slice(0, day.length)) && day.date > addDays(dayOf(reference), 300);
    return { found: { date: day.date, sure: !far }, length: day.length };
  }
  return monthPhrase(text, reference) ?? relativePhrase(text, reference);
}

function durationEnd(count: string, unit: string, reference: Date | null): Found {
  const vague = VAGUE_COUNTS[count];
  const n = /^\d+$/.test(count) ? Number(count) : (NUMBER_WORDS[count] ?? vague);
  if (!reference || n === undefined || n < 1 || n > 400) return { date: null, sure: false };
  const today = dayOf(reference);
  const date = unit.startsWith('day')
    ? addDays(today, n)
    : unit.startsWith('week')
      ? addDays(today, 7 * n)
      : unit.startsWith('fortnight')
        ? addDays(today, 14 * n)
        : addMonths(today, n);
  return { date, sure: vague === undefined };
}

/** "after my exams on 3 May": the day after the first date within a few words; a month alone is a guess. */
function afterPhrase(rest: string, reference: Date | null): Found | null {
  const direct = dateAt(rest, reference);
  if (direct) {
    if (direct.found.date === null) return direct.found;
    const month = monthPhrase(rest, reference);
    // "after May" is the first of June; "after 3 May" is 4 May.
    if (month && month.length === direct.length) return { date: addMonths(direct.found.date, 1), sure: direct.found.sure };
    return { date: addDays(direct.found.date, 1), sure: direct.found.sure };
  }
  const words = /\S+\s*/g;
  let skipped = 0;
  let m: RegExpExecArray | null;
  while ((m = words.exec(rest)) !== null && skipped < 8) {
    skipped++;
    const next = rest.slice(m.index + m[0].length).replace(/^(?:on|in|at|the|which|is|are|end|ends|finish|finishes|,)\s+/, '');
    const found = readDateAt(next, reference);
    if (found) {
      const far = reference !== null && !yearWritten(next.slice(0, found.length)) && found.date > addDays(dayOf(reference), 300);
      return { date: addDays(found.date, 1), sure: !far };
    }
    const month = monthPhrase(next, reference);
    if (month && month.found.date !== null) return { date: addMonths(month.found.date, 1), sure: false };
  }
  return null;
}

/**
 * The end of the pause written in `text` (lower case), or null when the text names no end at
 * all (a plain pause). Words that promise an end but cannot be read ("until after my exams")
 * give { date: null, sure: false }.
 */
export function findPauseEnd(text: string, reference: Date | null): PauseEnd | null {
  const t = text.slice(0, 400).toLowerCase();
  // "pause 2 weeks": the rest of a request may start with the length of the pause.
  const leading = DURATION_AT_START.exec(t);
  if (leading) return durationEnd(leading[1], leading[2], reference);

  const duration = DURATION.exec(t);
  if (duration) {
    const end = durationEnd(duration[2], duration[3], reference);
    // "about two weeks", "a week or two": a guess, to be confirmed.
    return duration[1] || duration[4] ? { ...end, sure: false } : end;
  }
  if (BARE_FORTNIGHT.test(t)) return durationEnd('1', 'fortnight', reference);

  let unreadable = false;
  for (const lead of t.matchAll(LEAD)) {
    const rest = t.slice(lead.index + lead[0].length);
    if (/^after\s+/.test(rest)) {
      const after = afterPhrase(rest.replace(/^after\s+/, ''), reference);
      if (after) return after;
      unreadable = true;
      continue;
    }
    const at = dateAt(rest, reference);
    if (at) return at.found;
    const counted = DURATION_AT_START.exec(rest);
    if (counted) return durationEnd(counted[1], counted[2], reference);
    // "back" and "to" are common words; only "until"-like leads promise a date.
    if (!/^(?:back|to|from|through|thru)\b/.test(lead[0])) unreadable = true;
  }
  for (const after of t.matchAll(AFTER)) {
    const found = afterPhrase(t.slice(after.index + after[0].length), reference);
    if (found) return found;
    unreadable = true;
  }
  return unreadable ? { date: null, sure: false } : null;
}
