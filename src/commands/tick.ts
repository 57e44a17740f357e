import type { Command } from 'commander';
import { createApp } from '../app';
import { systemClock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { errorCode, MentormailError, stopsTheTick } from '../errors';
import { tick } from '../jobs';
import type { Deps } from '../jobs/deps';
import { dropFolders, misplacedDropFiles } from '../inbox/localSource';
import { acquireLease } from '../lock';
import type { ServerKind } from '../mail/serverProblem';
import { isInsideSendingWindow, nextWindowOpening } from '../schedule/window';
import { parseNow, type CliContext, type Out } from './context';
import { localDateTime } from './format';

/** Counts taken before and after a tick, to say what it did (and whether it did anything). */
interface Snapshot {
  inbound: number;
  inboundSettled: number;
  outbox: number;
  sent: number;
  failed: number;
  retrying: number;
  unsent: number;
  rounds: number;
  scheduled: number;
  paused: number;
  /** Files dropped straight into the local inbox folder, which are not read. */
  misplaced: number;
}

function snapshot(db: Db, config: Config): Snapshot {
  const misplaced = config.transport.kind === 'local' ? misplacedDropFiles(config.transport.inboxDir).length : 0;
  const counts = stmt(
    db,
    `SELECT
       (SELECT COUNT(*) FROM inbound) AS inbound,
       (SELECT COUNT(*) FROM inbound WHERE state != 'new') AS inboundSettled,
       (SELECT COUNT(*) FROM outbox) AS outbox,
       (SELECT COUNT(*) FROM outbox WHERE state = 'sent') AS sent,
       (SELECT COUNT(*) FROM outbox WHERE state = 'failed') AS failed,
       (SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND attempts > 0) AS retrying,
       (SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND attempts = 0) AS unsent,
       (SELECT COUNT(*) FROM rounds) AS rounds,
       (SELECT COUNT(*) FROM rounds WHERE state = 'scheduled') AS scheduled,
       (SELECT COUNT(*) FROM people WHERE status = 'paused') AS paused`,
  ).get() as Omit<Snapshot, 'misplaced'>;
  return { ...counts, misplaced };
}

/** The line telling where a reply dropped in the wrong place should go. */
function misplacedLine(config: Config): string | null {
  if (config.transport.kind !== 'local') return null;
  const { inboxDir } = config.transport;
  const files = misplacedDropFiles(inboxDir);
  if (files.length === 0) return null;
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  const { tmp, new: ready } = dropFolders(inboxDir);
  return `${files.length} file${files.length > 1 ? 's' : ''} in ${inboxDir} ${files.length > 1 ? 'were' : 'was'} not read (${shown}): put replies in ${ready}, writing them into ${tmp} first and then moving them (see the README)`;
}

export interface TickOutcome {
  /** False when another tick held the lease, so this one did nothing. */
  ran: boolean;
  /** Whether anything changed or failed: `run` prints a line only then. */
  eventful: boolean;
  /** Each mail server that could not be used, with one line saying which (host:port) and why. */
  unreachable: { kind: ServerKind; line: string }[];
  /** Jobs that failed for another reason. */
  failedJobs: string[];
  /** The lease expired under this tick and another process took it over. */
  leaseLost: boolean;
}

export interface TickOutput {
  /** Print the summary even when nothing happened (`tick` does; `run` does not). */
  printIdle: boolean;
  /** Print unreachable servers with the summary (`run`); `tick` makes them its error instead. */
  printUnreachable: boolean;
}

/** Runs one tick under the worker lease and prints what it did. */
export async function lockedTick(
  deps: Deps,
  now: Date,
  out: Out,
  output: TickOutput = { printIdle: true, printUnreachable: true },
): Promise<TickOutcome> {
  const lease = acquireLease(deps.db);
  if (!lease) {
    out('Another mentormail tick is running; this one did nothing.');
    return { ran: false, eventful: true, unreachable: [], failedJobs: [], leaseLost: false };
  }
  try {
    const before = snapshot(deps.db, deps.config);
    const report = await tick(deps, now);
    const after = snapshot(deps.db, deps.config);
    const unreachable = report.failed.flatMap((f) => (f.server ? [f.server] : []));
    const problems = output.printUnreachable ? unreachable.map((u) => u.line) : [];
    const failedJobs = report.failed
      .filter((f) => !f.server)
      .map((f) => `job ${f.job} failed (${f.error}); it will be retried on the next tick`);
    const changed = (Object.keys(after) as (keyof Snapshot)[]).some((k) => after[k] !== before[k]);
    const eventful = changed || report.failed.length > 0 || lease.lost;
    if (eventful || output.printIdle) out(summaryLine(deps.config, now, before, after));
    const misplaced = eventful || output.printIdle ? misplacedLine(deps.config) : null;
    for (const line of [...problems, ...failedJobs, ...(misplaced ? [misplaced] : [])]) out(`  ${line}`);
    if (lease.lost) out('  this tick ran past its lease and another tick took over; check that ticks are not piling up');
    return { ran: true, eventful, unreachable, failedJobs, leaseLost: lease.lost };
  } finally {
    lease.release();
  }
}

function summaryLine(config: Config, now: Date, before: Snapshot, after: Snapshot): string {
  const parts = [`${after.inbound - before.inbound} received`, `${after.sent - before.sent} sent`];
  if (after.retrying > 0) parts.push(`${after.retrying} waiting to be retried`);
  if (after.unsent > 0) parts.push(`${after.unsent} not sent yet`);
  if (after.failed > before.failed) parts.push(`${after.failed - before.failed} given up after every retry failed`);
  if (after.scheduled > 0) {
    const { window, timeZone } = config;
    // Inside the window every due questionnaire goes out, except to an address that bounced.
    parts.push(
      isInsideSendingWindow(now, window, timeZone)
        ? `${after.scheduled} questionnaires held until their address works again (see mentormail people)`
        : `${after.scheduled} questionnaires waiting for the sending window (it next opens ${localDateTime(nextWindowOpening(now, window, timeZone), timeZone)})`,
    );
  }
  return `Tick at ${now.toISOString()}: ${parts.join(', ')}.`;
}

async function runScheduler(ctx: CliContext, config: Config): Promise<number> {
  const { out } = ctx;
  const { default: cron } = await import('node-cron');
  // A daemon's output is a log: no progress bars.
  const deps = createApp(config, { ...ctx.overrides, progress: undefined });
  let running: Promise<unknown> | null = null;
  const task = cron.schedule(
    config.cron,
    () => {
      if (running) {
        deps.logger.log('warn', 'tick.skipped_still_running');
        return;
      }
      running = lockedTick(deps, systemClock.now(), out, { printIdle: false, printUnreachable: true })
        .catch((err) => {
          // A refused mail login says what to change; anything else only its name (no content).
          if (stopsTheTick(err)) out(`mentormail: ${err.message}`);
          deps.logger.log('error', 'tick.crashed', { error: errorCode(err) });
        })
        .finally(() => (running = null));
    },
    { timezone: config.timeZone, noOverlap: true, name: 'mentormail-tick' },
  );
  out(`mentormail is running: ticks on "${config.cron}" (${config.timeZone}). Stop with Ctrl-C.`);
  out('It prints a line for each tick that received, sent or changed something, or failed.');
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
      const result = await ctx.withApp(ctx.config(), (deps) =>
        lockedTick(deps, now, ctx.out, { printIdle: true, printUnreachable: false }),
      );
      // A mail server that cannot be used fails the tick loudly (stderr, non-zero), so cron sees it.
      if (result.unreachable.length > 0) {
        const [first, ...rest] = result.unreachable;
        throw new MentormailError(
          first.kind === 'SMTP' ? 'SMTP_UNREACHABLE' : 'IMAP_UNREACHABLE',
          first.line,
          rest.map((r) => r.line),
        );
      }
      if (!result.ran || result.failedJobs.length > 0 || result.leaseLost) ctx.setExitCode(1);
    });

  program
    .command('run')
    .description('tick on the MENTORMAIL_CRON schedule until stopped (SIGINT/SIGTERM stop it cleanly)')
    .action(async () => {
      ctx.setExitCode(await runScheduler(ctx, ctx.config()));
    });
}
