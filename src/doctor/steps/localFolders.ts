import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dropFolders, misplacedDropFiles } from '../../inbox/localSource';
import { fail, ok, type DoctorStep } from '../types';

/** Local mode: each folder exists and this user can create files in it; nothing is misplaced. */
export const localFoldersStep: DoctorStep = {
  name: 'local mail folder',
  needs: ['configuration'],
  skipUnless: (ctx) => (ctx.config?.transport.kind === 'local' ? null : 'not used: mail goes through the servers'),
  async run(ctx) {
    const t = ctx.config!.transport;
    if (t.kind !== 'local') throw new Error('local mail folder step in server mode');
    const drop = dropFolders(t.inboxDir);
    for (const dir of [t.outboxDir, drop.tmp, drop.new, t.processedDir]) {
      if (!fs.existsSync(dir)) return fail(`${dir} does not exist`, 'run mentormail init, which makes the folders');
      // A real write, not access(2): root passes access() even on a read-only mount.
      const probe = path.join(dir, `.doctor-${crypto.randomBytes(4).toString('hex')}`);
      try {
        fs.writeFileSync(probe, '', { flag: 'wx' });
        fs.rmSync(probe);
      } catch (err) {
        return fail(`${dir} cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`, "check the folder's permissions");
      }
    }
    const misplaced = misplacedDropFiles(t.inboxDir);
    if (misplaced.length > 0)
      return fail(
        `${misplaced.length} file${misplaced.length > 1 ? 's' : ''} in ${t.inboxDir} will not be read (${misplaced.slice(0, 3).join(', ')}${misplaced.length > 3 ? ', ...' : ''})`,
        `move replies into ${drop.new}; a program writing them should write into ${drop.tmp} and then move them (see the README)`,
      );
    return ok(`${t.maildir}: outbox, inbox/tmp, inbox/new and processed are writable; replies go in ${drop.new}`);
  },
};
