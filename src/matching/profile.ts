/**
 * One profile field as written (in the CSV or in an email) → its stored value, or a problem
 * that names the field and what is allowed. Shared by the CSV import and profile emails.
 */
import { isValidAddress, normaliseAddress } from '../mail/address';
import { MAX_INTERESTS, nameKey, readGrade, type Vocabulary } from './vocabulary';

/** What a trainee may opt in to; each one met adds the preferences weight. */
export const PREFERENCES = {
  'same-specialty': 'an e-mentor in my own specialty',
  'other-specialty': 'an e-mentor from another specialty',
  'same-region': 'an e-mentor in my own region',
  'other-region': 'an e-mentor from another region',
  'senior-mentor': 'a consultant, GP or SAS doctor as e-mentor',
} as const;
export type Preference = keyof typeof PREFERENCES;

export const MAX_BIO_WORDS = 60;
export const MAX_CAPACITY = 3;

/** A profile as stored: null where nothing is recorded yet. */
export interface ProfileFields {
  specialty: string | null;
  region: string | null;
  grade: string | null;
  interests: string[];
  /** Mentors only: how many trainees they will take (0 to 3). */
  capacity: number | null;
  bio: string;
  preferences: Preference[];
}

/** People someone must never be matched with, by address (they may not be on the roster yet). */
export interface Conflicts {
  supervises: string[];
  supervised_by: string[];
}

export const EMPTY_PROFILE: ProfileFields = {
  specialty: null,
  region: null,
  grade: null,
  interests: [],
  capacity: null,
  bio: '',
  preferences: [],
};

export type FieldName = keyof ProfileFields | keyof Conflicts;
export const FIELD_NAMES: readonly FieldName[] = [
  'specialty',
  'region',
  'grade',
  'interests',
  'capacity',
  'bio',
  'preferences',
  'supervises',
  'supervised_by',
];

export type FieldValue = string | number | string[] | null;
export type FieldResult = { ok: true; value: FieldValue } | { ok: false; problem: string };

const ok = (value: FieldValue): FieldResult => ({ ok: true, value });
const bad = (problem: string): FieldResult => ({ ok: false, problem });

/** Items of a list field: separated by commas, semicolons, slashes, bars or line breaks. */
export function listItems(raw: string): string[] {
  return raw
    .split(/[;,|/\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
}

function oneOf<T>(map: Map<string, T>, raw: string, what: string, file: string): { found: T } | { problem: string } {
  const found = map.get(nameKey(raw));
  return found !== undefined
    ? { found }
    : { problem: `${what} ${quoted(raw)} is not one of the ${what === 'specialty' ? 'specialties' : `${what}s`} in ${file}` };
}

/**
 * Reads one field. An empty value clears a field (except for mentors' capacity, which the
 * caller requires). `file` names the vocabulary in problems, so people know where to look.
 */
export function readField(vocabulary: Vocabulary, field: FieldName, raw: string, file = 'templates/profiles.yml'): FieldResult {
  const text = raw.replace(/\s+/g, ' ').trim();
  switch (field) {
    case 'specialty': {
      if (text === '') return ok(null);
      const r = oneOf(vocabulary.specialties, text, 'specialty', file);
      return 'found' in r ? ok(r.found.name) : bad(r.problem);
    }
    case 'region': {
      if (text === '') return ok(null);
      const r = oneOf(vocabulary.regions, text, 'region', file);
      return 'found' in r ? ok(r.found) : bad(r.problem);
    }
    case 'grade': {
      if (text === '') return ok(null);
      const grade = readGrade(vocabulary, text);
      return grade ? ok(grade.name) : bad(`grade ${quoted(text)} is not a grade in ${file} nor a number of years since qualifying`);
    }
    case 'interests': {
      const tags: string[] = [];
      const unknown: string[] = [];
      for (const item of listItems(raw)) {
        const tag = vocabulary.interests.get(nameKey(item));
        if (tag === undefined) unknown.push(quoted(item));
        else if (!tags.includes(tag)) tags.push(tag);
      }
      if (unknown.length > 0) return bad(`interest${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not in the list in ${file}`);
      if (tags.length > MAX_INTERESTS) return bad(`${tags.length} interests: at most ${MAX_INTERESTS}`);
      return ok(tags);
    }
    case 'capacity': {
      if (text === '') return ok(null);
      const n = /^\d$/.test(text) ? Number(text) : NaN;
      return n >= 0 && n <= MAX_CAPACITY ? ok(n) : bad(`capacity ${quoted(text)} must be a whole number from 0 to ${MAX_CAPACITY}`);
    }
    case 'bio': {
      const words = text === '' ? 0 : text.split(' ').length;
      return words <= MAX_BIO_WORDS ? ok(text) : bad(`bio has ${words} words: at most ${MAX_BIO_WORDS}`);
    }
    case 'preferences': {
      const chosen: Preference[] = [];
      const unknown: string[] = [];
      for (const item of listItems(raw)) {
        const key = nameKey(item).replace(/ /g, '-');
        if (key in PREFERENCES) {
          if (!chosen.includes(key as Preference)) chosen.push(key as Preference);
        } else unknown.push(quoted(item));
      }
      return unknown.length > 0
        ? bad(`preference${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not one of ${Object.keys(PREFERENCES).join(', ')}`)
        : ok(chosen);
    }
    case 'supervises':
    case 'supervised_by': {
      const addresses = listItems(raw.replace(/\s+/g, ';')).map(normaliseAddress);
      const invalid = addresses.filter((a) => !isValidAddress(a));
      if (invalid.length > 0) return bad(`${field} ${invalid.map(quoted).join(', ')} is not a list of email addresses`);
      return ok([...new Set(addresses)]);
    }
  }
}

/** What is still needed before someone can be matched. */
export function missingFields(profile: ProfileFields, role: 'trainee' | 'mentor'): FieldName[] {
  const missing: FieldName[] = [];
  if (profile.specialty === null) missing.push('specialty');
  if (profile.region === null) missing.push('region');
  if (profile.grade === null) missing.push('grade');
  if (role === 'mentor' && profile.capacity === null) missing.push('capacity');
  return missing;
}
