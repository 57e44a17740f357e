/**
 * Secrets (client secrets, private keys, refresh tokens) live in files that only their owner
 * may read or write, never in environment variables, where `ps`, crash reports and `config`
 * output could show them. A file anyone else could read is refused, by variable name.
 */
import fs from 'node:fs';
import { MentormailError } from '../errors';

/** What is wrong with a secret file, phrased to follow "VARIABLE: ", or null when it is fine. */
export function secretFileProblem(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? 'error'})`;
  }
  if (!stat.isFile()) return `${file} is not a regular file`;
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    return `${file} has mode 0${mode.toString(8)}, so other users could read or change it: it must be mode 0600 (run: chmod 600 ${file})`;
  }
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    return `${file} cannot be read by this user`;
  }
  if (stat.size === 0) return `${file} is empty`;
  return null;
}

/** Reads a secret file after checking it again (it may have changed since the config was loaded). */
export function readSecretFile(variable: string, file: string): string {
  const problem = secretFileProblem(file);
  if (problem) throw new MentormailError('CONFIG_INVALID', 'Invalid configuration', [`${variable}: ${problem}`]);
  return fs.readFileSync(file, 'utf8');
}

/** A one-line secret (a client secret, a refresh token): surrounding blanks and the final newline dropped. */
export function readSecretLine(variable: string, file: string): string {
  const value = readSecretFile(variable, file).trim();
  if (value === '' || /[\r\n]/.test(value)) {
    throw new MentormailError('CONFIG_INVALID', 'Invalid configuration', [`${variable}: ${file} must hold the secret alone, on one line`]);
  }
  return value;
}
