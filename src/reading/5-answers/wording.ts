import type { Questionnaire } from '../../questionnaire/definition';
import { normaliseWords } from '../text/lines';
import type { OurWording } from './ourWording';

/**
 * The scheme's own wording: the questionnaire's intro and prompts (templates/questionnaire.yml)
 * and the fixed sentences of the emails a trainee may reply to (templates/emails/*.hbs, read
 * by ourWording.ts). Such a line is never an answer, even unquoted (Outlook does not mark the
 * original it quotes, and people paste the questionnaire into a new mail).
 */

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
/** A history line whose words are mostly a prompt's is that prompt, reworded (an earlier version of the template). */
const MIN_FUZZY_WORDS = 2;
const MIN_FUZZY_SHARE = 0.75;
/** …and covers this much of the prompt, so a few words from its example ("solo appendicectomy") are not the prompt. */
const MIN_FUZZY_COVER = 0.4;
const STOP_WORDS = new Set(
  'a an the and or of to in on for with you your i my me have has had are is was be been what how do did at from since per this that it its would like any so as by if which who there'.split(
    ' ',
  ),
);

export interface WordingMatcher {
  /** Matches one line; remembers where the line ended in its sentence, so a wrapped next line continues it. */
  match(line: string): WordingHit | null;
  /** Forget the previous line (after a blank line or an answer). */
  reset(): void;
}

export interface WordingOptions {
  /** Exact sentences of the email being replied to, when known, to drop beyond the built-in ones. */
  extra?: string[];
  /** Also take a line for a prompt when most of its words are the prompt's (for the history, never the sender's own text). */
  fuzzy?: boolean;
}

function padded(text: string): string {
  return ` ${normaliseWords(text)} `;
}

function contentWords(normalised: string): string[] {
  return normalised
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
}

interface Sentence {
  /** Normalised and padded with spaces, as `block` is. */
  text: string;
  /** The whole text (intro, prompt, template fragment) the sentence is from. */
  block: string;
  offset: number;
  /** The section whose prompt this sentence is from, if any. */
  section: string | null;
  words: number;
  footer: boolean;
  previousGoals: boolean;
}

interface Source {
  text: string;
  section: string | null;
  footer: boolean;
  previousGoals: boolean;
}

/**
 * Whole sentences of every block: a line containing one is wording even with a name added; a
 * line that starts one is a wrapped first part. A line from the middle of a sentence is not
 * (the prompts' examples, "delayed diagnosis of perforated bowel", are what people answer).
 */
function sentencesOf(sources: Source[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const source of sources) {
    const block = padded(source.text);
    let from = 0;
    for (const part of source.text.split(/(?<=[.?!;])\s+/)) {
      const text = padded(part);
      if (text.trim() === '') continue;
      const offset = block.indexOf(text, Math.max(0, from - 1));
      if (offset < 0) continue;
      sentences.push({
        text,
        block,
        offset,
        section: source.section,
        words: text.trim().split(' ').length,
        footer: source.footer,
        previousGoals: source.previousGoals,
      });
      from = offset + text.length;
    }
  }
  return sentences;
}

interface Compiled {
  sentences: Sentence[];
  placeholders: Set<string>;
  promptWords: { key: string; words: Set<string> }[];
  /** Padded sentences of 4+ words, for telling a whole text ours, and by template. */
  needles: { text: string; template: string | null }[];
}

/** The questionnaire's and templates' wording prepared once (replies are read by the thousand). */
const compiledCache = new WeakMap<Questionnaire, WeakMap<OurWording, Compiled>>();

function compile(q: Questionnaire, ours: OurWording): Compiled {
  let byWording = compiledCache.get(q);
  if (!byWording) {
    byWording = new WeakMap();
    compiledCache.set(q, byWording);
  }
  const cached = byWording.get(ours);
  if (cached) return cached;
  const plain = { footer: false, previousGoals: false };
  const sources: Source[] = [
    { text: q.intro, section: null, ...plain },
    ...q.sections.map((s) => ({ text: s.prompt, section: s.key, ...plain })),
    ...ours.sentences
      .filter((s) => !s.placeholder)
      .map((s) => ({ text: s.text, section: null, footer: s.footer, previousGoals: s.previousGoals })),
  ].filter((source) => source.text.trim() !== '');
  const needles = [
    ...[q.intro, ...q.sections.map((s) => s.prompt)].map((text) => ({ text: padded(text), template: null })),
    ...ours.sentences.filter((s) => !s.placeholder).map((s) => ({ text: padded(s.text), template: s.template })),
  ].filter((n) => n.text.trim().split(' ').length >= MIN_FRAGMENT_WORDS);
  const compiled: Compiled = {
    sentences: sentencesOf(sources),
    placeholders: new Set(ours.sentences.filter((s) => s.placeholder).map((s) => normaliseWords(s.text))),
    // The example in brackets is what people answer, not the question: leave it out.
    promptWords: q.sections.map((s) => ({ key: s.key, words: new Set(contentWords(normaliseWords(s.prompt.replace(/\([^)]*\)/g, ' ')))) })),
    needles,
  };
  byWording.set(ours, compiled);
  return compiled;
}

