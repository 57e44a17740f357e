/**
 * What a matching reply says: a trainee's CHOOSE B, ranks ("1 B 2 A"), MORE or NONE; an
 * e-mentor's ACCEPT or DECLINE; the coordinator's APPROVE. Pure: the reply's new text in
 * (quotes already removed by src/reading), a decision out.
 *
 * Only the first few lines of the new text are read, and only a line that is nothing but the
 * answer (give or take "please" and "thanks") counts. So the short list quoted below a reply,
 * even where a mail client does not mark it as quoted, is never read as a choice: its lines
 * either stop the reading ("Dear ...", "Candidate A", "From:") or are whole sentences.
 */

/** How many non-blank lines at the top of a reply may hold the answer. */
const MAX_ANSWER_LINES = 4;

// A reply header, a signature, or the start of one of our own emails: nothing below is read.
const STOP = [
  /^on .{0,200}wrote:?$/i,
  /^(from|sent|to|subject|date|cc|von|de|envoy[ée]|gesendet|enviado)\s*:/i,
  /^-{2,}/,
  /^_{5,}/,
  /^sent from my /i,
  /^get outlook for /i,
  /^dear\s/i,
  /^candidate\s+[a-h]\b/i,
  /^>/,
];

const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,:;!]{0,40}[,:;!]\s*/i;
const BARE_GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?:\s+[^\s,!:;]+){0,3}\s*[,!:;.]?\s*$/i;

/** The lines an answer may be on: after a greeting, before anything that ends the new text. */
export function answerLines(text: string): string[] {
  const lines: string[] = [];
  const all = text
    .slice(0, 5000)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim());
  for (const raw of all) {
    if (raw === '') continue;
    let line = raw;
    if (lines.length === 0) {
      if (BARE_GREETING.test(line)) continue;
      line = line.replace(GREETING, '');
      if (line === '') continue;
    }
    if (STOP.some((re) => re.test(line))) break;
    lines.push(line);
    if (lines.length >= MAX_ANSWER_LINES) break;
  }
  return lines;
}

/** The first clause of a line: "B. Thanks so much!" → "B"; "1. B 2. A" stays whole. */
function firstClause(line: string): string {
  return line.split(/(?<!\d)[.!?;](?:\s|$)|\s[-–—]+\s/)[0].trim();
}

