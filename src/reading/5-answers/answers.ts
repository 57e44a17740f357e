import type { Questionnaire, Section } from '../../questionnaire/definition';
import { headingMatcher, type Heading } from './headings';
import { isBlank, joinLines, splitQuote, toLines } from '../text/lines';
import { splitListItems } from './listItems';
import { wordingMatcher } from './wording';
import { NO_WORDING, type OurWording } from './ourWording';
import { missingSections } from '../../questionnaire/record';

/** A text section's answer, or a list section's items. */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

export interface ExtractedAnswers {
  answers: Answers;
  /** Keys of required sections unanswered and list sections short of their minimum, in order. */
  missing: string[];
  complete: boolean;
}

export type LineRole =
  | { kind: 'blank' }
  /** Quoted original text (a quoted heading still moves the current section). */
  | { kind: 'quoted'; section: string | null }
  /** The scheme's own wording (intro, prompts, footer). */
  | { kind: 'wording' }
  | { kind: 'heading'; section: string | null }
  /** The sender's text, in a section or (before any heading) in none. */
  | { kind: 'answer'; section: string }
  | { kind: 'unassigned' };

export interface AssignedLine {
  line: string;
  role: LineRole;
}

export interface ExtractOptions {
  /** The fixed sentences of the scheme's emails (ourWording.ts), read from the templates by the caller. */
  ourWording?: OurWording;
  /** Exact sentences of the email being replied to, when known, to drop beyond the built-in ones. */
  knownWording?: string[];
}

export interface AssignOptions extends ExtractOptions {
  /** The text is quoted history: a line most of whose words are a prompt's is that prompt (an older wording). */
  history?: boolean;
}

/** "Q: …" before a pasted question, "A: …" before the answer to it. */
const QUESTION_PREFIX = /^\s*(?:q|question)\s*\d{0,2}\s*[:.)-]\s+/i;
const ANSWER_PREFIX = /^\s*(?:a|ans|answer)\s*\d{0,2}\s*[:.)-]\s+(?=\S)/i;
const LIST_BULLET = /^\s*(?:[-*•·◦▪‣+–—]\s*|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)\S/i;
/** A remark about the reply itself, not a point: "will do the rest next week!", "Sorry this is so short". */
const REMARK =
  /\b(?:i'?ll|i will|will (?:do|send|add|finish|write|fill)|sorry|apolog\w*|the rest|more (?:soon|later|when)|next week|later|tomorrow|thanks|thank you|hope (?:this|that|it)\b|that'?s all|that is all|for now|when i (?:can|get)|to follow|speak soon|let me know|enough for)\b|!\s*$/i;

/** A reply that titles at least this many headings is titled: "3. text" lines in it are content. */
const TITLED_REPLY_MIN_HEADINGS = 2;

function countTitledHeadings(lines: string[], match: (line: string) => Heading | null): number {
  let count = 0;
  for (const line of lines) {
    const h = match(splitQuote(line).content);
    if (h && (h.kind === 'title' || h.kind === 'group')) count++;
    if (count >= TITLED_REPLY_MIN_HEADINGS) break;
  }
  return count;
}

/**
 * Gives every line of a reply its role: heading, answer to a section, quoted original, the
 * scheme's wording, or unassigned. Quoted headings identify which section the unquoted text
 * after them answers; quoted text itself is never an answer.
 */
