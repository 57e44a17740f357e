/**
 * Golden files: every test/fixtures/replies/<case>.eml is parsed and compared with <case>.json.
 * The JSON holds the fields that matter for the case; kind, command, answers, missing and
 * complete are always compared. UPDATE_GOLDEN=1 rewrites the fields a golden file already has
 * (or the core fields, for a new case) — then read every changed file before committing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply, toJson, type ReplyJson } from '../../src/reading';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'replies');
const ALWAYS_COMPARED = ['kind', 'command', 'answers', 'missing', 'complete'] as const;
const NEW_CASE_FIELDS = [...ALWAYS_COMPARED, 'pause_until', 'reply_text'];
const update = process.env.UPDATE_GOLDEN === '1';

const cases = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => f.slice(0, -'.eml'.length))
  .sort();

const questionnaire = loadQuestionnaire();

function pick(actual: ReplyJson, keys: string[]): Record<string, unknown> {
  const all = actual as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, all[k] === undefined ? null : all[k]]));
}

test('there are at least 40 reply fixtures, each with a golden file', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  if (!update) for (const name of cases) expect(fs.existsSync(path.join(FIXTURES, `${name}.json`))).toBe(true);
});

describe('reply fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const raw = fs.readFileSync(path.join(FIXTURES, `${name}.eml`));
    const goldenPath = path.join(FIXTURES, `${name}.json`);
    const actual = toJson(await analyseReply(raw, questionnaire));

    const golden: Record<string, unknown> | null = fs.existsSync(goldenPath) ? JSON.parse(fs.readFileSync(goldenPath, 'utf8')) : null;
    // The golden file's own key order, so an update rewrites only values.
    const keys = golden ? [...new Set([...Object.keys(golden), ...ALWAYS_COMPARED])] : NEW_CASE_FIELDS;
    if (update) {
      fs.writeFileSync(goldenPath, `${JSON.stringify(pick(actual, keys), null, 2)}\n`);
      return;
    }
    expect(golden).not.toBeNull();
    expect(pick(actual, keys)).toEqual(golden);
  });
});