/** One wording matcher per reply (it keeps the state of the line before). */
export function wordingMatcher(q: Questionnaire, ours: OurWording, options: WordingOptions = {}): WordingMatcher {
  const compiled = compile(q, ours);
  const extra = options.extra ?? [];
  const sentences =
    extra.length > 0
      ? [...compiled.sentences, ...sentencesOf(extra.map((text) => ({ text, section: null, footer: false, previousGoals: false })))]
      : compiled.sentences;
  const { placeholders, promptWords } = compiled;
  let continuing: { block: string; end: number; sentence: Sentence } | null = null;

  const prompts = new Map(q.sections.map((s) => [s.key, s.prompt.trim().toLowerCase()]));
  const hitFor = (sentence: Sentence, raw = ''): WordingHit => {
    const prompt = sentence.section ? prompts.get(sentence.section) : undefined;
    const typed = raw.trim();
    const rest = prompt && typed.length > prompt.length && typed.toLowerCase().startsWith(prompt) ? typed.slice(prompt.length).trim() : '';
    return { footer: sentence.footer, previousGoals: sentence.previousGoals, section: sentence.section, rest };
  };

  /** The prompt most of the line's words come from, if one does. */
  const fuzzyPrompt = (line: string): string | null => {
    const words = contentWords(line);
    if (words.length < MIN_FUZZY_WORDS) return null;
    let best: { key: string; share: number } | null = null;
    for (const prompt of promptWords) {
      const shared = words.filter((w) => prompt.words.has(w)).length;
      const share = shared / words.length;
      if (share >= MIN_FUZZY_SHARE && shared / prompt.words.size >= MIN_FUZZY_COVER && (!best || share > best.share))
        best = { key: prompt.key, share };
    }
    return best?.key ?? null;
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
      return hitFor(continuing.sentence);
    }
    // Several of our emails share wording; prefer the sentence the line runs on in (its wrapped
    // next line then continues it), else the longest match: the most specific email's sentence.
    let best: Sentence | null = null;
    for (const sentence of sentences) {
      const whole = sentence.words >= MIN_CONTAINED_WORDS && line.includes(sentence.text);
      const start = !whole && words >= MIN_FRAGMENT_WORDS && sentence.text.startsWith(line);
      if (!whole && !start && line !== sentence.text) continue;
      if (start) continuing = { block: sentence.block, end: sentence.offset + line.length, sentence };
      else if (line.endsWith(sentence.text)) continuing = { block: sentence.block, end: sentence.offset + sentence.text.length, sentence };
      else {
        if (!best || sentence.words > best.words) best = sentence;
        continue;
      }
      return hitFor(sentence, raw);
    }
    continuing = null;
    if (best) return hitFor(best, raw);
    // A question pasted in shortened form ("What new skills have you learned?") is still the prompt.
    if (options.fuzzy || /\?\s*$/.test(raw)) {
      const section = fuzzyPrompt(line);
      if (section) return { footer: false, previousGoals: false, section, rest: '' };
    }
    return null;
  };

  return {
    match,
    reset: () => {
      continuing = null;
    },
  };
}

const MAX_HAYSTACK_CHARS = 50_000;

/** A text's words as the needles are, for looking sentences up in it. */
function haystackOf(text: string): string {
  // normaliseWords reads a line's worth; a whole text is normalised line by line.
  return ` ${text
    .slice(0, MAX_HAYSTACK_CHARS)
    .split('\n')
    .map((l) => normaliseWords(l))
    .filter(Boolean)
    .join(' ')} `;
}

/** How many distinct sentences of a template a text repeats (to tell which of our emails a quoted original is). */
export function echoesTemplate(text: string, q: Questionnaire, ours: OurWording, template: string): number {
  const needles = compile(q, ours).needles.filter((n) => n.template === template);
  if (needles.length === 0) return 0;
  const haystack = haystackOf(text);
  return needles.filter((n) => haystack.includes(n.text)).length;
}

/** Whether a text repeats any sentence of our emails or the questionnaire (so it is ours, not the sender's). */
export function isOurText(text: string, q: Questionnaire, ours: OurWording): boolean {
  const haystack = haystackOf(text);
  return compile(q, ours).needles.some((n) => haystack.includes(n.text));
}
