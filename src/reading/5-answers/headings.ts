import type { Questionnaire, Section } from '../../questionnaire/definition';
import { normaliseWords } from '../text/lines';

/**
 * Recognises a line as a section heading, the way trainees type them: the full title, a
 * shortened title, an alias, a number alone ("1)", "Q1", "#1"), with markdown or bold markup,
 * with the answer after a colon on the same line.
 */

export type HeadingKind =
  /** Title, shortened title or alias. */
  | 'title'
  /** A number alone, or an explicit "Q3:"/"#3" with text after it. */
  | 'number'
  /** "3. some text": a heading only in replies that number their answers instead of titling them. */
  | 'numbered_text'
  /** A shortened title several sections share ("Career goals"): ends the section before, starts none. */
  | 'group';

export interface Heading {
  kind: HeadingKind;
  section: Section | null;
  number: number | null;
  /** Text after the heading on the same line, markup removed ('' if none). */
  inline: string;
}

const MAX_HEADING_CHARS = 120;
const MAX_COLON_HEADING_WORDS = 6;
const NUMBER_MARKER = /^(?:(q|question|no\.?|nr\.?|number|#)\s*)?\(?(\d{1,2})(?!\d)\s*([).:\-–])?(?![\d])/i;
const MARKUP = /[*_~`]+/g;

/** "1-3 yrs" is "1 to 3 years", "6m" is "6 months", "5 yrs+" is "5 years plus". */
function withRanges(text: string): string {
  return text
    .replace(/(\d)\s*[-–—]\s*(\d)/g, '$1 to $2')
    .replace(/\byrs\b/gi, 'years')
    .replace(/\byr\b/gi, 'year')
    .replace(/\b(?:mths|mnths|mos)\b/gi, 'months')
    .replace(/(\d)\s*m\b/gi, '$1 months')
    .replace(/(\d)\s*y\b/gi, '$1 years')
    .replace(/\+/g, ' plus ');
}

interface Horizon {
  section: Section;
  /** In years: the section is for plans after `from` and up to `to`. */
  from: number;
  to: number;
}

const HORIZON_IN_TITLE =
  /(?:next (\d+) (month|year)s?)|(?:(\d+) to (\d+) (month|year)s?)|(?:(?:beyond|over|more than) (\d+) (month|year)s?)/;
const HORIZON_HEADING =
  /^(?:next |in |within )?(\d+)(?: to (\d+))? (month|year)s?( plus| and beyond| onwards| or more)?(?: time| from now)?$/;

const inYears = (n: string, unit: string): number => (unit === 'month' ? Number(n) / 12 : Number(n));

/** The time span each section's title or aliases name: "(next 6 months)", "(1 to 3 years)", "(beyond 3 years)". */
function horizonsOf(q: Questionnaire): Horizon[] {
  const out: Horizon[] = [];
  for (const s of q.sections) {
    for (const text of [s.title, ...s.aliases].map((t) => normaliseWords(withRanges(t)))) {
      const m = HORIZON_IN_TITLE.exec(text);
      if (!m) continue;
      if (m[1]) out.push({ section: s, from: 0, to: inYears(m[1], m[2]) });
      else if (m[3]) out.push({ section: s, from: inYears(m[3], m[5]) - 1e-9, to: inYears(m[4], m[5]) });
      else out.push({ section: s, from: inYears(m[6], m[7]), to: Infinity });
      break;
    }
  }
  return out;
}

function phraseKey(text: string): string {
  return normaliseWords(withRanges(text.replace(/\([^)]{0,80}\)/g, ' ').replace(MARKUP, ' ')));
}

/** "Goals (short)": the words in brackets are part of the heading. */
function phraseKeyWithBrackets(text: string): string {
  return normaliseWords(withRanges(text.replace(MARKUP, ' ')));
}

/** Words people put around a heading that say nothing about which one it is: "CV stuff", "The good", "How I feel about training". */
const LEADING_FILLER =
  /^(?:the|my|some|any|our|how i (?:feel|am feeling|felt) about(?: my| the)?|how i am finding(?: my| the)?|thoughts on(?: my)?|feelings about(?: my)?)\s+/;
const TRAILING_FILLER = /\s+(?:stuff|things|bits|etc|so far|update|updates|news|section|bit)$/;

type Lookup = { section: Section } | { group: true } | null;

export interface HeadingMatcher {
  match(this: void, line: string): Heading | null;
}

/** One matcher per questionnaire: it holds no state, and building it costs more than reading a reply. */
const matchers = new WeakMap<Questionnaire, HeadingMatcher>();

export function headingMatcher(q: Questionnaire): HeadingMatcher {
  const cached = matchers.get(q);
  if (cached) return cached;
  const built = buildHeadingMatcher(q);
  matchers.set(q, built);
  return built;
}

function buildHeadingMatcher(q: Questionnaire): HeadingMatcher {
  const exact = new Map<string, Set<string>>();
  const prefixes = new Map<string, Set<string>>();
  const byKey = new Map(q.sections.map((s) => [s.key, s]));
  const byNumber = new Map(q.sections.map((s) => [s.number, s]));

  const add = (map: Map<string, Set<string>>, phrase: string, key: string): void => {
    if (!phrase) return;
    const set = map.get(phrase) ?? new Set<string>();
    set.add(key);
    map.set(phrase, set);
  };
  for (const s of q.sections) {
    const titles = [s.title, s.title.replace(/\([^)]*\)/g, ' ')];
    const afterColon = s.title.includes(':') ? s.title.slice(s.title.indexOf(':') + 1) : '';
    if (phraseKey(afterColon).split(' ').length >= 2) titles.push(afterColon);
    for (const phrase of [...titles, ...s.aliases].map(phraseKey)) {
      add(exact, phrase, s.key);
      const words = phrase.split(' ');
      for (let n = 1; n < words.length; n++) add(prefixes, words.slice(0, n).join(' '), s.key);
    }
  }

  const lookupKey = (key: string, allowShort: boolean): Lookup => {
    if (!key) return null;
    const hit = exact.get(key);
    if (hit) return hit.size === 1 ? { section: byKey.get([...hit][0]) as Section } : { group: true };
    const prefix = prefixes.get(key);
    if (!prefix) return null;
    if (prefix.size > 1) return key.length >= 5 ? { group: true } : null;
    const singleShortWord = !key.includes(' ') && key.length < 5;
    return singleShortWord && !allowShort ? null : { section: byKey.get([...prefix][0]) as Section };
  };

  const horizons = horizonsOf(q);
  /** "5 years+", "2 years", "next 6m": the section whose time span holds it. */
  const lookupHorizon = (key: string): Lookup => {
    const m = HORIZON_HEADING.exec(key);
    if (!m) return null;
    const years = inYears(m[2] ?? m[1], m[3]) + (m[4] ? 1e-6 : 0);
    const hit = horizons.find((h) => years > h.from && years <= h.to);
    return hit ? { section: hit.section } : null;
  };

  const lookup = (text: string): Lookup => {
    const key = phraseKey(text);
    const found = lookupKey(key, false);
    if (found && 'section' in found) return found;
    const horizon = lookupHorizon(key);
    if (horizon) return horizon;
    // "CV/portfolio", "Work/life": either side may be the heading.
    if (text.includes('/') && !found && key.split(' ').length <= 3 && !/\s[-–—]\s|:/.test(text)) {
      for (const part of text.split('/')) {
        const hit = lookupKey(phraseKey(part), false);
        if (hit && 'section' in hit) return hit;
      }
    }
    // "Goals (short)": a group without the bracket, a section with it.
    const withBrackets = phraseKeyWithBrackets(text);
    if (withBrackets !== key) {
      const bracketed = lookupKey(withBrackets, false);
      if (bracketed && 'section' in bracketed) return bracketed;
    }
    if (found) return found;
    const stripped = key.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
    return stripped !== key && stripped !== '' ? lookupKey(stripped, true) : null;
  };

  /** "Positives from the last two months:" — a known phrase, then a few words, then a colon. */
  const lookupLeadingPhrase = (text: string): Lookup => {
    const words = phraseKey(text).split(' ');
    if (words.length < 2 || words.length > MAX_COLON_HEADING_WORDS) return null;
    for (let n = words.length - 1; n >= 1; n--) {
      const hit = exact.get(words.slice(0, n).join(' '));
      if (hit && hit.size === 1) return { section: byKey.get([...hit][0]) as Section };
    }
    return null;
  };

  const cleanInline = (text: string): string =>
    text
      .replace(/^[\s*_~:\-–—]+/, '')
      .replace(/^[*_~]+|[*_~]+$/g, '')
      .trim();

  const match = (line: string): Heading | null => {
    const t = line.trim();
    if (t === '' || /^[>|]/.test(t)) return null;
    let rest = t.replace(/^#{1,6}\s+/, '').replace(/^[*_~\s]+/, '');

    // "2 years:", "5 yrs+ - consultant": a number that is a time span, not a section number.
    const span =
      /^(\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s*[a-z]{1,6}\+?(?:\s+(?:from now|time|plus|ahead|onwards))?)(?:\s*:\s*|\s+[-–—]\s+|\s*$)(.*)$/i.exec(
        rest,
      );
    if (span) {
      const horizon = lookupHorizon(phraseKey(span[1]));
      if (horizon && 'section' in horizon) return { kind: 'title', section: horizon.section, number: null, inline: cleanInline(span[2]) };
    }

    let number: number | null = null;
    let explicit = false;
    let marker = '';
    const num = NUMBER_MARKER.exec(rest);
    if (num && (num[1] || num[3] || /^\(?\d{1,2}\s*$/.test(rest) || /^\(?\d{1,2}\s+\S/.test(rest))) {
      number = Number(num[2]);
      explicit = Boolean(num[1]);
      marker = num[3] ?? '';
      rest = rest.slice(num[0].length).replace(/^[*_~\s]+/, '');
    }

    // The longest heading text that matches: the whole rest, else up to the last colon or dash.
    const splits: { left: string; inline: string; colonEnded: boolean }[] = [{ left: rest, inline: '', colonEnded: false }];
    const separators = /\s*:\s*|\s+[-–—]\s+/g;
    let m: RegExpExecArray | null;
    const found: { index: number; length: number }[] = [];
    while ((m = separators.exec(rest.slice(0, MAX_HEADING_CHARS + 3))) !== null && found.length < 4) {
      found.push({ index: m.index, length: m[0].length });
    }
    for (const sep of found.reverse()) {
      splits.push({ left: rest.slice(0, sep.index), inline: rest.slice(sep.index + sep.length), colonEnded: true });
    }
    // "Work-life balance: 🙂": the answer has no letters, so the whole line would normalise to the title.
    const lastRight = found.length > 0 ? splits[1].inline : '';
    const symbolAnswer = lastRight.trim() !== '' && phraseKey(lastRight) === '';
    for (const split of splits) {
      if (split.left.length > MAX_HEADING_CHARS) continue;
      if (split === splits[0] && symbolAnswer) continue;
      const hit = lookup(split.left);
      if (!hit) continue;
      if ('group' in hit) return { kind: 'group', section: null, number, inline: cleanInline(split.inline) };
      return { kind: 'title', section: hit.section, number, inline: cleanInline(split.inline) };
    }
    const endsWithColon = /:\s*[*_~]*\s*$/.test(rest);
    if (endsWithColon) {
      const hit = lookupLeadingPhrase(rest.replace(/:\s*[*_~]*\s*$/, ''));
      if (hit && 'section' in hit) return { kind: 'title', section: hit.section, number, inline: '' };
    }

    if (number === null) return null;
    const section = byNumber.get(number) ?? null;
    if (!section) return null;
    const inline = cleanInline(rest);
    if (inline === '') return { kind: 'number', section, number, inline: '' };
    if (explicit || marker === ':') return { kind: 'number', section, number, inline };
    if (marker === '.' || marker === ')') return { kind: 'numbered_text', section, number, inline };
    return null;
  };

  return { match };
}
