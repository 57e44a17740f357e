import type { Questionnaire } from '../../questionnaire/definition';
import { normaliseWords } from '../text/lines';

/**
 * The scheme's own wording: the questionnaire intro and prompts, and the fixed sentences of the
 * emails a trainee may reply to. Such a line is never an answer, even unquoted (Outlook does not
 * mark the original it quotes, and people paste the questionnaire into a new mail).
 */

/** Fixed sentences from templates/emails (questionnaire, reminder, receipt); names and numbers left out. */
export const TEMPLATE_SENTENCES = [
  'It is time for your e-mentoring questionnaire',
  'Your answers go only to your e-mentor',
  'They are confidential and not part of any assessment',
  'To pause, reply with PAUSE (or PAUSE until',
  'To stop taking part, reply with STOP',
  'A gentle reminder: your e-mentor',
  'has not yet received your answers for round',
  'reply to this email with your answers under these headings',
  'If now is not a good time, reply with PAUSE',
  'Taking part is voluntary',
  'Thank you. Your answers for round',
  'This is what was recorded under each heading',
  'Not answered yet, when you have a moment',
  'Just reply to this email with those headings and your answers',
  'If anything was misread, reply to this email with the heading and the corrected answer',
];

/** Sentences after which nothing belongs to the section above (the email's footer). */
const FOOTER_SENTENCES = [
  'Your answers go only to your e-mentor',
  'To pause, reply with PAUSE',
  'To stop taking part, reply with STOP',
  'If now is not a good time, reply with PAUSE',
  'Not answered yet, when you have a moment',
  'If anything was misread, reply to this email',
];

/** Lines that stand for "no answer" in the scheme's own emails. */
const PLACEHOLDERS = ['(nothing recorded)', '(not answered)'];

/** Introduces the previous round's goals, listed as "Short term: …" lines that look like answers. */
export const PREVIOUS_GOALS_SENTENCE = 'Last time you wrote these career goals; you may want to say what has changed';

export interface WordingHit {
  /** The email's footer: the section above has ended. */
  footer: boolean;
  /** The list of last round's goals follows. */
  previousGoals: boolean;
  /** The line is (part of) this section's prompt, so what follows answers that section. */
  section: string | null;
  /** Text typed after the whole prompt on the same line (Outlook: typing on at the prompt's end). */
  rest: string;
}

const MIN_CONTAINED_WORDS = 3;
const MIN_FRAGMENT_WORDS = 4;
const MAX_WORDING_LINE_CHARS = 400;

export interface WordingMatcher {
  /** Matches one line; remembers where the line ended in its sentence, so a wrapped next line continues it. */
  match(line: string): WordingHit | null;
  /** Forget the previous line (after a blank line or an answer). */
  reset(): void;
}

function padded(text: string): string {
  return ` ${normaliseWords(text)} `;
}

interface Sentence {
  /** Normalised and padded with spaces, as `block` is. */
  text: string;
  /** The whole text (intro, prompt, template sentence) the sentence is from. */
  block: string;
  offset: number;
  /** The section whose prompt this sentence is from, if any. */
  section: string | null;
  words: number;
}

/** One wording matcher per reply (it keeps the state of the line before). */

export function wordingMatcher(q: Questionnaire, extraWording: string[] = []): WordingMatcher {
  const sources: { text: string; section: string | null }[] = [
    { text: q.intro, section: null },
    ...q.sections.map((s) => ({ text: s.prompt, section: s.key })),
    ...[...TEMPLATE_SENTENCES, PREVIOUS_GOALS_SENTENCE, ...extraWording].map((text) => ({ text, section: null })),
  ].filter((source) => source.text.trim() !== '');
  // Whole sentences of every block: a line containing one is wording even with a name added; a
  // line that starts one is a wrapped first part. A line from the middle of a sentence is not
  // (the prompts' examples, "delayed diagnosis of perforated bowel", are what people answer).
  const sentences: Sentence[] = [];
  for (const source of sources) {
    const block = padded(source.text);
    let from = 0;
    for (const part of source.text.split(/(?<=[.?!;])\s+/)) {
      const text = padded(part);
      if (text.trim() === '') continue;
      const offset = block.indexOf(text, Math.max(0, from - 1));
      if (offset < 0) continue;
      sentences.push({ text, block, offset, section: source.section, words: text.trim().split(' ').length });
      from = offset + text.length;
    }
  }
  const footers = FOOTER_SENTENCES.map(padded);
  const placeholders = new Set(PLACEHOLDERS.map((p) => normaliseWords(p)));
  const previousGoals = padded(PREVIOUS_GOALS_SENTENCE);
  let continuing: { block: string; end: number; section: string | null } | null = null;

  const prompts = new Map(q.sections.map((s) => [s.key, s.prompt.trim().toLowerCase()]));
  const hitFor = (line: string, section: string | null, raw = ''): WordingHit => {
    const prompt = section ? prompts.get(section) : undefined;
    const typed = raw.trim();
    const rest = prompt && typed.length > prompt.length && typed.toLowerCase().startsWith(prompt) ? typed.slice(prompt.length).trim() : '';
    return { footer: footers.some((f) => line.includes(f)), previousGoals: line.includes(previousGoals), section, rest };
  };

  const match = (raw: string): WordingHit | null => {
    if (raw.length > MAX_WORDING_LINE_CHARS) {
      continuing = null;
      return null;
    }
    const line = padded(raw);
    const words = line.trim().split(' ').filter(Boolean).length;
    if (words === 0) return null;
    if (placeholders.has(line.trim())) return { footer: false, previousGoals: false, section: null, rest: '' };

    // A wrapped continuation of the sentence the line before was part of.
    if (continuing && continuing.block.startsWith(line, continuing.end - 1)) {
      continuing = { ...continuing, end: continuing.end - 1 + line.length };
      return hitFor(line, continuing.section);
    }
    for (const sentence of sentences) {
      const whole = sentence.words >= MIN_CONTAINED_WORDS && line.includes(sentence.text);
      const start = !whole && words >= MIN_FRAGMENT_WORDS && sentence.text.startsWith(line);
      if (!whole && !start && line !== sentence.text) continue;
      continuing = null;
      if (start) continuing = { block: sentence.block, end: sentence.offset + line.length, section: sentence.section };
      else if (line.endsWith(sentence.text))
        continuing = { block: sentence.block, end: sentence.offset + sentence.text.length, section: sentence.section };
      return hitFor(line, sentence.section, raw);
    }
    continuing = null;
    return null;
  };

  return {
    match,
    reset: () => {
      continuing = null;
    },
  };
}
