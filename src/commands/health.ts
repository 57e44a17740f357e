import type { Command } from 'commander';
import { ensurePairRefs } from '../db/health';
import { healthAt, readHealthData } from '../health';
import { formatHealth, summariseHealth } from '../health/format';
import { parseNow, type CliContext } from './context';

/** health: how the pairs are doing, from metadata only. */
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
        const summary = summariseHealth(healthAt(readHealthData(deps.db), deps.config, now), now.toISOString(), Boolean(opts.pairs));
        ctx.out(opts.json ? JSON.stringify(summary, null, 2) : formatHealth(summary));
      });
    });
}
