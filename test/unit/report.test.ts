import fs from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { readHealthData } from '../../src/health';
import { buildReport, renderReport, REPORT_SECTIONS, type SectionBuilder } from '../../src/report';
import { wilsonInterval } from '../../src/report/wilson';
import { PLANTED, reportScheme, SchemeBuilder, TWELVE_AS_OF } from '../support/health';
import { makeWorld, type World } from '../support/world';

async function cli(w: World, ...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const { program, exitCode } = buildProgram((l) => lines.push(l), { MENTORMAIL_DB: path.join(w.dir, 'test.db') }, w.dir);
  await program.parseAsync(['node', 'mentormail', ...args]);
  return { code: exitCode(), out: lines.join('\n') };
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** Every table cell of report.html, as "section.table|row|column" → value. */
function htmlCells(html: string): Map<string, string> {
  const cells = new Map<string, string>();
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  for (const t of html.matchAll(/<table id="([^"]+)">([\s\S]*?)<\/table>/g)) {
    const rows = [...t[2].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => unescape(c[1])),
    );
    const [head, ...body] = rows;
    for (const row of body) row.slice(1).forEach((v, i) => cells.set(`${t[1]}|${row[0]}|${head[i + 1]}`, v));
  }
  return cells;
}

function csvCells(csv: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const line of csv.trim().split('\r\n').slice(1)) {
    const fields = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    cells.set(`${fields[0]}.${fields[1]}|${fields[2]}|${fields[3]}`, fields[4]);
  }
  return cells;
}

describe('mentormail report', () => {
  let w: World;
  let out: string;
  beforeAll(async () => {
    w = makeWorld();
    reportScheme(w);
    out = path.join(w.dir, 'report');
    expect((await cli(w, 'report', '--out', out, '--now', TWELVE_AS_OF.toISOString())).code).toBe(0);
  });
  afterAll(() => w.close());

  test('the evaluation headline is "8 of 10 (80%)" with its 95% interval, beside the pilot\'s 8 of 10', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect([Math.round(low * 1000) / 1000, Math.round(high * 1000) / 1000]).toEqual([0.49, 0.943]);
    expect(read(out, 'report.txt')).toContain(
      'End-of-year evaluation 2027: trainees who found e-mentoring a useful independent form of support and advice: 8 of 10 (80%), 95% interval 49% to 94% (the 2006 pilot: 8 of 10 (80%)).',
    );
    const cells = htmlCells(read(out, 'report.html'));
    expect(cells.get('evaluation.evaluation_useful|trainees, 2027|result')).toBe('8 of 10 (80%)');
    expect(cells.get('evaluation.evaluation_useful|2006 pilot (surgical senior house officers)|result')).toBe('8 of 10 (80%)');
    expect(cells.get('evaluation.evaluation_useful|2006 pilot (surgical senior house officers)|95% interval')).toBe('49% to 94%');
  });

  test('counts under 5 read "<5"; the e-mentors (a cohort of 4) are left out of every breakdown', () => {
    const cells = htmlCells(read(out, 'report.html'));
    expect(cells.get('overview.groups_now|On track|pairs')).toBe('<5');
    expect(cells.get('overview.groups_now|Needs a check-in|pairs')).toBe('7');
    expect(cells.get('evaluation.evaluation_surveyed|e-mentors|sent')).toBe('<5');
    expect([...cells.keys()].filter((k) => k.includes('e-mentors, 2027') || k.includes('evaluation_mentor'))).toEqual([]);
    // No count from 1 to 4 anywhere (medians are not counts).
    const csv = csvCells(read(out, 'aggregates.csv'));
    const small = [...csv].filter(([k, v]) => /^[1-4]$/.test(v) && !/\|median(\||$)/.test(k));
    expect(small).toEqual([]);
    expect([...csv.values()].filter((v) => v === '<5').length).toBeGreaterThan(5);
  });

  test('every table cell of report.html is in aggregates.csv with the same value, and the totals are the data', () => {
    const html = htmlCells(read(out, 'report.html'));
    const csv = csvCells(read(out, 'aggregates.csv'));
    expect(html.size).toBeGreaterThan(60);
    expect(html).toEqual(csv);
    const sent = w.deps.db.prepare('SELECT COUNT(*) AS n FROM rounds WHERE sent_at IS NOT NULL').get() as { n: number };
    expect(csv.get('overview.people|questionnaires sent|number')).toBe(String(sent.n));
    expect(csv.get('overview.people|pairs|number')).toBe('12');
    // The rounds-per-pair histogram adds up to the pairs (its small cells aside).
    const histogram = [...csv].filter(([k]) => k.startsWith('response.rounds_per_pair|')).map(([, v]) => v);
    expect(histogram.filter((v) => v !== '<5').reduce((a, v) => a + Number(v), 0)).toBeLessThanOrEqual(12);
  });

  test('the same data gives byte-identical files; nothing planted in the content columns is in them', async () => {
    const again = path.join(w.dir, 'again');
    await cli(w, 'report', '--out', again, '--now', TWELVE_AS_OF.toISOString());
    for (const name of ['report.html', 'aggregates.csv', 'report.txt']) {
      expect(read(again, name)).toBe(read(out, name));
      expect(read(out, name)).not.toContain(PLANTED);
    }
    const stored = w.deps.db.prepare('SELECT comment FROM evaluations LIMIT 1').get() as { comment: string };
    expect(stored.comment).toContain(PLANTED);
  });

  test('a section is added with one function (as action plans will add theirs)', () => {
    const plans: SectionBuilder = () => ({
      id: 'plans',
      title: 'Action plans',
      notes: [],
      headline: ['Plan items done: 12'],
      tables: [{ id: 'plan_items', caption: 'Plan items', columns: ['', 'items'], rows: [{ label: 'done', cells: ['12'] }] }],
      charts: [],
    });
    const files = renderReport(
      buildReport(readHealthData(w.deps.db), w.deps.config, TWELVE_AS_OF, { sections: [...REPORT_SECTIONS, plans] }),
    );
    expect(files['report.txt']).toContain('Plan items done: 12');
    expect(files['aggregates.csv']).toContain('plans,plan_items,done,items,12');
    expect(files['report.html']).toContain('<h2>Action plans</h2>');
  });
});

