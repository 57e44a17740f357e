import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import cron from 'node-cron';
import { createApp, type AppOverrides } from './app';
import { systemClock } from './clock';
import { CONFIG_VARIABLES, loadConfig, type Config } from './config';
import { findPairByTrainee, listPairs, updatePair } from './db/pairs';
import { findPersonByEmail, getPerson, type Person } from './db/people';
import { errorCode, MentormailError } from './errors';
import { tick } from './jobs';
import type { Deps } from './jobs/deps';
import { acquireLock } from './lock';
import { normaliseAddress } from './mail/address';
import { pause, resume, withdraw } from './participation';
import { loadQuestionnaire } from './questionnaire/definition';
import { analyseReply, toJson } from './reading';
import { importRoster } from './roster/apply';
import { describeChange } from './roster/plan';
import { isValidLocalDate } from './schedule/calendar';
import { isInsideSendingWindow, nextWindowOpening } from './schedule/window';
import { formatStatus, statusReport } from './status';

type Out = (line: string) => void;

/** `--now` when given, else the system clock: the only place the CLI reads the time. */
function parseNow(value: string | undefined): Date {
  if (value === undefined) return systemClock.now();
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new MentormailError('USAGE', `--now: "${value}" is not an ISO date-time (for example 2027-01-04T09:30:00Z)`);
  return d;
}

