/**
 * Names and dates as they read in a sentence. Roster names may carry post-nominals ("Dr Ana
 * Lopez, MRCP"): in a greeting or a sentence they read wrongly ("Dr Ana Lopez, MRCP's
 * questionnaire"), so emails use the name without them, and never build possessives.
 */

// Degrees and memberships written after a name. A token is taken as one only from this list or
// when it is all capitals after a comma; "LOPEZ" at the end of a name without a comma stays.
const KNOWN = new Set(
  [
    'MRCP',
    'MRCS',
    'FRCS',
    'FRCP',
    'FRCA',
    'MRCGP',
    'FRCGP',
    'MRCOG',
    'FRCOG',
    'MRCPCH',
    'FRCPCH',
    'FRCPATH',
    'FRCR',
    'MRCPSYCH',
    'FRCPSYCH',
    'FRCEM',
    'MRCEM',
    'FRCOPHTH',
    'MRCOPHTH',
    'FRCSED',
    'FFICM',
    'DRCOG',
    'DFSRH',
    'MFPH',
    'FFPH',
    'FHEA',
    'SFHEA',
    'FACADMED',
    'MACADMED',
    'MBBS',
    'MBCHB',
    'MBBCH',
    'BMBS',
    'BMEDSCI',
    'MB',
    'CHB',
    'BCHIR',
    'BM',
    'BCH',
    'BDS',
    'MD',
    'PHD',
    'DPHIL',
    'MPHIL',
    'MSC',
    'BSC',
    'MA',
    'BA',
    'MPH',
    'MED',
    'MRES',
    'MMED',
    'FDS',
    'HONS',
    'OBE',
    'MBE',
    'CBE',
  ].map((s) => s.toLowerCase()),
);

function bare(token: string): string {
  return token
    .replace(/\([^)]*\)/g, '')
    .replace(/[.,]/g, '')
    .toLowerCase();
}

function isPostNominal(token: string, afterComma: boolean): boolean {
  const b = bare(token);
  if (b === '') return /^\(.*\)$/.test(token); // "(Hons)", "(UK)" on their own
  if (KNOWN.has(b)) return true;
  return afterComma && /^[A-Z]{2,8}(?:\([A-Za-z.]+\))?\.?,?$/.test(token);
}

/** "Dr Ana Lopez, MRCP" → "Dr Ana Lopez"; "Mr Tom Okafor FRCS(Eng)" → "Mr Tom Okafor". */
export function nameInProse(name: string): string {
  const trimmed = name.trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    const after = trimmed
      .slice(comma + 1)
      .trim()
      .split(/\s+/);
    if (after.length > 0 && after.every((t) => isPostNominal(t, true))) return nameInProse(trimmed.slice(0, comma));
  }
  const words = trimmed.split(/\s+/);
  while (words.length > 2 && isPostNominal(words[words.length - 1], false)) words.pop();
  return words.join(' ');
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2027-03-01" → "Monday 1 March 2027": a calendar date, so no time zone can move it. */
export function longDate(date: string): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
}
