import path from 'node:path';
import type { Command } from 'commander';
import { ensurePairRefs } from '../db/health';
import { healthAt, readHealthData } from '../health';
import { formatHealth, summariseHealth } from '../health/format';
import { MentormailError } from '../errors';
import { buildReport, renderReport, writeReport } from '../report';
import { localDateOf, startOfLocalDay } from '../schedule/calendar';
import { parseNow, type CliContext } from './context';
import { localDateTime } from './format';

/** health and report: how the pairs are doing, from metadata only. */
export function registerHealthCommands(program: Command, ctx: CliContext): void {
  program
    .command('health')
    .description('pairs by relationship health (On track, Needs a check-in, Too early to tell): counts, and why; never content')
    .option('--pairs', 'also list each pair by a random reference (never a name) with the reasons that fired')
    .option('--json', 'print JSON')
    .option('--now <time>', 'the current time (ISO 8601)')
    .action(async (opts: { pairs?: boolean; json?: boolean; now?: string }) => {
      const now = parseNow(opts.now);
      await ctx.withApp(ctx.config(), (deps) => {
        if (opts.pairs) ensurePairRefs(deps.db);
        const health = healthAt(readHealthData(deps.db), deps.config, now);
        const asOf = opts.json ? now.toISOString() : localDateTime(now, deps.config.timeZone);
        const summary = summariseHealth(health, asOf, deps.config.health, Boolean(opts.pairs));
        ctx.out(opts.json ? JSON.stringify(summary, null, 2) : formatHealth(summary));
      });
    });

  program
    .command('report')
    .description(
      'write report.html, aggregates.csv and report.txt: health, response, the pulse and the evaluation, as counts (under 5 shown as <5)',
    )
    .requiredOption('--out <folder>', 'where to write the three files (made if missing)')
    .option('--year <year>', 'the evaluation year to show (default: the latest with surveys)')
    .option('--now <time>', 'the moment the figures are for (ISO 8601); default: the start of today, so the files are the same all day')
    .action(async (opts: { out: string; year?: string; now?: string }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new MentormailError('USAGE', `--year: "${opts.year}" is not a year such as 2027`);
      const config = ctx.config();
      const asOf =
        opts.now !== undefined ? parseNow(opts.now) : startOfLocalDay(localDateOf(parseNow(undefined), config.timeZone), config.timeZone);
      await ctx.withApp(config, (deps) => {
        const report = buildReport(readHealthData(deps.db), deps.config, asOf, { year: opts.year ? Number(opts.year) : null });
        const files = writeReport(path.resolve(ctx.cwd, opts.out), renderReport(report));
        for (const f of files) ctx.out(`wrote ${f}`);
      });
    });
}
