import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { MentormailError } from '../../src/errors';
import { memoryLogger } from '../../src/log';
import { PROJECT_ROOT } from '../../src/paths';
import { parseRoster } from '../../src/roster/csv';
import { decodeRoster } from '../../src/roster/decode';
import { CLI_ENTRY, runTs } from '../support/childProcess';

jest.setTimeout(120_000);

const HEADER = 'trainee_name,trainee_email,mentor_name,mentor_email,start_date';

function refusal(fn: () => unknown): { message: string; details: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof MentormailError) return { message: err.message, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('roster bytes and text', () => {
  const latin1 = Buffer.concat([
    Buffer.from(`${HEADER}\nDr Priya Patel,priya@t.example,Dr Jane Smith,jane@m.example,2027-01-04\nDr Jos`),
    Buffer.from([0xe9]), // é in Latin-1: not UTF-8
    Buffer.from(' Garc'),
    Buffer.from([0xed]), // í
    Buffer.from('a,jose@t.example,Dr Jane Smith,jane@m.example,2027-01-04\n'),
  ]);

  test('bytes that are not UTF-8 are refused with their line and where on it', () => {
    const { message, details } = refusal(() => decodeRoster(latin1, 'roster.csv'));
    expect(message).toBe('roster.csv: nothing was imported');
    expect(details[0]).toBe('line 3: byte 0xE9 at character 7 is not UTF-8 text');
    expect(details.at(-1)).toMatch(/save the file as "CSV UTF-8".*--encoding latin1/);
  });

  test('--encoding latin1 reads such a file as the names were written', () => {
    const rows = parseRoster(decodeRoster(latin1, 'roster.csv', 'latin1'));
    expect(rows[1].traineeName).toBe('Dr José García');
  });

  test('UTF-8, with or without a byte order mark, is read as it is; an unknown encoding is a usage error', () => {
    const utf8 = Buffer.from(`\uFEFF${HEADER}\nDr José García,jose@t.example,Dr Jane Smith,jane@m.example,2027-01-04\n`);
    expect(parseRoster(decodeRoster(utf8, 'r.csv'))[0].traineeName).toBe('Dr José García');
    expect(refusal(() => decodeRoster(utf8, 'r.csv', 'klingon')).message).toMatch(/^--encoding: "klingon" is not an encoding/);
  });

  test('a UTF-16 file (Excel "Unicode Text") is named as such', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]);
    expect(refusal(() => decodeRoster(utf16, 'r.csv')).details).toEqual([expect.stringMatching(/UTF-16/)]);
  });

  test('a semicolon-separated file gets a hint, not only "missing columns"', () => {
    const csv = `${HEADER.replace(/,/g, ';')}\n"Dr Ana Lopez, MRCP";ana@t.example;Mr David Brown;david@m.example;2027-01-04\n`;
    expect(refusal(() => parseRoster(csv)).details).toEqual([
      expect.stringMatching(/^line 1: missing columns trainee_name, trainee_email/),
      expect.stringMatching(/separated by semicolons .*, not commas: save the file as "CSV UTF-8 \(comma delimited\)"/),
    ]);
  });

  test('headings like "Trainee Name" get told the spelling mentormail needs', () => {
    const csv = 'Trainee Name,Trainee Email,E-mentor Name,Mentor E-mail,Start Date\nA,a@t.example,B,b@m.example,2027-01-04\n';
    expect(refusal(() => parseRoster(csv)).details).toEqual([
      expect.stringMatching(/^line 1: missing columns/),
      'the heading "Trainee Name" should be written trainee_name',
      'the heading "Trainee Email" should be written trainee_email',
      'the heading "E-mentor Name" should be written mentor_name',
      'the heading "Mentor E-mail" should be written mentor_email',
      'the heading "Start Date" should be written start_date',
    ]);
  });

  test('names with a line break, "<" or ">" are refused with the line they start on', () => {
    const csv = [
      HEADER,
      'Dr Priya Patel,priya@t.example,Dr Jane Smith,jane@m.example,2027-01-04',
      '"Dr Tom\nBcc: everyone@example.org",tom@t.example,Dr Jane Smith,jane@m.example,2027-01-04',
      '',
      'Dr Ana <ana@evil.example>,ana@t.example,Dr Jane Smith,jane@m.example,2027-01-04',
      'Dr Sam Lee,sam@t.example,"Dr Jane\r\nSmith",jane2@m.example,2027-01-04',
      'Dr Kim Yu,kim@t.example,Dr Bob >,bob@m.example,2027-01-04',
    ].join('\r\n');
    expect(refusal(() => parseRoster(csv)).details).toEqual([
      'line 3: trainee_name contains a line break (a name must be on one line)',
      'line 6: trainee_name contains "<" or ">" (a name cannot contain them; put the address in the email column)',
      'line 7: mentor_name contains a line break (a name must be on one line)',
      'line 9: mentor_name contains "<" or ">" (a name cannot contain them; put the address in the email column)',
    ]);
  });
});

describe('import from the command line', () => {
  let dir: string;
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program } = buildProgram((l) => lines.push(l), { PATH: process.env.PATH }, dir, { logger: memoryLogger() });
    try {
      await program.parseAsync(['node', 'mentormail', ...args]);
      return { code: 0, out: lines.join('\n') };
    } catch (err) {
      return { code: 1, out: [...lines, (err as Error).message, ...((err as MentormailError).details ?? [])].join('\n') };
    }
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-import-'));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample-roster.csv'), path.join(dir, 'data', 'sample-roster.csv'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('`import data` (a folder) says so in a plain sentence, naming the CSV inside', async () => {
    await cli('init');
    const r = await cli('import', 'data');
    expect(r.out).toBe('data is a folder, not a file: name the file itself, for example data/sample-roster.csv');
  });

  test('--encoding latin1 from the command line', async () => {
    fs.writeFileSync(
      path.join(dir, 'latin1.csv'),
      Buffer.concat([
        Buffer.from(`${HEADER}\nDr Jos`),
        Buffer.from([0xe9]),
        Buffer.from(' Garcia,jose@t.example,Dr M,m@m.example,2027-01-04\n'),
      ]),
    );
    await cli('init');
    expect((await cli('import', 'latin1.csv')).out).toMatch(/line 2: byte 0xE9 at character 7 is not UTF-8 text/);
    expect((await cli('people')).out).toMatch(/roster is empty/); // nothing from the refused file
    expect((await cli('import', 'latin1.csv', '--encoding', 'latin1')).out).toContain('add trainee Dr José Garcia <jose@t.example>');
  });

  // Root may write anywhere, so the read-only folder is tried as another user, as it would be in production.
  const asNobody = process.getuid?.() === 0 ? test : test.skip;
  asNobody('a read-only data/ folder gets a plain sentence, not "unexpected error"', async () => {
    fs.chmodSync(dir, 0o755);
    await cli('init');
    fs.chmodSync(path.join(dir, 'data'), 0o555);
    for (const command of [
      ['import', 'data/sample-roster.csv'],
      ['tick', '--now', '2026-11-23T10:00:00Z'],
    ]) {
      const r = await runTs(CLI_ENTRY, command, {
        cwd: dir,
        uid: 65534,
        gid: 65534,
        env: { PATH: process.env.PATH, HOME: os.tmpdir() },
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^mentormail: cannot write to ${dir}/data/mentormail\\.db: the folder ${dir}/data is read-only, or the user nobody may not write there \\(SQLITE_[A-Z_]+\\)\\. Check the folder's permissions`,
        ),
      );
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });
});
