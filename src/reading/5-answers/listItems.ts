import { isBlank } from '../text/lines';

/**
 * Lines under a list heading → items. Any bullet starts an item ("-", "*", "•", "1.", "1)",
 * "a)"); without bullets each line is an item; an indented line continues the item above.
 */

const BULLET = /^\s*(?:[-*•·◦▪‣+–—§o]\s+|[-•·◦▪‣](?=\S)|\(?\d{1,2}[.)](?!\d)\s*|\(?[a-z]\)\s+|[a-z]\.\s+)/i;
const INDENTED = /^(?:\s{2,}|\t)/;
const CLAUSE_START =
  /^(?:which|and|but|who|that|so|as|although|because|though|when|where|while|or|then|with|without|including|e\.g\.|i\.e\.)\b/i;
const MAX_SHORT_ITEM_WORDS = 7;
/** A bullet line at least this long, not ending a sentence, may have been wrapped by the mailer. */
const HARD_WRAP_MIN_CHARS = 60;

function stripMarkup(item: string): string {
  return item
    .trim()
    .replace(/^[*_~]{1,3}(?=\S)(.*?)(?<=\S)[*_~]{1,3}$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "solo appendicectomy; teaching FY1s" or a short comma list typed on one line. */
function splitOneLine(item: string): string[] {
  const bySemicolon = item.split(/\s*;\s*/).filter((p) => p.trim() !== '');
  if (bySemicolon.length > 1) return bySemicolon;
  const byComma = item
    .replace(/[.]$/, '')
    .split(/\s*,\s*/)
    .filter((p) => p.trim() !== '');
  const shortParts = byComma.every((p) => p.split(/\s+/).length <= MAX_SHORT_ITEM_WORDS && !CLAUSE_START.test(p));
  return byComma.length > 1 && shortParts ? byComma : [item];
}

export function splitListItems(lines: string[]): string[] {
  const items: string[] = [];
  let current: string | null = null;
  let currentHasBullet = false;
  let lastWasBlank = true;
  let bulletCount = 0;

  const flush = (): void => {
    // A bare "-" or "***" left on a line is not an item.
    if (current !== null && !/^[\p{P}\p{S}\s]*$/u.test(current)) items.push(stripMarkup(current));
    current = null;
  };

  let previousLine = '';
  for (const line of lines) {
    // Mailers that hard-wrap plain text break long bullet items without indenting the rest.
    const wrappedAbove = previousLine.trim().length >= HARD_WRAP_MIN_CHARS && !/[.!?;:]$/.test(previousLine.trim());
    previousLine = line;
    if (isBlank(line)) {
      lastWasBlank = true;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet && line.slice(bullet[0].length).trim() !== '') {
      flush();
      current = line.slice(bullet[0].length).trim();
      currentHasBullet = true;
      bulletCount++;
    } else if (bullet) {
      // A bare bullet: the item is on the next line.
      flush();
      current = '';
      currentHasBullet = true;
    } else if (
      current !== null &&
      !lastWasBlank &&
      (INDENTED.test(line) || current === '' || (currentHasBullet && (/^\s*[a-z(]/.test(line) || wrappedAbove)))
    ) {
      current = current === '' ? line.trim() : `${current} ${line.trim()}`;
    } else {
      flush();
      current = line.trim();
      currentHasBullet = false;
    }
    lastWasBlank = false;
  }
  flush();
  if (items.length === 1 && bulletCount === 0) return splitOneLine(items[0]).map(stripMarkup);
  return items.filter((i) => i !== '');
}
