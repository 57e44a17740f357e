import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createApp, type AppOverrides } from '../app';
import { systemClock } from '../clock';
import { loadConfig, type Config } from '../config';
import { findPersonByEmail, type Person } from '../db/people';
import { MentormailError } from '../errors';
import { explainFileError } from '../files';
import type { Deps } from '../jobs/deps';
import { normaliseAddress } from '../mail/address';

export type Out = (line: string) => void;

/** What every command module gets from the CLI: where to write, the environment, and the app. */
export interface CliContext {
  out: Out;
  env: NodeJS.ProcessEnv;
  cwd: string;
  overrides: AppOverrides;
  /** Parses the configuration (throws CONFIG_INVALID listing every bad variable). */
  config(): Config;
  /** Makes the app from a config, runs `fn`, and always closes it. */
  withApp<T>(config: Config, fn: (deps: Deps) => Promise<T> | T): Promise<T>;
  /** Sets the process exit code for a command that finished but did not succeed. */
  setExitCode(code: number): void;
}

/** A command module adds its commands to the program. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;

export function cliContext(
  out: Out,
  env: NodeJS.ProcessEnv,
  cwd: string,
  overrides: AppOverrides,
  setExitCode: (code: number) => void,
): CliContext {
  return {
    out,
    env,
    cwd,
    overrides,
    setExitCode,
    config: () => loadConfig(env, cwd),
    async withApp(config, fn) {
      try {
        const app = createApp(config, overrides);
        try {
          return await fn(app);
        } finally {
          await app.close();
        }
      } catch (err) {
        throw explainFileError(err, config.dbPath);
      }
    },
  };
}

/** `--now` when given, else the system clock: the only place the CLI reads the time. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return systemClock.now();
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new MentormailError('USAGE', `--now: "${value}" is not an ISO date-time (for example 2027-01-04T09:30:00Z)`);
  return d;
}

export function requirePerson(deps: Deps, email: string, role?: Person['role']): Person {
  const person = findPersonByEmail(deps.db, normaliseAddress(email));
  if (!person) throw new MentormailError('NOT_FOUND', `${email} is not on the roster (see: mentormail people)`);
  if (role && person.role !== role)
    throw new MentormailError(
      'USAGE',
      `${email} is ${person.role === 'mentor' ? 'an e-mentor' : 'a trainee'}, not ${role === 'mentor' ? 'an e-mentor' : 'a trainee'}`,
    );
  return person;
}

/** Reads a file named on the command line; a folder, a missing or unreadable file get a plain sentence. */
export function readInput(cwd: string, file: string, expectedExtension?: string): Buffer {
  const full = path.resolve(cwd, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new MentormailError('NOT_FOUND', `${file}: no such file`);
  }
  if (stat.isDirectory()) {
    const inside = expectedExtension
      ? fs
          .readdirSync(full)
          .filter((f) => f.toLowerCase().endsWith(expectedExtension))
          .sort()
          .slice(0, 3)
      : [];
    const example = inside.length > 0 ? `, for example ${inside.map((f) => path.join(file, f)).join(' or ')}` : '';
    throw new MentormailError('USAGE', `${file} is a folder, not a file: name the file itself${example}`);
  }
  try {
    return fs.readFileSync(full);
  } catch (err) {
    throw new MentormailError('FILE_UNUSABLE', `${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
