import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open';

describe('migrations', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-mig-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('apply in order, are recorded, and a second run applies nothing', () => {
    const db = new Database(path.join(dir, 'a.db'));
    const all = loadMigrations();
    expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort((a, b) => a - b));
    expect(migrate(db)).toBe(all.length);
    expect(migrate(db)).toBe(0);
    const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(recorded.map((r) => r.version)).toEqual(all.map((m) => m.version));
    db.close();
  });

  test('open() turns on WAL and foreign keys', () => {
    const db = openDatabase(path.join(dir, 'b.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare("INSERT INTO pairs (trainee_id, mentor_id, start_date, created_at, updated_at) VALUES (99, 98, '2026-01-01', 'x', 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  test('a failing migration leaves nothing half-applied', () => {
    const db = new Database(path.join(dir, 'c.db'));
    const broken = [...loadMigrations(), { version: 999, name: '999_broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations WHERE version = 999').get()).toEqual({ n: 0 });
    db.close();
  });

  test('refuses a database written by a newer version', () => {
    const file = path.join(dir, 'd.db');
    const db = new Database(file);
    migrate(db, [...loadMigrations(), { version: 998, name: '998_future', sql: 'CREATE TABLE future (x)' }]);
    db.close();
    expect(() => openDatabase(file)).toThrow(/998_future.*newer version/);
  });

  test('refuses a database whose applied migration was edited', () => {
    const file = path.join(dir, 'e.db');
    const db = new Database(file);
    const [first, ...rest] = loadMigrations();
    migrate(db, [{ ...first, sql: first.sql + '\n-- edited' }, ...rest]);
    db.close();
    expect(() => openDatabase(file)).toThrow(/differs/);
  });
});
