/**
 * Golden file: test/fixtures/commands/phrasings.json lists what people write and how it must be
 * read. UPDATE_GOLDEN=1 rewrites every `expect` from the code: read the diff before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detectCommand, type CommandResult } from '../../src/reading/4-command/command';

interface Case {
  group: string;
  text: string;
  subject?: string;
  written?: string;
  expect: string;
}
interface Golden {
  about: string;
  written: string;
  cases: Case[];
}

const FILE = path.join(__dirname, '..', 'fixtures', 'commands', 'phrasings.json');
const golden = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Golden;
const update = process.env.UPDATE_GOLDEN === '1';

/** One line per result, so the golden file reads like a table. */
function describeResult(r: CommandResult): string {
  if (r.command) return `${r.command}${r.pause_until ? ` ${r.pause_until}` : ''}`;
  if (r.possible) return `? ${r.possible.command}${r.possible.pause_until ? ` ${r.possible.pause_until}` : ''} (${r.possible.doubt})`;
  return '-';
}

function read(c: Case): string {
  return describeResult(
    detectCommand(c.text, c.subject ?? 'Re: E-mentoring questionnaire, round 3', new Date(c.written ?? golden.written)),
  );
}

afterAll(() => {
  if (!update) return;
  for (const c of golden.cases) c.expect = read(c);
  fs.writeFileSync(FILE, `${JSON.stringify(golden, null, 1)}\n`);
});

test('the golden file covers every group with many phrasings', () => {
  const groups = new Map<string, number>();
  for (const c of golden.cases) groups.set(c.group, (groups.get(c.group) ?? 0) + 1);
  expect(golden.cases.length).toBeGreaterThanOrEqual(150);
  for (const n of groups.values()) expect(n).toBeGreaterThanOrEqual(9);
});

describe.each([...new Set(golden.cases.map((c) => c.group))])('%s', (group) => {
  test.each(
    golden.cases.filter((c) => c.group === group).map((c) => [JSON.stringify(c.subject ? `${c.subject} | ${c.text}` : c.text), c] as const),
  )('%s', (_label, c) => {
    if (update) return;
    expect(read(c)).toBe(c.expect);
  });
});
