import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { MentormailError } from '../errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

import { MIGRATIONS_DIR } from '../paths';

/** Migrations are `NNN_name.sql` files; they are only ever added, never edited. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

function checksum(sql: string): string {
  return crypto.createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies each pending migration in its own transaction and records it. Refuses a database
 * that has migrations this build does not know, or whose applied migrations were edited.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const mine = known.get(row.version);
    if (!mine) {
      throw new MentormailError(
        'DB_NEWER_THAN_APP',
        `The database has migration ${row.name}, which this version of mentormail does not know: it was written by a newer version. Upgrade mentormail.`,
      );
    }
    if (mine.name !== row.name || checksum(mine.sql) !== row.checksum) {
      throw new MentormailError('DB_MIGRATION_CHANGED', `Migration ${mine.name} differs from the one applied to this database.`);
    }
  }
  const done = new Set(applied.map((r) => r.version));
  let count = 0;
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        checksum(m.sql),
        new Date().toISOString(), // bookkeeping only; no job logic reads it
      );
    })();
    count++;
  }
  return count;
}
