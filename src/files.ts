import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MentormailError } from './errors';

/**
 * Putting files in place without ever replacing one that is there. rename(2) silently
 * replaces its target, so these use link(2), which fails with EEXIST instead (atomically),
 * and fall back to an exclusive copy where hard links are not supported.
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function linkExclusive(src: string, dest: string): void {
  try {
    fs.linkSync(src, dest);
  } catch (err) {
    if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
  }
}

/** "reply.eml", then "reply-2.eml", "reply-3.eml"... and, past a thousand, a random suffix. */
function* candidateNames(name: string): Generator<string> {
  const ext = /\.eml$/i.test(name) ? name.slice(-4) : '';
  const base = ext ? name.slice(0, -4) : name;
  yield name;
  for (let n = 2; n <= 1000; n++) yield `${base}-${n}${ext}`;
  for (;;) yield `${base}-${crypto.randomBytes(6).toString('hex')}${ext}`;
}

/** Moves `src` into `dir` as `name`, or under a new name if that one is taken. Returns the path. */
export function moveWithoutOverwriting(src: string, dir: string, name: string): string {
  for (const candidate of candidateNames(name)) {
    const dest = path.join(dir, candidate);
    try {
      linkExclusive(src, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    fs.unlinkSync(src);
    return dest;
  }
  throw new Error('unreachable: candidate names never run out');
}

/**
 * Writes `content` to `dir/name` whole (through a hidden temporary file) unless `name` is
 * already there. Returns false when it was: the file there is left exactly as it was.
 */
export function writeNewFile(dir: string, name: string, content: Buffer): boolean {
  const tmp = path.join(dir, `.${name}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(tmp, content, { flag: 'wx' });
  try {
    linkExclusive(tmp, path.join(dir, name));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH']);

/**
 * A database or folder this user cannot write to, as a plain sentence with what to do,
 * instead of "unexpected error (SQLITE_CANTOPEN)". Other errors pass through unchanged.
 */
export function explainFileError(err: unknown, dbPath: string): unknown {
  const e = err as { code?: unknown; path?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (!CANNOT_WRITE.has(code) && !code.startsWith('SQLITE_READONLY_') && !code.startsWith('SQLITE_CANTOPEN_')) return err;
  const target = typeof e.path === 'string' ? e.path : dbPath;
  const folder = path.dirname(target);
  const user = os.userInfo().username;
  return new MentormailError(
    'FILE_UNUSABLE',
    `cannot write to ${target}: the folder ${folder} is read-only, or the user ${user} may not write there (${code}). ` +
      `Check the folder's permissions, or set MENTORMAIL_DB (and MENTORMAIL_MAILDIR) to a place ${user} can write.`,
  );
}
