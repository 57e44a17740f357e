import fs from 'node:fs';
import path from 'node:path';
import type { InboxSource } from './source';

/** The embedded default: `.eml` files dropped in a folder, moved to `processed` once stored. */
export function localFolderSource(inboxDir: string, processedDir: string, maxBytes: number): InboxSource {
  return {
    async poll(store, durable = () => undefined) {
      fs.mkdirSync(inboxDir, { recursive: true });
      fs.mkdirSync(processedDir, { recursive: true });
      const files = fs
        .readdirSync(inboxDir)
        .filter((f) => f.toLowerCase().endsWith('.eml'))
        .sort();
      for (const file of files) {
        const full = path.join(inboxDir, file);
        const size = fs.statSync(full).size;
        const raw = size > maxBytes ? readHead(full) : fs.readFileSync(full);
        store({ raw, ref: { source: 'local', uidvalidity: null, uid: null }, truncated: size > maxBytes });
        durable();
        fs.renameSync(full, path.join(processedDir, file));
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
