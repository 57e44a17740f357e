/**
 * Profile lines in an email ("Specialty: cardiology", "Interests: research, teaching"). Pure:
 * the reply's new text in, the raw value of each field found out. The first line for a field
 * wins, so a profile quoted further down (unmarked, by some clients) never overrides what the
 * person typed at the top; reading stops at a reply header or a signature.
 */
import { nameKey } from './vocabulary';
import type { FieldName } from './profile';

const ALIASES: Record<FieldName, string[]> = {
  specialty: ['specialty', 'speciality', 'specialism', 'my specialty', 'my speciality'],
  region: ['region', 'deanery', 'my region', 'region deanery'],
  grade: ['grade', 'training grade', 'my grade', 'stage', 'years in training', 'years since qualifying', 'level'],
  interests: ['interests', 'interest', 'interest tags', 'tags', 'my interests'],
  capacity: ['capacity', 'places', 'mentees', 'number of mentees', 'how many mentees', 'trainees', 'number of trainees'],
  bio: ['bio', 'short bio', 'biography', 'about me', 'about'],
  preferences: ['preferences', 'preference', 'my preferences'],
  supervises: ['supervises', 'i supervise', 'assesses', 'i assess', 'i supervise or assess', 'supervises or assesses'],
  supervised_by: ['supervised by', 'my supervisor', 'supervisor', 'educational supervisor', 'assessed by', 'supervised or assessed by'],
};

const FIELD_BY_ALIAS = new Map<string, FieldName>(
  (Object.entries(ALIASES) as [FieldName, string[]][]).flatMap(([field, names]) =>
    names.map((n): [string, FieldName] => [nameKey(n), field]),
  ),
);

/** Fields whose value may go on over the following lines, until a blank line. */
const CONTINUES: ReadonlySet<FieldName> = new Set(['bio', 'interests']);

const LINE = /^[-*•\s]*\**\s*([A-Za-z][A-Za-z /'()_-]{0,40}?)\s*\**\s*[:=]\s*(.*)$/;
const STOP = [/^on .{0,200}wrote:?$/i, /^(from|sent|to|subject|date|cc)\s*:/i, /^-{2,}\s*$/, /^-- ?$/, /^_{5,}/, /^sent from my /i, /^>/];

export interface ProfileLines {
  fields: Partial<Record<FieldName, string>>;
}

export function readProfileLines(text: string): ProfileLines {
  const fields: Partial<Record<FieldName, string>> = {};
  let open: FieldName | null = null;
  for (const raw of text.slice(0, 20_000).replace(/\r\n?/g, '\n').split('\n').slice(0, 200)) {
    const line = raw.trim();
    if (STOP.some((re) => re.test(line))) break;
    if (line === '') {
      open = null;
      continue;
    }
    const m = LINE.exec(line);
    const field = m ? FIELD_BY_ALIAS.get(nameKey(m[1])) : undefined;
    if (m && field) {
      open = null;
      if (fields[field] !== undefined) continue; // the first line for a field wins
      fields[field] = m[2]
        .replace(/^\*+\s*/, '')
        .replace(/\s*\*+$/, '')
        .trim(); // **Region:** Wales
      if (CONTINUES.has(field)) open = field;
    } else if (open !== null && !m) {
      fields[open] = `${fields[open]} ${line}`.trim();
    } else open = null;
  }
  return { fields };
}

/** How a field is written in the emails we send, so people can copy the line back. */
export const FIELD_LABELS: Record<FieldName, string> = {
  specialty: 'Specialty',
  region: 'Region',
  grade: 'Grade',
  interests: 'Interests',
  capacity: 'Capacity',
  bio: 'Bio',
  preferences: 'Preferences',
  supervises: 'Supervises',
  supervised_by: 'Supervised by',
};
