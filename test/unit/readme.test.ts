import fs from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { CONFIG_VARIABLES } from '../../src/config';
import { PROJECT_ROOT } from '../../src/paths';

/** The README is for a coordinator: its tables must say what the code does. */
const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

test("the README's configuration table is CONFIG_VARIABLES, in order", () => {
  const rows = [...README.matchAll(/^\| `([A-Z_]+)` \| (?:`([^`]*)`)? \| (.*) \|$/gm)].map(([, name, def, description]) => ({
    name,
    default: def ?? null,
    description,
  }));
  expect(rows).toEqual(CONFIG_VARIABLES.map((v) => ({ name: v.name, default: v.default, description: v.description })));
});

test('every command is in the README', () => {
  const { program } = buildProgram(() => undefined, {}, PROJECT_ROOT);
  // As `mentormail NAME ...`, or as `NAME ...` after another command in the same cell.
  const documented = (name: string) => new RegExp(`\\| \`(mentormail )?${name}[ \`].*\\|$|, \`${name}[ \`]`, 'm').test(README);
  expect(program.commands.map((c) => c.name()).filter((name) => !documented(name))).toEqual([]);
});
