import { readDateAt } from '../text/writtenDate';

/**
 * Phrases after which out-of-office notices give the day the person is back, strongest first:
 * "back on", "returning", "return on", then "until"/"till" (the last day away is close enough).
 */
const RETURN_PHRASES: RegExp[] = [
  /\b(?:back|return(?:ing)?|returns|in the office|in office|available(?: again)?|reachable(?: again)?)(?:\s+(?:to|in)\s+(?:the\s+)?(?:office|work|hospital))?(?:\s+(?:on|from|by|at work on))?\s+/gi,
  /\b(?:zurück|wieder im büro|wieder erreichbar|wieder da)(?:\s+(?:am|ab))?\s+|\bab\s+(?=(?:dem\s+)?\d)/gi,
  /\b(?:de retour|retour|serai de retour)(?:\s+(?:le|au bureau le))?\s+|\bà partir du\s+/gi,
  /\b(?:regreso|regresaré|volveré|de vuelta|estaré de vuelta)(?:\s+(?:el|a la oficina el))?\s+|\ba partir del\s+/gi,
  /\b(?:terug|weer aanwezig|weer op kantoor)(?:\s+(?:op|vanaf))?\s+|\bvanaf\s+/gi,
  /\b(?:until|till|til|through|to)(?:\s+and\s+including)?\s+|\bbis(?:\s+(?:zum|einschließlich))?\s+|\bjusqu'(?:au|à)\s+|\bhasta(?:\s+el)?\s+|\btot(?:\s+en\s+met)?\s+|\bfino al\s+/gi,
];

const MAX_SCAN_CHARS = 4000;

/** The return date an out-of-office notice gives, as YYYY-MM-DD, or null if it gives none. */
export function findReturnDate(text: string, messageDate: Date | null): string | null {
  const body = text.slice(0, MAX_SCAN_CHARS).replace(/\s+/g, ' ');
  for (const phrase of RETURN_PHRASES) {
    phrase.lastIndex = 0;
    let match: RegExpExecArray | null;
    let guard = 0;
    while ((match = phrase.exec(body)) !== null && guard++ < 200) {
      if (match[0].length === 0) phrase.lastIndex++;
      const found = readDateAt(body.slice(match.index + match[0].length), messageDate);
      if (found) return found.date;
    }
  }
  return null;
}
