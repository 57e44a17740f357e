import fs from 'node:fs';
import path from 'node:path';
import { moveWithoutOverwriting } from '../files';
import type { InboxSource } from './source';

/**
 * The local drop folder, read the way Maildir is: a writer creates the file in `inbox/tmp/`
 * and, once it is complete, renames it into `inbox/new/`. A rename is atomic, so whatever is
 * in `new/` is whole; mentormail reads only `new/`. Files put straight into `inbox/` are not
 * read, because nothing can tell a half-written file from a finished one there: they are
 * reported (see misplacedDropFiles) and left alone.
 */
export function dropFolders(inboxDir: string): { tmp: string; new: string } {
  return { tmp: path.join(inboxDir, 'tmp'), new: path.join(inboxDir, 'new') };
}

/** Plain files a writer can hand over: dot-files are by convention still being written. */
function regularFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Files dropped directly into `inbox/` (not into `inbox/new/`): not read, so the CLI says so. */
export function misplacedDropFiles(inboxDir: string): string[] {
  return regularFiles(inboxDir);
}

export function localFolderSource(inboxDir: string, processedDir: string, maxBytes: number): InboxSource {
  const drop = dropFolders(inboxDir);
  return {
    async poll(store, durable = () => undefined) {
      for (const dir of [drop.tmp, drop.new, processedDir]) fs.mkdirSync(dir, { recursive: true });
      const files = regularFiles(drop.new);
      for (const file of files) {
        const full = path.join(drop.new, file);
        const size = fs.statSync(full).size;
        const raw = size > maxBytes ? readHead(full) : fs.readFileSync(full);
        store({ raw, ref: { source: 'local', uidvalidity: null, uid: null }, truncated: size > maxBytes });
        // Stored and on disk first; a second reply.eml gets a name of its own instead of replacing the first.
        durable();
        moveWithoutOverwriting(full, processedDir, file);
      }
      return files.length;
    },
    close: async () => undefined,
  };
}

/** The header block of an oversized file (up to 64 KiB), so the message is still on record. */
function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n);
    const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') + 4 : head.indexOf('\n\n') >= 0 ? head.indexOf('\n\n') + 2 : n;
    return head.subarray(0, end);
  } finally {
    fs.closeSync(fd);
  }
}
