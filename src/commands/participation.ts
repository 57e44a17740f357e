import { Option, type Command } from 'commander';
import { findPairByTrainee, updatePair } from '../db/pairs';
import { getPerson, type Person } from '../db/people';
import { MentormailError } from '../errors';
import type { Deps } from '../jobs/deps';
import { pause, resume, withdraw } from '../participation';
import { isValidLocalDate } from '../schedule/calendar';
import { parseNow, requirePerson, type CliContext } from './context';
import { lockedTick } from './tick';

/** pause, resume, withdraw and reassign: what the coordinator can do for a trainee. */
export function registerParticipationCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
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
        await ctx.withApp(ctx.config(), async (deps) => {
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
    withdraw(deps, person, now, { tellCoordinator: false }) === 'changed'
      ? `${person.name} has been withdrawn; they and their e-mentor have been told.`
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
      await ctx.withApp(ctx.config(), (deps) => {
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
}
