/**
 * Dates as people write them in mail ("3 March 2027", "Monday 12th January", "12/01/2027",
 * "5. Januar", "5 de enero de 2027"), read as calendar days. Numeric dates are day/month (UK).
 */

const MONTHS: Record<string, number> = {};
function addMonths(names: string[]): void {
  names.forEach((name, i) => {
    for (const alias of name.split('|')) MONTHS[alias] = i + 1;
  });
}
addMonths([
  'january|jan',
  'february|feb',
  'march|mar',
  'april|apr',
  'may',
  'june|jun',
  'july|jul',
  'august|aug',
  'september|sep|sept',
  'october|oct',
  'november|nov',
  'december|dec',
]);
addMonths([
  'januar|jänner|jaenner',
  'februar|feber',
  'märz|maerz|mrz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober|okt',
  'november',
  'dezember|dez',
]);
addMonths([
  'janvier|janv',
  'février|fevrier|févr|fevr',
  'mars',
  'avril|avr',
  'mai',
  'juin',
  'juillet|juil',
  'août|aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre|decembre|déc',
]);
addMonths([
  'enero|ene',
  'febrero',
  'marzo',
  'abril|abr',
  'mayo',
  'junio',
  'julio',
  'agosto|ago',
  'septiembre|setiembre',
  'octubre',
  'noviembre',
  'diciembre|dic',
]);
addMonths(['januari', 'februari', 'maart|mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
addMonths([
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
]);

const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica),?\s+/i;
const FILLER = /^(?:on|the|am|dem|den|der|le|el|op|du|au|al|del|il)\s+/i;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/;
const NUMERIC_DM = /^(\d{1,2})[/.](\d{1,2})(?![\d/.-]\d)\.?/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th|er|e|\.|º)?\s*(?:of\s+|de\s+)?([a-zà-ÿ]{3,10})\.?,?(?:\s+(?:de\s+)?(\d{4})(?!\d))?/i;
const MONTH_DAY = /^([a-zà-ÿ]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4})(?!\d))?/i;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** A day without a year: the reference date's year, or the next one if that day is already past. */
function withYear(month: number, day: number, year: number | null, reference: Date | null): string | null {
  if (year !== null) return iso(year < 100 ? 2000 + year : year, month, day);
  if (!reference) return null;
  const refDay = reference.toISOString().slice(0, 10);
  const sameYear = iso(reference.getUTCFullYear(), month, day);
  if (sameYear === null) return iso(reference.getUTCFullYear() + 1, month, day);
  return sameYear < refDay ? iso(reference.getUTCFullYear() + 1, month, day) : sameYear;
}

export interface FoundDate {
  date: string;
  /** Characters of the input the date (and any leading weekday or filler) took. */
  length: number;
}

/**
 * Reads a date at the start of `text` (after a weekday or a filler word such as "on", "the",
 * "am", "le"). Without a year, `reference` supplies one. Returns null if no date is there.
 */
export function readDateAt(text: string, reference: Date | null): FoundDate | null {
  let rest = text.slice(0, 80);
  const start = rest.length;
  for (let i = 0; i < 3; i++) {
    const skip = FILLER.exec(rest) ?? WEEKDAY.exec(rest);
    if (!skip) break;
    rest = rest.slice(skip[0].length);
  }
  const taken = (m: RegExpExecArray, date: string | null): FoundDate | null =>
    date ? { date, length: start - rest.length + m[0].length } : null;

  let m = ISO.exec(rest);
  if (m) return taken(m, iso(Number(m[1]), Number(m[2]), Number(m[3])));
  m = NUMERIC_DMY.exec(rest);
  if (m) return taken(m, withYear(Number(m[2]), Number(m[1]), Number(m[3]), reference));
  m = DAY_MONTH.exec(rest);
  if (m && MONTHS[m[2].toLowerCase()])
    return taken(m, withYear(MONTHS[m[2].toLowerCase()], Number(m[1]), m[3] ? Number(m[3]) : null, reference));
  m = MONTH_DAY.exec(rest);
  if (m && MONTHS[m[1].toLowerCase()])
    return taken(m, withYear(MONTHS[m[1].toLowerCase()], Number(m[2]), m[3] ? Number(m[3]) : null, reference));
  m = NUMERIC_DM.exec(rest);
  if (m) return taken(m, withYear(Number(m[2]), Number(m[1]), null, reference));
  return null;
}
