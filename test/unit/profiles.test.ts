/** Profiles: the CSV (every bad row named, nothing applied), the vocabulary, and profile lines in an email. */
import fs from 'node:fs';
import path from 'node:path';
import { listPairs } from '../../src/db/pairs';
import { findPersonByEmail, listPeople } from '../../src/db/people';
import { conflictsOf, getProfile } from '../../src/db/profiles';
import { MentormailError } from '../../src/errors';
import { importProfiles } from '../../src/matching/flow/profiles';
import { readField } from '../../src/matching/profile';
import { readProfileLines } from '../../src/matching/profileLines';
import { loadVocabulary, parseVocabulary, readGrade } from '../../src/matching/vocabulary';
import { changeEmail } from '../../src/roster/addresses';
import { importRoster } from '../../src/roster/apply';
import { makeWorld, type World } from '../support/world';

export const PROFILES_HEADER = 'email,name,role,specialty,region,grade,interests,capacity,supervises,supervised_by,bio,preferences';
const NOW = new Date('2027-01-04T10:00:00Z');
const vocabulary = loadVocabulary();

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof MentormailError) return err.details;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('profiles import', () => {
  let w: World;
  beforeEach(() => (w = makeWorld()));
  afterEach(() => w.close());
  const run = (csv: string, dryRun = false) => importProfiles(w.deps.db, vocabulary, csv, 'profiles.csv', NOW, dryRun);

  const GOOD = [
    PROFILES_HEADER,
    'priya@t.example,Dr Priya Patel,trainee,Cardiology,North East,FY2,"research; teaching",,,jane@m.example,"FY2, keen on cardiology.",other-region',
    'jane@m.example,Dr Jane Smith,mentor,cardiology,North West,Consultant,research|leadership,2,priya@t.example,,Consultant cardiologist.,',
    'tom@t.example,Dr Tom Okafor,mentee,,,,,,,,,',
  ].join('\n');

  test('imports people, profiles and supervision; a second import changes nothing', () => {
    const changes = run(GOOD);
    expect(changes.map((c) => c.type)).toEqual(['add_person', 'profile', 'conflicts', 'add_person', 'profile', 'conflicts', 'add_person']);
    const priya = findPersonByEmail(w.deps.db, 'priya@t.example')!;
    expect(priya.role).toBe('trainee');
    expect(getProfile(w.deps.db, priya.id)).toMatchObject({
      specialty: 'cardiology',
      region: 'North East',
      grade: 'FY2',
      interests: ['research', 'teaching'],
      capacity: null,
      bio: 'FY2, keen on cardiology.',
      preferences: ['other-region'],
      source: 'import',
    });
    expect(conflictsOf(w.deps.db, priya.id)).toEqual({ supervises: [], supervised_by: ['jane@m.example'] });
    const jane = findPersonByEmail(w.deps.db, 'jane@m.example')!;
    expect(getProfile(w.deps.db, jane.id)).toMatchObject({ capacity: 2, interests: ['research', 'leadership'] });
    // Tom: named only; his profile is to come by email.
    expect(getProfile(w.deps.db, findPersonByEmail(w.deps.db, 'tom@t.example')!.id)).toBeUndefined();
    expect(run(GOOD)).toEqual([]);
  });

  test('--dry-run reports and applies nothing', () => {
    expect(run(GOOD, true)).toHaveLength(7);
    expect(listPeople(w.deps.db)).toEqual([]);
  });

  test('every bad row is named by line, and nothing from the file is applied', () => {
    const csv = [
      PROFILES_HEADER,
      'priya@t.example,Priya,trainee,Cardiolgy,North East,FY2,research,,,,,',
      'not-an-address,Tom,trainee,cardiology,Nowhere,ST9,"research, knitting, chess",,,,,',
      'jane@m.example,Jane,mentor,cardiology,Wales,Consultant,,4,,,,',
      'david@m.example,David,mentor,cardiology,Wales,Consultant,,,,,,',
      'ana@t.example,Ana,trainee,cardiology,Wales,FY1,,1,,,,',
      `sam@t.example,Sam,trainee,cardiology,Wales,FY1,,,,,"${Array(61).fill('word').join(' ')}",`,
      'lee@t.example,Lee,trainee,cardiology,,FY1,,,,,,',
      'kim@t.example,Kim,trainee,cardiology,Wales,FY1,,,kim@t.example,,,',
      'max@t.example,Max,boss,cardiology,Wales,FY1,,,,,,fast-track',
      'priya@t.example,Priya again,trainee,,,,,,,,,',
    ].join('\n');
    expect(problems(() => run(csv))).toEqual([
      'line 2: specialty "Cardiolgy" is not one of the specialties in templates/profiles.yml',
      'line 3: email "not-an-address" is not a valid email address',
      'line 3: region "Nowhere" is not one of the regions in templates/profiles.yml',
      'line 3: grade "ST9" is not a grade in templates/profiles.yml nor a number of years since qualifying',
      'line 3: interests "knitting", "chess" not in the list in templates/profiles.yml',
      'line 4: capacity "4" must be a whole number from 0 to 3',
      'line 5: capacity is empty (a profile needs specialty, region and grade; an e-mentor also capacity)',
      'line 6: capacity is for e-mentors; leave it empty for a trainee',
      'line 7: bio has 61 words: at most 60',
      'line 8: region is empty (a profile needs specialty, region and grade; an e-mentor also capacity)',
      'line 9: supervises lists the person themselves',
      'line 10: role "boss" must be mentor or trainee (also e-mentor, mentee)',
      'line 10: preference "fast-track" not one of same-specialty, other-specialty, same-region, other-region, senior-mentor',
      'line 11: priya@t.example is already on line 2',
    ]);
    expect(listPeople(w.deps.db)).toEqual([]);
  });

  test('missing columns are named; someone already on the roster in the other role is refused', () => {
    expect(problems(() => run('email,name\nx@t.example,X\n'))).toEqual([
      'line 1: missing column role (the header must include email,name,role; the others are specialty,region,grade,interests,capacity,supervises,supervised_by,bio,preferences)',
    ]);
    importRoster(
      w.deps.db,
      'trainee_name,trainee_email,mentor_name,mentor_email,start_date\nPriya,priya@t.example,Jane,jane@m.example,2027-01-04\n',
      'r.csv',
      NOW,
      false,
    );
    expect(problems(() => run(`${PROFILES_HEADER}\npriya@t.example,Priya,mentor,cardiology,Wales,Consultant,,1,,,,`))).toEqual([
      'line 2: priya@t.example is already on the roster as a trainee',
    ]);
  });

  test("the README's example file imports as it says", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = /### The profiles file\s+```csv\n([\s\S]*?)```/.exec(readme)![1];
    expect(run(example).map((c) => c.type)).toEqual(['add_person', 'profile', 'conflicts', 'add_person', 'profile', 'add_person']);
    const priya = findPersonByEmail(w.deps.db, 'priya.patel@trainee.example')!;
    expect(getProfile(w.deps.db, priya.id)).toMatchObject({
      specialty: 'cardiology',
      interests: ['research', 'teaching'],
      preferences: ['other-region'],
    });
  });

  test('a changed address keeps its supervision vetoes', () => {
    run(GOOD);
    changeEmail(w.deps.db, 'jane@m.example', 'jane.smith@new.example', 'mentoring@scheme.example', NOW);
    const priya = findPersonByEmail(w.deps.db, 'priya@t.example')!;
    expect(conflictsOf(w.deps.db, priya.id)).toEqual({ supervises: [], supervised_by: ['jane.smith@new.example'] });
  });

  test('the roster import keeps working as before, beside profiles', () => {
    run(GOOD);
    const roster =
      'trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Tom Okafor,tom@t.example,Dr Jane Smith,jane@m.example,2027-02-01\n';
    expect(importRoster(w.deps.db, roster, 'roster.csv', NOW, false).map((c) => c.type)).toEqual(['add_pair']);
    expect(listPairs(w.deps.db)).toHaveLength(1);
    expect(importRoster(w.deps.db, roster, 'roster.csv', NOW, false)).toEqual([]);
  });
});

