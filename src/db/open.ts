import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';

export type Db = Database.Database;

/** Opens (creating if needed) the database, with WAL and foreign keys, and migrates it. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Commits skip the fsync (about 5 ms each, several per reply) and stay safe from a crash of
  // mentormail; syncToDisk (durable.ts) forces the disk before anything that cannot be undone.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