describe('chose vs assigned', () => {
  test('appears once matching lets trainees choose, each group of 5 or more', async () => {
    const w = makeWorld();
    try {
      const scheme = reportScheme(w);
      const table = () => {
        const files = renderReport(buildReport(readHealthData(w.deps.db), w.deps.config, TWELVE_AS_OF));
        return files['aggregates.csv'].split('\r\n').filter((l) => l.startsWith('health,health_by_choice,'));
      };
      expect(table()).toEqual([]); // roster pairs only: no breakdown
      for (const key of ['p01', 'p03', 'p05', 'p07'])
        w.deps.db.prepare("UPDATE pairs SET how_matched = 'chose' WHERE id = ?").run(scheme.pairIds.get(key));
      expect(table()).toEqual([
        'health,health_by_choice,e-mentor assigned,pairs,8',
        'health,health_by_choice,e-mentor assigned,On track,<5',
        'health,health_by_choice,e-mentor assigned,Needs a check-in,<5',
        'health,health_by_choice,e-mentor assigned,Too early to tell,<5',
      ]); // 4 who chose: left out
      w.deps.db.prepare("UPDATE pairs SET how_matched = 'chose' WHERE id = ?").run(scheme.pairIds.get('p12'));
      expect(table().filter((l) => l.includes('trainee chose'))).toEqual([
        'health,health_by_choice,trainee chose the e-mentor,pairs,5',
        'health,health_by_choice,trainee chose the e-mentor,On track,<5',
        'health,health_by_choice,trainee chose the e-mentor,Needs a check-in,<5',
        'health,health_by_choice,trainee chose the e-mentor,Too early to tell,0',
      ]);
    } finally {
      await w.close();
    }
  });
});

describe('a cohort of 4', () => {
  test('is not shown: no result, no interval, no breakdown', async () => {
    const w = makeWorld();
    try {
      const scheme = new SchemeBuilder(w.deps.db);
      for (const key of ['a', 'b', 'c', 'd']) {
        scheme.add({ key, start: '2027-01-04T10:00:00.000Z', rounds: [{ answer: 3, feedback: 2 }] });
        scheme.evaluation(2027, scheme.people.get(key)!.trainee, 'trainee', { useful: 1, support: 5, recommend: 10 });
      }
      const files = renderReport(buildReport(readHealthData(w.deps.db), w.deps.config, new Date('2027-12-31T12:00:00Z')));
      expect(files['report.txt']).toContain('End-of-year evaluation 2027: fewer than 5 trainees answered, so the result is not shown');
      for (const text of Object.values(files)) {
        expect(text).not.toMatch(/\b4 of 4\b|\(100%\)/);
        expect(text).not.toContain('evaluation_trainee_outcomes');
      }
      expect(files['aggregates.csv']).toContain('evaluation,evaluation_useful,"trainees, 2027",answered,<5');
    } finally {
      await w.close();
    }
  });
});