export function assignLines(text: string, q: Questionnaire, options: AssignOptions = {}): AssignedLine[] {
  const lines = toLines(text);
  const headings = headingMatcher(q);
  const wording = wordingMatcher(q, options.ourWording ?? NO_WORDING, { extra: options.knownWording, fuzzy: options.history === true });
  const titled = countTitledHeadings(lines, headings.match) >= TITLED_REPLY_MIN_HEADINGS;

  const sectionsByKey = new Map(q.sections.map((s) => [s.key, s]));
  const out: AssignedLine[] = [];
  // Assigned through enter() too, so TypeScript must not narrow it to null.
  let current = null as Section | null;
  let skippingPreviousGoals = false;
  // "Skills: suturing" answers on its own line: a blank line after it ends the section, so a
  // closing remark in the next paragraph does not become part of the answer.
  let endsAtBlank = false;
  // The list section's lines so far: bulleted or not, and whether a blank line came after them.
  let listBulleted = false;
  let afterBlank = false;
  let previousWasQuestion = false;
  // The line before was an answer in a list section, with no blank line since.
  let previousWasItem = false;

  const push = (line: string, role: LineRole): void => {
    out.push({ line, role });
  };
  const enter = (section: Section | null): void => {
    current = section;
    listBulleted = false;
    afterBlank = false;
  };

  for (const line of lines) {
    if (isBlank(line)) {
      if (endsAtBlank) current = null;
      endsAtBlank = false;
      afterBlank = true;
      previousWasItem = false;
      wording.reset();
      push(line, { kind: 'blank' });
      continue;
    }
    const { depth, content } = splitQuote(line);
    const heading = headings.match(content);

    // Last round's goals ("Short term: …") look like headings with answers; skip to the next numbered heading.
    if (skippingPreviousGoals && (!heading || heading.kind === 'group' || heading.number === null)) {
      push(line, depth > 0 ? { kind: 'quoted', section: null } : { kind: 'wording' });
      continue;
    }
    skippingPreviousGoals = false;

    if (depth > 0) {
      if (heading && (heading.kind === 'title' || heading.kind === 'number' || (heading.kind === 'numbered_text' && !titled)))
        enter(heading.section);
      else if (heading?.kind === 'group') enter(null);
      else {
        // A quoted prompt also says which section comes next (when its heading was deleted).
        const said = wording.match(content);
        if (said?.footer) enter(null);
        else if (said?.section) enter(sectionsByKey.get(said.section) ?? current);
        if (said?.previousGoals) {
          skippingPreviousGoals = true;
          enter(null);
        }
      }
      push(line, { kind: 'quoted', section: current?.key ?? null });
      previousWasItem = false;
      continue;
    }

    const said = wording.match(content.replace(QUESTION_PREFIX, ''));
    if (said) {
      if (said.footer) enter(null);
      else if (said.section) enter(sectionsByKey.get(said.section) ?? current);
      if (said.previousGoals) {
        skippingPreviousGoals = true;
        enter(null);
      }
      push(line, { kind: 'wording' });
      if (said.rest && current) push(said.rest, { kind: 'answer', section: current.key });
      previousWasQuestion = true;
      previousWasItem = false;
      continue;
    }

    // "Good team" + "New skills" under Positives: a bare line naming an earlier section, right below an
    // item, is another item (people answer in order; a later section's name is its heading).
    const bareTitle =
      heading?.kind === 'title' &&
      heading.number === null &&
      heading.inline === '' &&
      !/[:：]\s*[*_~]*\s*$/.test(content) &&
      !/^\s*[*_#]/.test(content);
    const itemNotHeading =
      bareTitle && current?.list === true && previousWasItem && heading.section !== null && heading.section.number <= current.number;
    const numberedHeading =
      heading?.kind === 'numbered_text' &&
      !titled &&
      heading.section !== null &&
      (current === null || heading.section.number > current.number);
    if (
      heading &&
      !itemNotHeading &&
      (heading.kind === 'title' || heading.kind === 'number' || heading.kind === 'group' || numberedHeading)
    ) {
      enter(heading.section);
      push(line, { kind: 'heading', section: current?.key ?? null });
      // "8. Positive points - At least two things that went well": the prompt pasted after the heading is not an answer.
      const inlineWording = heading.inline ? wording.match(heading.inline) : null;
      const inline = inlineWording ? inlineWording.rest : heading.inline;
      endsAtBlank = inline !== '' && current !== null;
      if (inline && current) push(inline, { kind: 'answer', section: current.key });
      previousWasQuestion = inlineWording !== null;
      previousWasItem = false;
      continue;
    }
    if (current?.list && afterBlank && out.some((o) => o.role.kind === 'answer' && o.role.section === current?.key)) {
      // After a blank line, a remark about the reply ("will do the rest next week!") ends the list.
      const bulleted = LIST_BULLET.test(content);
      if ((listBulleted && !bulleted) || (!bulleted && REMARK.test(content))) enter(null);
    }
    const answer = previousWasQuestion ? content.replace(ANSWER_PREFIX, '') : content;
    previousWasQuestion = false;
    afterBlank = false;
    if (current?.list && LIST_BULLET.test(content)) listBulleted = true;
    previousWasItem = current?.list === true;
    push(
      depth > 0 ? line : answer === content ? line : answer,
      current ? { kind: 'answer', section: current.key } : { kind: 'unassigned' },
    );
  }
  return out;
}

/** Keys of the required sections unanswered and list sections short of their minimum. */
export function missingKeys(answers: Answers, q: Questionnaire): string[] {
  return missingSections(answers, q).map((s) => s.key);
}

/** The answers in assigned lines; a section seen twice gets both parts, in order. */
export function answersFrom(assigned: AssignedLine[], q: Questionnaire): Answers {
  const parts = new Map<string, string[]>();
  let previousSection: string | null = null;
  for (const { line, role } of assigned) {
    if (role.kind === 'answer') {
      const lines = parts.get(role.section) ?? [];
      // A section taken up again after another one starts a new paragraph (and item).
      if (previousSection !== role.section && lines.length > 0) lines.push('');
      lines.push(line);
      parts.set(role.section, lines);
      previousSection = role.section;
    } else if (previousSection) {
      // Anything else between answer lines (a blank, a quoted or wording line) ends a run of lines.
      parts.get(previousSection)?.push('');
    }
  }

  const answers: Answers = {};
  for (const section of q.sections) {
    const lines = parts.get(section.key);
    if (!lines) continue;
    if (section.list) {
      const items = splitListItems(lines);
      if (items.length > 0) answers[section.key] = items;
    } else {
      const text = joinLines(dedent(lines));
      if (text !== '') answers[section.key] = text;
    }
  }
  return answers;
}

/** Common indentation removed, so HTML list indentation does not survive into a text answer. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => !isBlank(l)).map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)).replace(/\s+$/, ''));
}

/** Reply text → answers by section key, plus what is still missing. Pure. */
export function extractAnswers(text: string, q: Questionnaire, options: ExtractOptions = {}): ExtractedAnswers {
  const answers = answersFrom(assignLines(text, q, options), q);
  const missing = missingKeys(answers, q);
  return { answers, missing, complete: missing.length === 0 };
}
