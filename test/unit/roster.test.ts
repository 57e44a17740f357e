import { listPairs } from '../../src/db/pairs';
import { findPersonByEmail, getPerson, listPeople } from '../../src/db/people';
import { MentormailError } from '../../src/errors';
import { importRoster } from '../../src/roster/apply';
import { parseRoster } from '../../src/roster/csv';
import { makeWorld, type World } from '../support/world';

const HEADER = 'trainee_name,trainee_email,mentor_name,mentor_email,start_date';
const NOW = new Date('2026-11-22T12:00:00Z');

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof MentormailError) return err.details;
    throw err;
  }
  throw new Error('expected the roster to be refused');
}

describe('roster import', () => {
  let w: World;
  beforeEach(() => (w = makeWorld()));
  afterEach(() => w.close());
  const run = (csv: string, dryRun = false) => importRoster(w.deps.db, csv, 'roster.csv', NOW, dryRun);

  test('imports people and pairs, and a second import changes nothing', () => {
    const csv = `${HEADER},grade\r\n"Patel, Priya",Priya@Trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04,FY2\r\nTom Okafor,tom@trainee.example,Dr Jane Smith,jane@mentor.example,2027-02-01,CT1\r\n`;
    expect(run(csv)).toHaveLength(5);
    expect(listPeople(w.deps.db).map((p) => [p.email, p.role])).toEqual(
      expect.arrayContaining([
        ['priya@trainee.example', 'trainee'],
        ['tom@trainee.example', 'trainee'],
        ['jane@mentor.example', 'mentor'],
      ]),
    );
    expect(getPerson(w.deps.db, findPersonByEmail(w.deps.db, 'priya@trainee.example')!.id).name).toBe('Patel, Priya');
    expect(run(csv)).toEqual([]);
  });

  test('a new mentor for an existing trainee is a reassignment', () => {
    run(`${HEADER}\nPriya,priya@t.example,Jane,jane@m.example,2027-01-04\n`);
    const changes = run(`${HEADER}\nPriya,priya@t.example,David,david@m.example,2027-01-04\n`);
    expect(changes.map((c) => c.type)).toEqual(['add_person', 'reassign']);
    const pair = listPairs(w.deps.db)[0];
    expect(getPerson(w.deps.db, pair.mentor_id).email).toBe('david@m.example');
  });

  test('--dry-run reports and applies nothing', () => {
    const changes = run(`${HEADER}\nPriya,priya@t.example,Jane,jane@m.example,2027-01-04\n`, true);
    expect(changes).toHaveLength(3);
    expect(listPeople(w.deps.db)).toEqual([]);
  });

  test('every bad row is reported by line, and nothing from the file is applied', () => {
    const csv = [
      HEADER,
      'Priya,priya@t.example,Jane,jane@m.example,2027-01-04',
      'Tom,tom-at-example,Jane,jane@m.example,2027-01-04',
      'Ana,ana@t.example,Jane,jane@m.example,2027-02-30',
      'Sam,sam@t.example,Jane,sam@t.example,2027-01-04',
      'Priya,priya@t.example,David,david@m.example,2027-01-04',
      'Jane,jane@m.example,David,david@m.example,2027-01-04',
    ].join('\n');
    const found = problems(() => run(csv));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^line 3: trainee_email "tom-at-example" is not a valid email address/),
        expect.stringMatching(/^line 4: start_date "2027-02-30" is not a real date/),
        expect.stringMatching(/^line 5: the trainee and the mentor are the same person/),
        expect.stringMatching(/^line 6: trainee priya@t.example already has mentor jane@m.example on line 2/),
        expect.stringMatching(/^line 7: jane@m.example is a trainee here and a mentor on line 2/),
      ]),
    );
    expect(listPeople(w.deps.db)).toEqual([]);
  });

  test('a missing column is named', () => {
    expect(
      problems(() => parseRoster('trainee_name,trainee_email,mentor_email,start_date\nA,a@x.example,b@y.example,2027-01-01\n')),
    ).toEqual([expect.stringMatching(/^line 1: missing column mentor_name/)]);
  });

  test('a row with the wrong number of fields is named by line', () => {
    expect(problems(() => parseRoster(`${HEADER}\nA,a@x.example,B,b@y.example,2027-01-01\nC,c@x.example,D\n`))).toEqual([
      expect.stringMatching(/^line 3:/),
    ]);
  });

  test('someone already on the roster as a mentor cannot be imported as a trainee', () => {
    run(`${HEADER}\nPriya,priya@t.example,Jane,jane@m.example,2027-01-04\n`);
    expect(problems(() => run(`${HEADER}\nJane,jane@m.example,David,david@m.example,2027-01-04\n`))).toEqual([
      expect.stringMatching(/^line 2: jane@m.example is already on the roster as an e-mentor/),
    ]);
  });
});
