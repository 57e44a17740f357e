import path from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../app';
import { systemClock } from '../clock';
import type { Config } from '../config';
import { tick } from '../jobs';
import type { Deps } from '../jobs/deps';
import { acquireLock } from '../lock';
import { isInsideSendingWindow, nextWindowOpening } from '../schedule/window';
import { parseNow, type CliContext, type Out } from './context';
import { stmt } from '../db/statements';

function lockFile(config: Config): string {
  return `${path.resolve(config.dbPath)}.lock`;
}

/** Runs one tick under the worker lock; returns false when another worker holds it. */
export async function lockedTick(deps: Deps, now: Date, out: Out): Promise<boolean> {
  const release = acquireLock(lockFile(deps.config));
  if (!release) {
    out('Another mentormail tick is running; this one did nothing.');
    return false;
  }
  try {
    const before = stmt(deps.db, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent'").get() as { n: number };
    const report = await tick(deps, now);
    const after = stmt(deps.db, 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
    const sent = (after.find((r) => r.state === 'sent')?.n ?? 0) - before.n;
    const pending = after.find((r) => r.state === 'pending')?.n ?? 0;
    const waiting = (stmt(deps.db, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'scheduled'").get() as { n: number }).n;
    const { window, timeZone } = deps.config;
    const opens =
      waiting > 0 && !isInsideSendingWindow(now, window, timeZone)
        ? ` (it next opens ${nextWindowOpening(now, window, timeZone).toISOString()})`
        : '';
    out(
      `Tick at ${now.toISOString()}: ${sent} sent, ${pending} waiting to be retried, ${waiting} questionnaires waiting for the sending window${opens}.`,
    );
    for (const f of report.failed) out(`  job ${f.job} failed (${f.error}); it will be retried on the next tick`);
    return report.failed.length === 0;
  } finally {
    release();
  }
}

async function runScheduler(ctx: CliContext, config: Config): Promise<number> {
  const { out } = ctx;
  const { default: cron } = await import('node-cron');
  const deps = createApp(config, ctx.overrides);
  let running: Promise<unknown> | null = null;
  const task = cron.schedule(
    config.cron,
    () => {
      if (running) {
        deps.logger.log('warn', 'tick.skipped_still_running');
        return;
      }
      running = lockedTick(deps, systemClock.now(), out)
        .catch((err) => deps.logger.log('error', 'tick.crashed', { error: (err as Error).name }))
        .finally(() => (running = null));
    },
    { timezone: config.timeZone, noOverlap: true, name: 'mentormail-tick' },
  );
  out(`mentormail is running: ticks on "${config.cron}" (${config.timeZone}). Stop with Ctrl-C.`);
  return new Promise((resolve) => {
    const stop = async (signal: string) => {
      out(`${signal}: finishing the current tick, then stopping.`);
      await task.stop();
      if (running) await running;
      await deps.close();
      resolve(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** tick and run: the main job, once or on a schedule. */
export function registerTickCommands(program: Command, ctx: CliContext): void {
  program
    .command('tick')
    .description('one idempotent pass: read mail, act on it, send what is due')
    .option('--now <time>', 'the current time (ISO 8601) instead of the clock')
    .action(async (opts: { now?: string }) => {
      const now = parseNow(opts.now);
      const ok = await ctx.withApp(ctx.config(), (deps) => lockedTick(deps, now, ctx.out));
      if (!ok) ctx.setExitCode(1);
    });

  program
    .command('run')
    .description('tick on the MENTORMAIL_CRON schedule until stopped (SIGINT/SIGTERM stop it cleanly)')
    .action(async () => {
      ctx.setExitCode(await runScheduler(ctx, ctx.config()));
    });
}
