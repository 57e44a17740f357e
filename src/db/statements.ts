import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

type Statement = Database.Statement<unknown[]>;

// Preparing a statement costs about as much as running a small one; ticks run the same
// few dozen statements thousands of times, so each is prepared once per connection.
const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on this connection, prepared on first use. */
export function stmt(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