describe('the vocabulary', () => {
  test('names compare without case, spaces, hyphens or "&"', () => {
    expect(readField(vocabulary, 'specialty', 'Trauma & Orthopaedics')).toEqual({ ok: true, value: 'trauma and orthopaedics' });
    expect(readField(vocabulary, 'interests', 'Quality Improvement, MEDICAL EDUCATION')).toEqual({
      ok: true,
      value: ['quality-improvement', 'medical-education'],
    });
    expect(readGrade(vocabulary, 'st 3')).toEqual({ name: 'ST3', stage: 5 });
    expect(readGrade(vocabulary, '7 years')).toEqual({ name: '7 years', stage: 7 });
  });
  test('a broken vocabulary file is refused with its problems', () => {
    expect(
      problems(() =>
        parseVocabulary('interests: [a, A]\nspecialties: {x: [y]}\nregions: [r]\ngrades: {FY1: 1}\nbands: [{name: F, from: 1}]\n'),
      ),
    ).toEqual(['interest "A" is listed twice']);
    expect(problems(() => parseVocabulary('interests: []\n'))[0]).toMatch(/^interests: /);
  });
});

describe('profile lines in an email', () => {
  test('labels and their aliases, a bio over two lines, the first line for a field wins', () => {
    const text = [
      'Hi,',
      '',
      'Speciality: Respiratory medicine',
      '**Region:** Wales',
      'Years in training: 4',
      'Interests: research,',
      '  teaching',
      '',
      'About me: I moved from Spain in 2020 and',
      'love teaching.',
      '',
      'Region: London',
      'Thanks',
    ].join('\n');
    expect(readProfileLines(text).fields).toEqual({
      specialty: 'Respiratory medicine',
      region: 'Wales',
      grade: '4',
      interests: 'research, teaching',
      bio: 'I moved from Spain in 2020 and love teaching.',
    });
  });
  test('reading stops at a reply header or a signature', () => {
    expect(readProfileLines('Region: Wales\n\nOn Mon, 4 Jan 2027, E-mentoring wrote:\nSpecialty: psychiatry').fields).toEqual({
      region: 'Wales',
    });
    expect(readProfileLines('Region: Wales\n-- \nSpecialty: psychiatry').fields).toEqual({ region: 'Wales' });
  });
  test('ordinary sentences with a colon are not profile lines', () => {
    expect(readProfileLines('Note: I am away next week.\nQuestion: how long does it take?').fields).toEqual({});
  });
});
