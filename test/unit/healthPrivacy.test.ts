/**
 * The health code cannot read content: src/health/ and src/report/ reach the database only
 * through src/health/source.ts, whose queries name only the coordinator views, and those
 * views draw on no content column (checked by SQLite's own account of where each column
 * comes from, and by the views' SQL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { COORDINATOR_VIEWS, readHealthData, VIEW_QUERIES } from '../../src/health/source';
import { PROJECT_ROOT } from '../../src/paths';
import { PLANTED, SchemeBuilder } from '../support/health';
import { makeWorld, type World } from '../support/world';

/**
 * Where content lives (the inventory of issue 8, src/db/content.ts once merged, plus the one
 * content column migration 010 adds: evaluations.comment).
 */
const CONTENT: Record<string, string[]> = {
  answers: ['value_json'],
  messages: ['body_text'],
  inbound: ['raw'],
  outbox: ['text_body', 'html_body'],
  outbox_attachments: ['filename', 'content'],
  evaluations: ['comment'],
};
const CONTENT_NAMES = [...new Set(Object.values(CONTENT).flat())];

/** Problems with one query: a relation that is not a coordinator view, or a content column named. */
function queryProblems(sql: string): string[] {
  const problems: string[] = [];
  const views: readonly string[] = COORDINATOR_VIEWS;
  for (const m of sql.matchAll(/\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) {
    if (!views.includes(m[1])) problems.push(`reads ${m[1]}, which is not a coordinator view`);
  }
  for (const name of CONTENT_NAMES) if (new RegExp(`\\b${name}\\b`, 'i').test(sql)) problems.push(`names content column ${name}`);
  if (/\*/.test(sql)) problems.push('selects *');
  return problems;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the coordinator figures cannot read content', () => {
  let w: World;
  beforeAll(() => {
    w = makeWorld();
    new SchemeBuilder(w.deps.db)
      .add({
        key: 'a',
        start: '2027-01-04T10:00:00.000Z',
        rounds: [{ answer: 3, feedback: 2, traineeExtra: 1, traineePulse: { quality: 4 } }, { answer: 2 }],
      })
      .add({ key: 'b', start: '2027-01-04T10:00:00.000Z', rounds: [{ answer: null }] });
    w.deps.db
      .prepare(
        "INSERT INTO evaluations (year, person_id, role, state, created_at, comment) VALUES (2027, 1, 'trainee', 'complete', 'x', ?)",
      )
      .run(PLANTED);
    w.deps.db.prepare("INSERT INTO evaluation_answers (evaluation_id, item, value, updated_at) VALUES (1, 'useful', 1, 'x')").run();
  });
  afterAll(() => w.close());

  test.each(Object.entries(VIEW_QUERIES))('query %s names only coordinator views and no content column', (_name, sql) => {
    expect(queryProblems(sql)).toEqual([]);
  });

  test('the checker itself catches a query that reads content (it can fail)', () => {
    expect(queryProblems('SELECT m.body_text FROM messages m JOIN health_rounds r ON r.round_id = m.round_id')).toEqual([
      'reads messages, which is not a coordinator view',
      'names content column body_text',
    ]);
    expect(queryProblems('SELECT * FROM health_messages')).toEqual(['selects *']);
    // And SQLite reports a view column's origin, so a view over content would be seen.
    w.deps.db.exec('CREATE TEMP VIEW leaky AS SELECT id, body_text AS note FROM messages');
    expect(
      w.deps.db
        .prepare('SELECT * FROM leaky')
        .columns()
        .map((c) => `${c.table}.${c.column}`),
    ).toEqual(['messages.id', 'messages.body_text']);
  });

  test.each([...COORDINATOR_VIEWS])('view %s draws on no content column', (view) => {
    const db = w.deps.db;
    const columns = db.prepare(`SELECT * FROM ${view}`).columns();
    expect(columns.length).toBeGreaterThan(3);
    // SQLite says which table and column each result column comes from.
    const origins = columns.filter((c) => c.table !== null).map((c) => `${c.table}.${c.column}`);
    expect(origins.length).toBeGreaterThan(3);
    expect(origins.filter((o) => CONTENT_NAMES.some((n) => o.endsWith(`.${n}`)))).toEqual([]);
    // Computed columns have no origin: the view's SQL must not name a content column at all.
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?").get(view) as { sql: string }).sql;
    for (const name of CONTENT_NAMES) expect(sql).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  test('the content planted in every content column is in the database, and nowhere in what the views give', () => {
    const data = readHealthData(w.deps.db);
    expect(data.messages.length).toBe(4);
    expect(data.pulse).toHaveLength(1);
    expect(data.evaluationValues).toEqual([{ evaluation_id: 1, year: 2027, role: 'trainee', item: 'useful', value: 1 }]);
    const stored = w.deps.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE body_text LIKE ?').get(`%${PLANTED}%`) as { n: number };
    expect(stored.n).toBe(4);
    expect(JSON.stringify(data)).not.toContain(PLANTED);
  });

  test('only src/health/source.ts touches the database; nothing else in src/health or src/report runs SQL', () => {
    const files = [...filesUnder(path.join(PROJECT_ROOT, 'src', 'health')), ...filesUnder(path.join(PROJECT_ROOT, 'src', 'report'))];
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const file of files) {
      const name = path.relative(PROJECT_ROOT, file);
      if (name === path.join('src', 'health', 'source.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        const target = path.relative(path.join(PROJECT_ROOT, 'src'), path.resolve(path.dirname(file), m[1]));
        if (m[1].startsWith('.') && target.split(path.sep)[0] === 'db') offenders.push(`${name} imports ${m[1]}`);
        if (/sqlite/.test(m[1])) offenders.push(`${name} imports ${m[1]}`);
      }
      if (/\b(?:stmt|prepare|exec|pragma)\s*\(/.test(text)) offenders.push(`${name} runs SQL`);
      if (/\bSELECT\b[\s\S]{0,200}\bFROM\b/.test(text)) offenders.push(`${name} holds a query`);
    }
    expect(offenders).toEqual([]);
  });
});
