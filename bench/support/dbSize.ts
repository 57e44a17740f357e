import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

/** The database file's size once its WAL is checkpointed, and the part of it in use. */
export function databaseSize(dbPath: string): { fileBytes: number; usedBytes: number } {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return { fileBytes: fs.statSync(dbPath).size, usedBytes: (pages - free) * pageSize };
  } finally {
    db.close();
  }
}

/** Rewrites a database without free pages, so that what a run adds shows as file growth. */
export function compact(dbPath: string): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
