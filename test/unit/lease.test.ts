import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/open';
import { acquireLease } from '../../src/lock';
import { PROJECT_ROOT } from '../../src/paths';
import { runTs } from '../support/childProcess';

jest.setTimeout(300_000);

describe('the tick lease', () => {
  let dir: string;
  let db: Db;
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-lease-'));
    db = openDatabase(path.join(dir, 'm.db'));
    now = Date.parse('2027-01-04T10:00:00Z');
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one holder at a time; released, it can be taken again', () => {
    const a = acquireLease(db, 'tick', { clock, renewEveryMs: 0 });
    expect(a).not.toBeNull();
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0 })).toBeNull();
    a!.release();
    a!.release(); // twice is harmless
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0 })).not.toBeNull();
  });

  test('an abandoned lease is taken over once it expires, and the old holder learns it lost it', () => {
    // A holder on another machine: whether it is alive cannot be known, only its expiry.
    const old = acquireLease(db, 'tick', { clock, ttlMs: 60_000, renewEveryMs: 0, host: 'elsewhere' })!;
    now += 59_000;
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0 })).toBeNull();
    now += 2_000;
    const next = acquireLease(db, 'tick', { clock, renewEveryMs: 0 });
    expect(next).not.toBeNull();
    expect(old.renew()).toBe(false);
    expect(old.lost).toBe(true);
    old.release(); // must not remove the new holder's lease
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0 })).toBeNull();
  });

  test('renewing keeps it: a long tick is not taken over', () => {
    const holder = acquireLease(db, 'tick', { clock, ttlMs: 60_000, renewEveryMs: 0, host: 'elsewhere' })!;
    for (let i = 0; i < 10; i++) {
      now += 30_000;
      expect(holder.renew()).toBe(true);
      expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0 })).toBeNull();
    }
  });

  test('renews by itself on a timer while held', async () => {
    const holder = acquireLease(db, 'tick', { ttlMs: 600, renewEveryMs: 50 })!;
    await new Promise((r) => setTimeout(r, 1500)); // well past the ttl: only renewal keeps it
    expect(acquireLease(db, 'tick', { renewEveryMs: 0 })).toBeNull();
    expect(holder.lost).toBe(false);
    holder.release();
  });

  test('a holder on this machine whose process has died is replaced at once', () => {
    acquireLease(db, 'tick', { clock, renewEveryMs: 0, host: 'here' });
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0, host: 'here', isAlive: () => true })).toBeNull();
    expect(acquireLease(db, 'tick', { clock, renewEveryMs: 0, host: 'here', isAlive: () => false })).not.toBeNull();
  });

  test('eight real processes contending: never two holders at once, no errors', async () => {
    const file = path.join(dir, 'shared.db');
    openDatabase(file).close(); // created and migrated once, as `mentormail init` does
    const log = path.join(dir, 'holders.log');
    const contender = path.join(PROJECT_ROOT, 'test', 'support', 'leaseContender.ts');
    const WINS = 25;
    const results = await Promise.all(Array.from({ length: 8 }, () => runTs(contender, [file, log, String(WINS)])));
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const stats = results.map((r) => r.stdout.trim().split(' ').map(Number));
    expect(stats.reduce((n, [, , errors]) => n + errors, 0)).toBe(0);

    let holding = 0;
    let overlaps = 0;
    const events = fs.readFileSync(log, 'utf8').trim().split('\n');
    for (const e of events) {
      holding += e.startsWith('+') ? 1 : -1;
      if (holding > 1) overlaps++;
    }
    expect(events.length).toBe(8 * WINS * 2);
    expect(overlaps).toBe(0);
  });
});
