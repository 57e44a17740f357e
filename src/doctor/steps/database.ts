import fs from 'node:fs';
import { openDatabase } from '../../db/open';
import { loadMigrations } from '../../db/migrate';
import { MentormailError } from '../../errors';
import { explainFileError } from '../../files';
import { fail, ok, type DoctorStep } from '../types';

/** The database exists (the doctor never creates one), opens, is migrated and can be written. */
export const databaseStep: DoctorStep = {
  name: 'database',
  needs: ['configuration'],
  async run(ctx) {
    const config = ctx.config!;
    const file = config.dbPath;
    if (file !== ':memory:' && !fs.existsSync(file))
      return fail(`there is no database at ${file}`, 'run mentormail init here, or set MENTORMAIL_DB to where the database is');
    try {
      ctx.db = openDatabase(file);
    } catch (err) {
      const explained = explainFileError(err, config.dbPath);
      if (explained instanceof MentormailError) return fail(explained.message, '');
      return fail(
        `${file} could not be opened (${(err as { code?: string }).code ?? (err as Error).name})`,
        'check that it is a mentormail database',
      );
    }
    const applied = (ctx.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n;
    try {
      // Takes the write lock and lets it go: proves the file and its folder are writable.
      ctx.db.prepare('BEGIN IMMEDIATE').run();
      ctx.db.prepare('ROLLBACK').run();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY'))
        return ok(`${file}, ${applied} of ${loadMigrations().length} migrations applied; busy (a tick is writing to it)`);
      const explained = explainFileError(err, config.dbPath);
      return fail(explained instanceof Error ? explained.message : `${file} cannot be written (${code})`, "check the folder's permissions");
    }
    return ok(`${file}, ${applied} of ${loadMigrations().length} migrations applied, writable`);
  },
};
