import type { Command } from 'commander';
import { MentormailError } from '../errors';
import type { CliContext } from './context';

/** doctor: is everything mentormail needs in place? */
export function registerDoctorCommands(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('check the configuration, database, mail folder or servers and plus-addressing; each line ok or what to do')
    .option('--wait <seconds>', 'how long to wait for the plus-addressing test message', '60')
    .action(async (opts: { wait: string }) => {
      const seconds = Number(opts.wait);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        throw new MentormailError('USAGE', `--wait: "${opts.wait}" must be a whole number of seconds from 1 to 3600`);
      // The checks load the SMTP and IMAP clients: only when the doctor runs.
      const { runDoctor } = await import('../doctor');
      const failed = await runDoctor({ env: ctx.env, cwd: ctx.cwd, config: null, db: null, waitMs: seconds * 1000 }, ctx.out);
      if (failed > 0) ctx.setExitCode(1);
    });
}
