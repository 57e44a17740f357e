import { Command, CommanderError } from 'commander';
import type { AppOverrides } from './app';
import { registerParticipationCommands } from './commands/participation';
import { cliContext, type Out, type RegisterCommands } from './commands/context';
import { registerInspectCommands } from './commands/inspect';
import { registerMatchCommands } from './commands/match';
import { registerProfileCommands } from './commands/profiles';
import { registerRosterCommands } from './commands/roster';
import { registerTickCommands } from './commands/tick';
import { errorCode, MentormailError } from './errors';

/** Every command module, in the order `--help` lists them. Each adds its own commands. */
const COMMAND_MODULES: readonly RegisterCommands[] = [
  registerRosterCommands,
  registerTickCommands,
  registerInspectCommands,
  registerParticipationCommands,
  registerProfileCommands,
  registerMatchCommands,
];

/** The CLI over a given environment; tests pass their own env, cwd and (optionally) a logger. */
export function buildProgram(
  out: Out,
  env: NodeJS.ProcessEnv,
  cwd: string,
  overrides: AppOverrides = {},
): { program: Command; exitCode: () => number } {
  const program = new Command('mentormail')
    .description('Email-based e-mentoring for doctors in training: questionnaires out, replies in, relayed to e-mentors.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => out(s.trimEnd()) })
    .exitOverride();
  let exitCode = 0;
  const ctx = cliContext(out, env, cwd, overrides, (code) => (exitCode = code));
  for (const register of COMMAND_MODULES) register(program, ctx);
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
