import type { Command } from 'commander';
import { openEvaluations } from '../evaluation/open';
import { readHealthData } from '../health';
import { MentormailError } from '../errors';
import { parseNow, type CliContext } from './context';

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new MentormailError('USAGE', `--year: "${value}" is not a year such as 2027`);
  return Number(value);
}

/** evaluate open / status: the end-of-year survey. */
export function registerEvaluateCommands(program: Command, ctx: CliContext): void {
  const evaluate = program.command('evaluate').description('the end-of-year evaluation survey (see the README)');

  evaluate
    .command('open')
    .description('email everyone active in a year (leavers too) the end-of-year survey, from the next ticks inside the sending window')
    .requiredOption('--year <year>', 'the year, such as 2027')
    .option('--now <time>', 'the current time (ISO 8601)')
    .action(async (opts: { year: string; now?: string }) => {
      const year = parseYear(opts.year);
      const now = parseNow(opts.now);
      await ctx.withApp(ctx.config(), (deps) => {
        const o = openEvaluations(deps.db, year, deps.config.timeZone, now);
        if (o.trainees + o.mentors === 0) {
          ctx.out(`Nobody had a questionnaire in ${year}: no survey to send.`);
          return;
        }
        ctx.out(
          `Survey for ${year}: ${o.trainees} trainees (${o.leavers} of whom have stepped back: one email, no reminder) and ${o.mentors} e-mentors.`,
        );
        ctx.out(
          o.added > 0
            ? `${o.added} surveys will go out on the next tick inside the sending window (mentormail tick, or the schedule).`
            : 'Every survey for that year was already open: nothing added.',
        );
      });
    });

  evaluate
    .command('status')
    .description("a year's surveys by state: numbers only, never answers")
    .requiredOption('--year <year>', 'the year, such as 2027')
    .option('--json', 'print JSON')
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = parseYear(opts.year);
      await ctx.withApp(ctx.config(), (deps) => {
        const rows = readHealthData(deps.db).evaluationStatus.filter((e) => e.year === year);
        const states = ['scheduled', 'sent', 'answered', 'complete', 'lapsed'];
        const table = Object.fromEntries(
          (['trainee', 'mentor'] as const).map((role) => [
            role,
            Object.fromEntries(states.map((s) => [s, rows.filter((r) => r.role === role && r.state === s).length])),
          ]),
        );
        if (opts.json) {
          ctx.out(JSON.stringify({ year, ...table }, null, 2));
          return;
        }
        ctx.out(`Evaluation ${year} (answered: some questions answered; complete: all of them)`);
        ctx.out(`  ${''.padEnd(10)} ${states.map((s) => s.padStart(9)).join(' ')}`);
        for (const role of ['trainee', 'mentor'] as const)
          ctx.out(`  ${`${role}s`.padEnd(10)} ${states.map((s) => String(table[role][s]).padStart(9)).join(' ')}`);
      });
    });
}
