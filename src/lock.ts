import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from './db/open';
import { stmt } from './db/statements';

/**
 * The worker lease: one row per lock name in the database, taken in an IMMEDIATE transaction
 * (SQLite's write lock makes "read the holder, then write ourselves" atomic across processes),
 * with an owner and an expiry. The holder renews it while it works; a holder that died is
 * replaced when its lease runs out, or at once when it was a process on this machine that no
 * longer exists. Times are the wall clock, never a tick's `--now`.
 */
export interface Lease {
  readonly owner: string;
  /** Pushes the expiry forward; false when the lease was lost (it expired and was taken). */
  renew(): boolean;
  /** Gives the lease up (only if still ours) and stops renewing. Safe to call twice. */
  release(): void;
  /** True once a renewal found the lease taken by someone else. */
  readonly lost: boolean;
}

export interface LeaseOptions {
  /** How long the lease lasts without renewal. */
  ttlMs?: number;
  /** How often it is renewed while held; 0 turns automatic renewal off. */
  renewEveryMs?: number;
  /** Wall clock in ms; tests move it. */
  clock?: () => number;
  /** Whether a pid on this host is alive; tests replace it. */
  isAlive?: (pid: number) => boolean;
  host?: string;
}

export const TICK_LEASE = 'tick';
const DEFAULT_TTL_MS = 120_000;
const DEFAULT_RENEW_MS = 30_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "host:pid:random": the random part keeps two leases taken by one process apart. */
function ownerId(host: string): string {
  return `${host}:${process.pid}:${crypto.randomBytes(6).toString('hex')}`;
}

function diedOnThisHost(owner: string, host: string, isAlive: (pid: number) => boolean): boolean {
  const m = /^(.*):(\d+):[0-9a-f]+$/.exec(owner);
  return !!m && m[1] === host && !isAlive(Number(m[2]));
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

/** Takes the lease `name`, or returns null when someone else holds it. */
export function acquireLease(db: Db, name: string = TICK_LEASE, opts: LeaseOptions = {}): Lease | null {
  const ttl = opts.ttlMs ?? DEFAULT_TTL_MS;
  const renewEvery = opts.renewEveryMs ?? Math.min(DEFAULT_RENEW_MS, Math.floor(ttl / 3));
  const clock = opts.clock ?? Date.now;
  const host = opts.host ?? os.hostname();
  const isAlive = opts.isAlive ?? processAlive;
  const owner = ownerId(host);

  const take = db.transaction((): boolean => {
    const now = clock();
    const holder = stmt(db, 'SELECT owner, expires_at FROM worker_lease WHERE name = ?').get(name) as
      { owner: string; expires_at: number } | undefined;
    if (holder && holder.expires_at > now && !diedOnThisHost(holder.owner, host, isAlive)) return false;
    stmt(
      db,
      `INSERT INTO worker_lease (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
    ).run(name, owner, new Date(now).toISOString(), now + ttl);
    return true;
  });
  let taken: boolean;
  try {
    taken = take.immediate();
  } catch (err) {
    // Still busy after busy_timeout: another process is writing, most likely a tick.
    if (isBusy(err)) return null;
    throw err;
  }
  if (!taken) return null;

  let lost = false;
  let released = false;
  const renew = (): boolean => {
    if (released || lost) return !lost && !released;
    try {
      const changes = stmt(db, 'UPDATE worker_lease SET expires_at = ? WHERE name = ? AND owner = ?').run(
        clock() + ttl,
        name,
        owner,
      ).changes;
      if (changes === 0) lost = true;
    } catch (err) {
      if (!isBusy(err)) throw err; // a busy database now is retried at the next renewal
    }
    return !lost;
  };
  const timer = renewEvery > 0 ? setInterval(renew, renewEvery) : null;
  timer?.unref(); // a lease never keeps the process alive by itself

  return {
    owner,
    renew,
    get lost() {
      return lost;
    },
    release() {
      if (released) return;
      released = true;
      if (timer) clearInterval(timer);
      try {
        stmt(db, 'DELETE FROM worker_lease WHERE name = ? AND owner = ?').run(name, owner);
      } catch (err) {
        // The database may already be closed or busy; the lease then simply expires.
        if (!isBusy(err) && (err as Error).message !== 'The database connection is not open') throw err;
      }
    },
  };
}
