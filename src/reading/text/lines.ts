/**
 * Text → lines, with the caps that keep every later step linear: nobody's reply needs more
 * than MAX_LINES lines or lines longer than MAX_LINE_CHARS, so the rest is not looked at.
 */
export const MAX_LINES = 1000;
export const MAX_LINE_CHARS = 2000;
const MAX_TEXT_CHARS = MAX_LINES * 200;
/** More `>` than this is not a real quote depth; the rest of the prefix is treated as text. */
const MAX_QUOTE_DEPTH = 50;

/**
 * CRLF and lone CR to LF; no-break spaces to spaces; invisible characters removed: zero-width
 * spaces, soft hyphens, the bidi marks Gmail wraps right-to-left quote headers in, and the
 * "ᐧ" (U+1427) that Gmail trackers append to a message.
 */
export function normaliseText(text: string): string {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u1427]/g, '')
    .replace(/\t/g, '    ');
}

export function toLines(text: string): string[] {
  const lines = normaliseText(text).split('\n', MAX_LINES);
  return lines.map((l) => (l.length > MAX_LINE_CHARS ? l.slice(0, MAX_LINE_CHARS) : l).replace(/\s+$/, ''));
}

export interface QuotedLine {
  /** Number of `>` marks in front (0 for the sender's own text). */
  depth: number;
  /** The line without its quote marks (one following space dropped). */
  content: string;
}

export function splitQuote(line: string): QuotedLine {
  let depth = 0;
  let i = 0;
  const limit = Math.min(line.length, MAX_QUOTE_DEPTH * 3);
  while (i < limit) {
    const c = line[i];
    if (c === '>') depth++;
    else if (c !== ' ') break;
    i++;
    if (depth >= MAX_QUOTE_DEPTH) break;
  }
  if (depth === 0) return { depth: 0, content: line };
  return { depth, content: line.slice(i) };
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Lines joined; runs of blank lines become one; no blank lines at either end. */
export function joinLines(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else out.push(line.replace(/\s+$/, ''));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Lower case, accents and punctuation gone, "&" as "and": how headings and wording are compared. */
export function normaliseWords(text: string): string {
  return text
    .slice(0, 600)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
