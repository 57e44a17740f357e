import { Option, type Command } from 'commander';
import { findPairByTrainee, pairsOfMentor, updatePair } from '../db/pairs';
import { getPerson, type Person } from '../db/people';
import { MentormailError } from '../errors';
import type { Deps } from '../jobs/deps';
import { pause, requireFuturePauseEnd, resume, withdraw } from '../participation';
import { isValidLocalDate } from '../schedule/calendar';
import { parseNow, requirePerson, type CliContext } from './context';
import { lockedTick } from './tick';

/** pause, resume, withdraw (for a trainee or an e-mentor) and reassign: what the coordinator can do for people. */
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
      .argument('<person>', "the trainee's or e-mentor's email address")
      .option('--now <time>', 'the current time (ISO 8601)')
      .action(async (email: string, opts: { now?: string; until?: string }) => {
        const now = parseNow(opts.now);
        await ctx.withApp(ctx.config(), async (deps) => {
          out(act(deps, requirePerson(deps, email), now, opts));
          await lockedTick(deps, now, () => undefined); // send the confirmation now
        });
      });

  participation('pause', 'pause questionnaires and reminders (for an e-mentor: reminders)', (deps, person, now, opts) => {
    if (opts.until !== undefined && !isValidLocalDate(opts.until))
      throw new MentormailError('USAGE', `--until: "${String(opts.until)}" is not a date in the form YYYY-MM-DD`);
    if (opts.until !== undefined) requireFuturePauseEnd(deps, opts.until, now);
    return pause(deps, person, opts.until ?? null, now) === 'changed'
      ? `${person.name} is paused${opts.until ? ` until ${opts.until}` : ''}.`
      : `${person.name} was already ${person.status}${person.paused_until ? ` until ${person.paused_until}` : ''}.`;
  }).addOption(new Option('--until <date>', 'resume by itself on this date (YYYY-MM-DD, after today)'));
  participation('resume', 'resume a paused trainee or e-mentor', (deps, person, now) =>
    resume(deps, person, now) === 'changed' ? `${person.name} has resumed.` : `${person.name} was not paused (${person.status}).`,
  );
  participation('withdraw', 'stop all mail to a trainee or e-mentor (as if they replied STOP)', (deps, person, now) => {
    if (withdraw(deps, person, now, { tellCoordinator: false }) === 'unchanged') return `${person.name} was already withdrawn.`;
    if (person.role === 'trainee') return `${person.name} has been withdrawn; they and their e-mentor have been told.`;
    const trainees = pairsOfMentor(deps.db, person.id)
      .map((p) => getPerson(deps.db, p.trainee_id))
      .filter((t) => t.status !== 'withdrawn');
    return [
      `${person.name} has stepped back as an e-mentor and has been told.${trainees.length === 0 ? ' They had no trainees to reassign.' : ' Reassign their trainees:'}`,
      ...trainees.map((t) => `  mentormail reassign ${t.email} <new e-mentor's email>    # ${t.name}`),
    ].join('\n');
  });

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
        if (mentor.status === 'withdrawn')
          throw new MentormailError('USAGE', `${mentor.name} has stepped back as an e-mentor; choose another e-mentor`);
        if (pair.mentor_id === mentor.id) return out(`${mentor.name} is already the e-mentor of ${trainee.name}.`);
        updatePair(deps.db, pair.id, { mentor_id: mentor.id, start_date: pair.start_date }, now);
        out(
          `The e-mentor of ${trainee.name} is now ${mentor.name}, from the next round on. Past rounds stay with ${getPerson(deps.db, pair.mentor_id).name}.`,
        );
      });
    });
}
