/**
 * One contender in the lease test, run as its own process: takes the tick lease `wins` times,
 * writing "+pid" when it starts holding and "-pid" when it stops to a shared log, and holds it
 * for a moment each time so that overlapping holders, if the lease allowed them, would show.
 * Exits 0 with "wins attempts errors" on stdout; any throw is counted, never hidden.
 */
import fs from 'node:fs';
import { openDatabase } from '../../src/db/open';
import { acquireLease } from '../../src/lock';

const [dbFile, logFile, winsArg] = process.argv.slice(2);
const wins = Number(winsArg);
const db = openDatabase(dbFile);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let won = 0;
let attempts = 0;
let errors = 0;
while (won < wins) {
  attempts++;
  let lease;
  try {
    lease = acquireLease(db);
  } catch {
    errors++;
    continue;
  }
  if (!lease) {
    pause(Math.random() * 2);
    continue;
  }
  won++;
  fs.appendFileSync(logFile, `+${process.pid}\n`);
  pause(2);
  fs.appendFileSync(logFile, `-${process.pid}\n`);
  try {
    lease.release();
  } catch {
    errors++;
  }
}
db.close();
process.stdout.write(`${won} ${attempts} ${errors}\n`);
