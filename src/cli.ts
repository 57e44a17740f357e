import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { AppOverrides } from './app';
import { registerAddressCommands } from './commands/addresses';
import { registerDoctorCommands } from './commands/doctor';
import { registerEvaluateCommands } from './commands/evaluate';
import { registerHealthCommands } from './commands/health';
import { registerParticipationCommands } from './commands/participation';
import { cliContext, type Out, type RegisterCommands } from './commands/context';
import { registerInspectCommands } from './commands/inspect';
import { registerMatchCommands } from './commands/match';
import { registerProfileCommands } from './commands/profiles';
import { registerRosterCommands } from './commands/roster';
import { registerTickCommands } from './commands/tick';
import { errorCode, MentormailError } from './errors';
import { PROJECT_ROOT } from './paths';
import { terminalProgress } from './progress';

/** Every command module, in the order `--help` lists them. Each adds its own commands. */
const COMMAND_MODULES: readonly RegisterCommands[] = [
  registerRosterCommands,
  registerTickCommands,
  registerInspectCommands,
  registerParticipationCommands,
  registerAddressCommands,
  registerDoctorCommands,
  registerProfileCommands,
  registerMatchCommands,
  registerHealthCommands,
  registerEvaluateCommands,
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
    .version(version(), '-V, --version', 'print the version of mentormail')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => out(s.trimEnd()) })
    .exitOverride();
  let exitCode = 0;
  const ctx = cliContext(out, env, cwd, overrides, (code) => (exitCode = code));
  for (const register of COMMAND_MODULES) register(program, ctx);
  return { program, exitCode: () => exitCode };
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Writes lines to a stream until its reader goes away (`mentormail config | head -2`): then
 * EPIPE ends the writing, quietly, and the command still finishes its work.
 */
export function lineWriter(stream: NodeJS.WritableStream): Out {
  let open = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    open = false;
  });
  return (line) => {
    if (open) stream.write(line + '\n');
  };
}

/** Entry point: returns the exit code. Errors are one clear line, never a stack trace. */
export async function main(argv: string[], out: Out = lineWriter(process.stdout), err: Out = lineWriter(process.stderr)): Promise<number> {
  // Progress bars only on a terminal: under cron, or into a file or pipe, nothing extra.
  const { program, exitCode } = buildProgram(out, process.env, process.cwd(), { progress: terminalProgress(process.stdout) });
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
