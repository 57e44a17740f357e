/**
 * The words profiles are written in (templates/profiles.yml): interest tags, specialties by
 * family, regions, grades with their career stage, and the bands an anonymised short list shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type YAML from 'yaml';
import type { z as Z } from 'zod';
import { lazy } from '../lazy';
import { MentormailError } from '../errors';
import { DEFAULT_PROFILES_PATH } from '../paths';

export { DEFAULT_PROFILES_PATH } from '../paths';

/** How many interest tags one profile may list. */
export const MAX_INTERESTS = 8;

const buildSchema = (z: typeof Z) =>
  z.object({
    interests: z.array(z.string().min(1)).min(1),
    specialties: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    regions: z.array(z.string().min(1)).min(1),
    grades: z.record(z.string().min(1), z.number().min(0).max(60)),
    bands: z.array(z.object({ name: z.string().min(1), from: z.number().min(0) })).min(1),
  });
// YAML and zod load when a vocabulary is first read (matching only), not with every command.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see lazy.ts
const schema = lazy(() => buildSchema((require('zod') as typeof import('zod')).z));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see lazy.ts
const yaml = lazy(() => require('yaml') as typeof YAML);

export interface Vocabulary {
  interests: Map<string, string>;
  specialties: Map<string, { name: string; family: string }>;
  regions: Map<string, string>;
  grades: Map<string, { name: string; stage: number }>;
  /** Sorted by `from`, lowest first. */
  bands: { name: string; from: number }[];
}

/** Case, spaces, hyphens, punctuation and "&" vs "and" do not matter when names are compared. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function keyed<T>(items: [string, T][], what: string, problems: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [name, value] of items) {
    const key = nameKey(name);
    if (map.has(key)) problems.push(`${what} "${name}" is listed twice`);
    map.set(key, value);
  }
  return map;
}

export function parseVocabulary(yamlText: string, source = 'profiles.yml'): Vocabulary {
  let raw: unknown;
  try {
    raw = yaml().parse(yamlText);
  } catch (err) {
    throw new MentormailError('PROFILES_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = schema().safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new MentormailError('PROFILES_INVALID', `${source} is not a valid profile vocabulary`, details);
  }
  const v = result.data;
  const problems: string[] = [];
  const vocabulary: Vocabulary = {
    interests: keyed(
      v.interests.map((t) => [t, t]),
      'interest',
      problems,
    ),
    specialties: keyed(
      Object.entries(v.specialties).flatMap(([family, names]) =>
        names.map((name): [string, { name: string; family: string }] => [name, { name, family }]),
      ),
      'specialty',
      problems,
    ),
    regions: keyed(
      v.regions.map((r) => [r, r]),
      'region',
      problems,
    ),
    grades: keyed(
      Object.entries(v.grades).map(([name, stage]): [string, { name: string; stage: number }] => [name, { name, stage }]),
      'grade',
      problems,
    ),
    bands: [...v.bands].sort((a, b) => a.from - b.from),
  };
  if (problems.length > 0) throw new MentormailError('PROFILES_INVALID', `${source} is not a valid profile vocabulary`, problems);
  return vocabulary;
}

const cache = new Map<string, Vocabulary>();

export function loadVocabulary(file = DEFAULT_PROFILES_PATH): Vocabulary {
  const cached = cache.get(file);
  if (cached) return cached;
  const vocabulary = parseVocabulary(fs.readFileSync(file, 'utf8'), path.basename(file));
  cache.set(file, vocabulary);
  return vocabulary;
}

/** The band a career stage falls in (the first band when the stage is below every band). */
export function bandOf(vocabulary: Vocabulary, stage: number): string {
  let band = vocabulary.bands[0].name;
  for (const b of vocabulary.bands) if (stage >= b.from) band = b.name;
  return band;
}

/** A grade as written ("ST3", "st 3") or a number of years since qualifying ("4"). */
export function readGrade(vocabulary: Vocabulary, text: string): { name: string; stage: number } | undefined {
  const known = vocabulary.grades.get(nameKey(text));
  if (known) return known;
  const compact = vocabulary.grades.get(nameKey(text).replace(/ /g, ''));
  if (compact) return compact;
  const years = /^(\d{1,2})(?:\s*(?:years?|yrs?))?$/i.exec(text.trim());
  if (years && Number(years[1]) >= 1 && Number(years[1]) <= 50) return { name: `${Number(years[1])} years`, stage: Number(years[1]) };
  return undefined;
}