async function withAppOf<T>(config: Config, fn: (deps: Deps) => Promise<T> | T, overrides: AppOverrides = {}): Promise<T> {
  const app = createApp(config, overrides);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function requirePerson(deps: Deps, email: string, role?: Person['role']): Person {
  const person = findPersonByEmail(deps.db, normaliseAddress(email));
  if (!person) throw new MentormailError('NOT_FOUND', `${email} is not on the roster (see: mentormail people)`);
  if (role && person.role !== role)
    throw new MentormailError(
      'USAGE',
      `${email} is ${person.role === 'mentor' ? 'an e-mentor' : 'a trainee'}, not ${role === 'mentor' ? 'an e-mentor' : 'a trainee'}`,
    );
  return person;
}

function readInput(cwd: string, file: string): Buffer {
  const full = path.resolve(cwd, file);
  if (!fs.existsSync(full)) throw new MentormailError('NOT_FOUND', `${file}: no such file`);
  return fs.readFileSync(full);
}

function lockFile(config: Config): string {
  return `${path.resolve(config.dbPath)}.lock`;
}

/** Runs one tick under the worker lock; returns false when another worker holds it. */
async function lockedTick(deps: Deps, now: Date, out: Out): Promise<boolean> {
  const release = acquireLock(lockFile(deps.config));
  if (!release) {
    out('Another mentormail tick is running; this one did nothing.');
    return false;
  }
  try {
    const before = deps.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent'").get() as { n: number };
    const report = await tick(deps, now);
    const after = deps.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
    const sent = (after.find((r) => r.state === 'sent')?.n ?? 0) - before.n;
    const pending = after.find((r) => r.state === 'pending')?.n ?? 0;
    const waiting = (deps.db.prepare("SELECT COUNT(*) AS n FROM rounds WHERE state = 'scheduled'").get() as { n: number }).n;
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

function runScheduler(config: Config, out: Out, overrides: AppOverrides): Promise<number> {
  const deps = createApp(config, overrides);
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

/** The CLI over a given environment; tests pass their own env, cwd and (optionally) a logger. */
export function buildProgram(
  out: Out,
  env: NodeJS.ProcessEnv,
  cwd: string,
  overrides: AppOverrides = {},
): { program: Command; exitCode: () => number } {
  const config = () => loadConfig(env, cwd);
  const withApp = <T>(c: Config, fn: (deps: Deps) => Promise<T> | T) => withAppOf(c, fn, overrides);
  const program = new Command('mentormail')
    .description('Email-based e-mentoring for doctors in training: questionnaires out, replies in, relayed to e-mentors.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => out(s.trimEnd()) })
    .exitOverride();
  let exitCode = 0;
  const set = (code: number) => {
    exitCode = code;
  };

  program
    .command('init')
    .description('create the database and, in local mode, the mail folders')
    .action(async () => {
      const c = config();
      await withApp(c, () => undefined);
      if (c.transport.kind === 'local')
        for (const dir of [c.transport.inboxDir, c.transport.outboxDir, c.transport.processedDir]) fs.mkdirSync(dir, { recursive: true });
      out(`Database ready: ${c.dbPath}`);
      out(
        c.transport.kind === 'local'
          ? `Local mail folder: ${c.transport.maildir} (drop replies as .eml files into ${c.transport.inboxDir}; sent mail appears in ${c.transport.outboxDir})`
          : `Mail server: SMTP ${c.transport.smtp.host}, IMAP ${c.transport.imap.host}`,
      );
      out('Next: mentormail import <roster.csv>');
    });

  program
    .command('import')
    .description('import or update the roster from a CSV file (trainee_name,trainee_email,mentor_name,mentor_email,start_date)')
    .argument('<file>', 'the roster CSV')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (file: string, opts: { dryRun?: boolean; now?: string }) => {
      const now = parseNow(opts.now);
      const text = readInput(cwd, file).toString('utf8');
      await withApp(config(), (deps) => {
        const changes = importRoster(deps.db, text, path.basename(file), now, !!opts.dryRun);
        if (changes.length === 0) out('Nothing to change: the roster is already up to date.');
        for (const c of changes) out(`${opts.dryRun ? 'would ' : ''}${describeChange(c)}`);
        if (changes.length > 0)
          out(opts.dryRun ? `${changes.length} changes (dry run: nothing applied)` : `${changes.length} changes applied`);
      });
    });

  program
    .command('people')
    .description('list the roster: trainees with their e-mentor and state')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(config(), (deps) => {
        const rows = listPairs(deps.db).map((p) => {
          const t = getPerson(deps.db, p.trainee_id);
          const m = getPerson(deps.db, p.mentor_id);
          return {
            trainee: t.name,
            trainee_email: t.email,
            mentor: m.name,
            mentor_email: m.email,
            start_date: p.start_date,
            status: t.status,
            paused_until: t.paused_until,
            address_failing: t.address_failing_since !== null,
          };
        });
        if (opts.json) return out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return out('The roster is empty. Import one with: mentormail import <roster.csv>');
        for (const r of rows) {
          out(
            `${r.trainee} <${r.trainee_email}>  e-mentor: ${r.mentor} <${r.mentor_email}>  since ${r.start_date}  ${r.status}${r.paused_until ? ` until ${r.paused_until}` : ''}${r.address_failing ? '  (address failing)' : ''}`,
          );
        }
      });
    });

  program
    .command('tick')
    .description('one idempotent pass: read mail, act on it, send what is due')
    .option('--now <time>', 'the current time (ISO 8601) instead of the clock')
    .action(async (opts: { now?: string }) => {
      const now = parseNow(opts.now);
      const ok = await withApp(config(), (deps) => lockedTick(deps, now, out));
      if (!ok) set(1);
    });

  program
    .command('run')
    .description('tick on the MENTORMAIL_CRON schedule until stopped (SIGINT/SIGTERM stop it cleanly)')
    .action(async () => {
      set(await runScheduler(config(), out, overrides));
    });

  program
    .command('status')
    .description('rounds by state, counts and who is overdue: names and numbers, never content')
    .option('--json', 'print JSON')
    .option('--now <time>', 'the current time (ISO 8601)')
    .action(async (opts: { json?: boolean; now?: string }) => {
      const now = parseNow(opts.now);
      const c = config();
      await withApp(c, (deps) => {
        const report = statusReport(deps.db, c, now);
        out(opts.json ? JSON.stringify(report, null, 2) : formatStatus(report));
      });
    });

  program
    .command('parse-reply')
    .description('show how a reply email is read (needs no database)')
    .argument('<file.eml>', 'a raw email')
    .option('--json', 'print JSON (the default)')
    .action(async (file: string) => {
      const raw = readInput(cwd, file);
      const questionnairePath = env.MENTORMAIL_QUESTIONNAIRE ? path.resolve(cwd, env.MENTORMAIL_QUESTIONNAIRE) : undefined;
      const analysis = await analyseReply(raw, loadQuestionnaire(questionnairePath));
      out(JSON.stringify(toJson(analysis), null, 2));
    });

  const participation = (
    name: string,
    description: string,
    act: (deps: Deps, person: Person, now: Date, opts: { until?: string }) => string,
  ) =>
    program
      .command(name)
      .description(description)
      .argument('<trainee>', "the trainee's email address")
      .option('--now <time>', 'the current time (ISO 8601)')
      .action(async (email: string, opts: { now?: string; until?: string }) => {
        const now = parseNow(opts.now);
        await withApp(config(), async (deps) => {
          out(act(deps, requirePerson(deps, email, 'trainee'), now, opts));
          await lockedTick(deps, now, () => undefined); // send the confirmation now
        });
      });

  participation('pause', 'pause questionnaires and reminders for a trainee', (deps, person, now, opts) => {
    if (opts.until !== undefined && !isValidLocalDate(opts.until))
      throw new MentormailError('USAGE', `--until: "${String(opts.until)}" is not a date in the form YYYY-MM-DD`);
    return pause(deps, person, opts.until ?? null, now) === 'changed'
      ? `${person.name} is paused${opts.until ? ` until ${opts.until}` : ''}.`
      : `${person.name} was already ${person.status}.`;
  }).addOption(new Option('--until <date>', 'resume by itself on this date (YYYY-MM-DD)'));
  participation('resume', 'resume a paused trainee', (deps, person, now) =>
    resume(deps, person, now) === 'changed' ? `${person.name} has resumed.` : `${person.name} was not paused (${person.status}).`,
  );
  participation('withdraw', 'stop all mail to a trainee (as if they replied STOP)', (deps, person, now) =>
    withdraw(deps, person, now) === 'changed'
      ? `${person.name} has been withdrawn; their e-mentor and you have been told.`
      : `${person.name} was already withdrawn.`,
  );

  program
    .command('reassign')
    .description('give a trainee a new e-mentor, for future rounds only')
    .argument('<trainee>', "the trainee's email address")
    .argument('<mentor>', "the new e-mentor's email address (already on the roster)")
    .option('--now <time>', 'the current time (ISO 8601)')
    .action(async (traineeEmail: string, mentorEmail: string, opts: { now?: string }) => {
      const now = parseNow(opts.now);
      await withApp(config(), (deps) => {
        const trainee = requirePerson(deps, traineeEmail, 'trainee');
        const mentor = requirePerson(deps, mentorEmail, 'mentor');
        const pair = findPairByTrainee(deps.db, trainee.id);
        if (!pair) throw new MentormailError('NOT_FOUND', `${traineeEmail} has no e-mentor yet; import them with a roster`);
        if (pair.mentor_id === mentor.id) return out(`${mentor.name} is already ${trainee.name}'s e-mentor.`);
        updatePair(deps.db, pair.id, { mentor_id: mentor.id, start_date: pair.start_date }, now);
        out(
          `${trainee.name}'s e-mentor is now ${mentor.name}, from the next round on. Past rounds stay with ${getPerson(deps.db, pair.mentor_id).name}.`,
        );
      });
    });

  program
    .command('config')
    .description('list the configuration variables and their defaults')
    .action(() => {
      for (const v of CONFIG_VARIABLES) out(`${v.name}${v.default !== null ? ` (default: ${v.default})` : ''}\n    ${v.description}`);
    });

  return { program, exitCode: () => exitCode };
}

/** Entry point: returns the exit code. Errors are one clear line, never a stack trace. */
export async function main(
  argv: string[],
  out: Out = (l) => process.stdout.write(l + '\n'),
  err: Out = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const { program, exitCode } = buildProgram(out, process.env, process.cwd());
  try {
    await program.parseAsync(argv);
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError)
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    if (e instanceof MentormailError) {
      err(`mentormail: ${e.message}`);
      for (const d of e.details) err(`  ${d}`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    // Only the error's code: an unexpected error's message could quote what it choked on.
    err(`mentormail: unexpected error (${errorCode(e)}); run again with MENTORMAIL_LOG_LEVEL=debug for the job that failed`);
    return 1;
  }
}