function tokens(clause: string): string[] {
  return (
    clause
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/\d+(?:st|nd|rd|th)?|[a-z]+(?:'[a-z]+)?/g) ?? []
  );
}

const POLITE = ['please', 'thanks', 'thank', 'you', 'ok', 'okay', 'great', 'cheers', 'many', 'so', 'much'];
const CHOICE_WORDS = new Set([
  ...POLITE,
  'i',
  "i'd",
  "i'll",
  'id',
  'would',
  'like',
  'choose',
  'chose',
  'choice',
  'choices',
  'pick',
  'prefer',
  'my',
  'is',
  'are',
  'candidate',
  'candidates',
  'option',
  'options',
  'the',
  'then',
  'and',
  'followed',
  'by',
  'first',
  'second',
  'third',
  'fourth',
  'rank',
  'ranking',
  'ranked',
  'order',
  'in',
  'of',
  'preference',
  'preferred',
  'go',
  'for',
  'with',
  'want',
  'take',
  'as',
  'top',
  'next',
]);
const MORE_WORDS = new Set([
  ...POLITE,
  'more',
  'can',
  'could',
  'i',
  'see',
  'show',
  'me',
  'have',
  'get',
  'some',
  'other',
  'others',
  'options',
  'candidates',
  'suggestions',
  'mentors',
  'e',
  'names',
  'profiles',
]);
const NONE_WORDS = new Set([
  ...POLITE,
  'none',
  'of',
  'these',
  'them',
  'those',
  'sorry',
  'for',
  'now',
  'suit',
  'suits',
  'me',
  'i',
  'think',
  'really',
  'quite',
]);

export type MenteeReply =
  | { kind: 'choose'; letters: string[] }
  | { kind: 'more' }
  | { kind: 'none' }
  /** Letters that were never offered to this trainee. */
  | { kind: 'unknown_letters'; letters: string[] }
  | { kind: 'unclear' };

type LineReading = { kind: 'more' } | { kind: 'none' } | { kind: 'choose'; ranked: { rank: number | null; letter: string }[] } | null;

function readChoiceLine(line: string): LineReading {
  const words = tokens(firstClause(line));
  if (words.length === 0) return null;
  if (words.includes('more') && words.every((w) => MORE_WORDS.has(w))) return { kind: 'more' };
  if (words.includes('none') && words.every((w) => NONE_WORDS.has(w))) return { kind: 'none' };
  const ranked: { rank: number | null; letter: string }[] = [];
  let pendingRank: number | null = null;
  for (const w of words) {
    if (/^\d+(?:st|nd|rd|th)?$/.test(w)) {
      if (pendingRank !== null) return null; // two numbers in a row: not a ranking
      pendingRank = parseInt(w, 10);
    } else if (/^[a-z]$/.test(w) && w !== 'i') {
      ranked.push({ rank: pendingRank, letter: w.toUpperCase() });
      pendingRank = null;
    } else if (!CHOICE_WORDS.has(w)) return null;
  }
  if (ranked.length === 0 || pendingRank !== null) return null;
  return { kind: 'choose', ranked };
}

/** Orders ranked letters: by their numbers when every letter has one, else as written. */
function orderChoices(ranked: { rank: number | null; letter: string }[]): string[] | null {
  const numbered = ranked.filter((r) => r.rank !== null);
  if (numbered.length > 0 && numbered.length !== ranked.length) return null;
  const ranks = numbered.map((r) => r.rank);
  if (new Set(ranks).size !== ranks.length) return null;
  const ordered = numbered.length > 0 ? [...ranked].sort((a, b) => (a.rank as number) - (b.rank as number)) : ranked;
  return [...new Set(ordered.map((r) => r.letter))];
}

/** A trainee's answer to a short list; `offered` are the letters they have been shown. */
export function readMenteeReply(text: string, offered: readonly string[]): MenteeReply {
  const lines = answerLines(text);
  for (let i = 0; i < lines.length; i++) {
    const first = readChoiceLine(lines[i]);
    if (first === null) continue;
    if (first.kind !== 'choose') return first;
    // A ranking may go on over the next lines ("1. B" / "2. A").
    const ranked = [...first.ranked];
    for (let k = i + 1; k < lines.length; k++) {
      const next = readChoiceLine(lines[k]);
      if (next === null || next.kind !== 'choose') break;
      ranked.push(...next.ranked);
    }
    const letters = orderChoices(ranked);
    if (letters === null) return { kind: 'unclear' };
    const unknown = letters.filter((l) => !offered.includes(l));
    return unknown.length > 0 ? { kind: 'unknown_letters', letters: unknown } : { kind: 'choose', letters };
  }
  return { kind: 'unclear' };
}

const NEGATIONS = new Set(['not', 'cannot', "can't", 'cant', "don't", 'dont', "won't", 'wont', 'unable', 'never', "couldn't", 'couldnt']);
const DECISION_LEAD = new Set([
  ...POLITE,
  'yes',
  'i',
  "i'd",
  "i'll",
  'ill',
  "i'm",
  'im',
  "i've",
  'will',
  'would',
  'happily',
  'happy',
  'to',
  'gladly',
  'glad',
  'am',
  'must',
  'have',
  'sorry',
  'afraid',
  'unfortunately',
  'regretfully',
  'sadly',
  'but',
  'sure',
  'of',
  'course',
  'delighted',
  'pleased',
  'then',
  'hi',
  'hello',
  'do',
  'gratefully',
  'need',
  'politely',
  'respectfully',
  'the',
  'request',
  'a',
  'be',
  'that',
  'looks',
  'good',
  'fine',
  'all',
  'help',
]);

export type MentorDecision = 'accept' | 'decline';

function keywordOf(word: string): MentorDecision | 'approve' | null {
  if (/^accept(?:ed|ing|s)?$/.test(word)) return 'accept';
  if (/^(?:declin(?:e|ed|ing|es)|reject(?:ed|ing)?)$/.test(word)) return 'decline';
  if (/^approv(?:e|ed|ing|al)$/.test(word)) return 'approve';
  return null;
}

/** The keyword a line opens with, after allowed lead words; null if negated or there are two. */
function leadingKeyword(line: string): MentorDecision | 'approve' | 'yes' | 'no' | null {
  const words = tokens(firstClause(line));
  const meaningful = words.filter((w) => !POLITE.includes(w));
  if (meaningful.length === 1 && (meaningful[0] === 'yes' || meaningful[0] === 'no')) return meaningful[0];
  const found = new Set(words.map(keywordOf).filter((k) => k !== null));
  // "Yes, happy to" / "No, sorry": a bare yes or no with nothing but lead words after it.
  if (found.size === 0 && (words[0] === 'yes' || words[0] === 'no') && words.slice(1).every((w) => DECISION_LEAD.has(w))) return words[0];
  if (found.size !== 1) return null;
  for (const w of words) {
    const k = keywordOf(w);
    if (k !== null) return k;
    if (NEGATIONS.has(w) || !DECISION_LEAD.has(w)) return null;
  }
  return null;
}

/** An e-mentor's answer to a request: ACCEPT (or a bare "yes") or DECLINE (or a bare "no"). */
export function readMentorDecision(text: string): MentorDecision | null {
  for (const line of answerLines(text)) {
    const k = leadingKeyword(line);
    if (k === 'accept' || k === 'yes') return 'accept';
    if (k === 'decline' || k === 'no') return 'decline';
  }
  return null;
}

/** The coordinator's APPROVE of a proposal (the word itself is needed: it sends requests). */
export function readApproval(text: string): boolean {
  return answerLines(text).some((line) => leadingKeyword(line) === 'approve');
}
