/**
 * Idle tick: no new mail and nothing due, at three roster sizes, each with a year of history.
 * One `mentormail tick` process against `node -e 0`, and how much of the tick is spent loading
 * modules (measured inside the tick process by bench/support/probe.ts).
 */
import path from 'node:path';
import { atMost, interleaved, median, type BenchCase, type Row } from '../support/case';
import { deployment } from '../support/deployment';
import { clearMailbox, inboxCursor } from '../support/imap';
import { mentormail, runNode } from '../support/processes';
import { SEED_NOW, seedYear } from '../support/seed';

export const idleTick: BenchCase = {
  name: 'idle-tick',
  title: 'Idle tick: nothing new, nothing due',
  async run(ctx) {
    const sizes = ctx.quick ? [500, 2000, 5000] : [1000, 10_000, 50_000];
    const { servers } = ctx;
    await clearMailbox(servers, 'bot', 'INBOX');
    const cursor = await inboxCursor(servers, 'bot');
    const rows: Row[] = [];
    const medians: number[] = [];
    const loading: number[] = [];
    const loadingWall: number[] = [];
    let packages: string[] = [];
    for (const size of sizes) {
      const d = deployment(servers, path.join(ctx.workDir, `roster-${size}`));
      const started = Date.now();
      seedYear(servers, d.dbPath, size, cursor);
      ctx.progress(`idle tick: seeded ${size} trainees with a year of history in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // The first tick migrates the seeded database and warms the page cache: not measured.
      await mentormail(['tick', '--now', SEED_NOW], d.env, d.dir);
      const runs = await interleaved(
        ctx.repeats,
        async () => {
          const r = await mentormail(['tick', '--now', SEED_NOW], d.env, d.dir, true);
          if (r.probe && size === sizes[0]) {
            loading.push(r.probe.moduleLoadCpuMs);
            loadingWall.push(r.probe.moduleLoadMs);
            packages = r.probe.packages;
          }
          return r.wallMs;
        },
        async () => (await runNode(['-e', '0'], [])).wallMs,
      );
      const mm = median(runs.mentormail);
      medians.push(mm);
      const base = median(runs.baseline);
      rows.push({
        case: 'idle tick',
        metric: `${size.toLocaleString('en-GB')} trainees, a year of history`,
        unit: 'ms',
        mentormail: mm,
        baseline: base,
        baselineName: 'node -e 0',
        ratio: mm / base,
        ratioMeans: 'tick time ÷ bare node start',
        runs,
      });
    }
    const scale = (i: number, goal: number): Row => ({
      case: 'idle tick',
      metric: `${sizes[i].toLocaleString('en-GB')} ÷ ${sizes[0].toLocaleString('en-GB')} trainees`,
      unit: 'ms',
      mentormail: medians[i],
      baseline: medians[0],
      baselineName: `the ${sizes[0].toLocaleString('en-GB')} tick`,
      ratio: medians[i] / medians[0],
      ratioMeans: 'tick time ÷ tick time at the smallest roster',
      target: atMost(medians[i] / medians[0], goal),
      runs: { mentormail: rows[i].runs.mentormail, baseline: rows[0].runs.mentormail },
    });
    rows.push(scale(1, 1.2), scale(2, 1.5));
    const load = median(loading);
    rows.push({
      case: 'idle tick',
      metric: 'loading modules, inside the tick (CPU time)',
      unit: 'ms',
      mentormail: load,
      baseline: medians[0],
      baselineName: 'the whole tick',
      ratio: load / medians[0],
      ratioMeans: 'share of the tick spent loading modules',
      target: atMost(load, 150, ' ms'),
      runs: { mentormail: loading, baseline: rows[0].runs.mentormail },
      notes: [`wall time loading modules: ${median(loadingWall).toFixed(0)} ms`, `packages loaded: ${packages.join(', ')}`],
    });
    return rows;
  },
};
